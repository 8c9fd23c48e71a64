import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import {
  Membership,
  MembershipCreate,
  MembershipListQuery,
  MembershipUpdate,
} from './memberships.schemas.js';
import type { MembershipsService } from './memberships.service.js';
import type { AccessService } from '../access/access.service.js';
import { membershipPolicies } from './memberships.policies.js';

const tags = ['memberships'];

/** CRUD of memberships under /api/memberships. */
export function membershipsRoutes(
  app: App,
  services: { memberships: MembershipsService; access: AccessService },
): void {
  const { memberships } = services;
  const policies = membershipPolicies(services);
  app.get('/api/memberships', {
    schema: {
      operationId: 'listMemberships',
      summary: 'List memberships',
      description:
        'Filter by member, network or association, either party, role, year, the member’s country or any name of either party.',
      tags,
      querystring: MembershipListQuery,
      response: { 200: Page(Type.Ref(Membership), 'Membership'), ...problemResponses(400) },
    },
    handler: (request) => memberships.list(request.actor, request.query),
  });

  app.post('/api/memberships', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createMembership',
      summary: 'Record a membership',
      description:
        'A member may not join itself, and may not belong to the same organisation twice over overlapping periods (409).',
      tags,
      body: Type.Ref(MembershipCreate),
      response: { 201: Type.Ref(Membership), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const membership = await memberships.create(request.actor, request.body as MembershipCreate);
      return reply
        .status(201)
        .header('location', `/api/memberships/${membership.id}`)
        .header('etag', `"${membership.version}"`)
        .send(membership);
    },
  });

  app.get('/api/memberships/:id', {
    schema: {
      operationId: 'getMembership',
      summary: 'Get a membership',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Membership), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const membership = await memberships.get(request.actor, request.params.id);
      return reply.header('etag', `"${membership.version}"`).send(membership);
    },
  });

  app.patch('/api/memberships/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updateMembership',
      summary: 'Change a membership',
      description:
        'Send the `version` you read; if someone changed the membership since, the answer is 409. The rules are checked on the membership as it would be after the change.',
      tags,
      params: IdParams,
      body: Type.Ref(MembershipUpdate),
      response: { 200: Type.Ref(Membership), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const membership = await memberships.update(
        request.actor,
        request.params.id,
        request.body as MembershipUpdate,
      );
      return reply.header('etag', `"${membership.version}"`).send(membership);
    },
  });

  app.delete('/api/memberships/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deleteMembership',
      summary: 'Delete a membership',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      await memberships.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
