import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import {
  Partnership,
  PartnershipCreate,
  PartnershipListQuery,
  PartnershipUpdate,
} from './partnerships.schemas.js';
import type { PartnershipsService } from './partnerships.service.js';
import type { AccessService } from '../access/access.service.js';
import { partnershipPolicies } from './partnerships.policies.js';

const tags = ['partnerships'];

/** CRUD of partnerships under /api/partnerships. */
export function partnershipsRoutes(
  app: App,
  services: { partnerships: PartnershipsService; access: AccessService },
): void {
  const { partnerships } = services;
  const policies = partnershipPolicies(services);
  app.get('/api/partnerships', {
    schema: {
      operationId: 'listPartnerships',
      summary: 'List partnerships',
      description:
        'Filter by organisation (either side), type, status, year, theme, country or any name of either side.',
      tags,
      querystring: PartnershipListQuery,
      response: { 200: Page(Type.Ref(Partnership), 'Partnership'), ...problemResponses(400) },
    },
    handler: (request) => partnerships.list(request.actor, request.query),
  });

  app.post('/api/partnerships', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createPartnership',
      summary: 'Record a partnership',
      description:
        'The two sides must differ; two partnerships of the same type between the same organisations that have not ended are refused (409).',
      tags,
      body: Type.Ref(PartnershipCreate),
      response: { 201: Type.Ref(Partnership), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const partnership = await partnerships.create(request.actor, request.body as PartnershipCreate);
      return reply
        .status(201)
        .header('location', `/api/partnerships/${partnership.id}`)
        .header('etag', `"${partnership.version}"`)
        .send(partnership);
    },
  });

  app.get('/api/partnerships/:id', {
    schema: {
      operationId: 'getPartnership',
      summary: 'Get a partnership',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Partnership), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const partnership = await partnerships.get(request.actor, request.params.id);
      return reply.header('etag', `"${partnership.version}"`).send(partnership);
    },
  });

  app.patch('/api/partnerships/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updatePartnership',
      summary: 'Change a partnership',
      description:
        'Send the `version` you read; if someone changed the partnership since, the answer is 409. The rules are checked on the partnership as it would be after the change.',
      tags,
      params: IdParams,
      body: Type.Ref(PartnershipUpdate),
      response: { 200: Type.Ref(Partnership), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const partnership = await partnerships.update(
        request.actor,
        request.params.id,
        request.body as PartnershipUpdate,
      );
      return reply.header('etag', `"${partnership.version}"`).send(partnership);
    },
  });

  app.delete('/api/partnerships/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deletePartnership',
      summary: 'Delete a partnership',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      await partnerships.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
