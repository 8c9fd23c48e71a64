import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdOrSlugParams, Page, problemResponses } from '../../platform/http/schemas.js';
import {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from './organisations.schemas.js';
import type { OrganisationsService } from './organisations.service.js';
import type { AccessService } from '../access/access.service.js';
import { organisationPolicies } from './organisations.policies.js';

const tags = ['organisations'];

/** CRUD of organisations under /api/organisations. */
export function organisationsRoutes(
  app: App,
  services: { organisations: OrganisationsService; access: AccessService },
): void {
  const { organisations } = services;
  const policies = organisationPolicies(services);
  app.get('/api/organisations', {
    schema: {
      operationId: 'listOrganisations',
      summary: 'List organisations',
      description:
        'Filter by any name (in any script, with or without diacritics), kind, country, theme or network.',
      tags,
      querystring: OrganisationListQuery,
      response: { 200: Page(Type.Ref(Organisation), 'Organisation'), ...problemResponses(400) },
    },
    handler: (request) => organisations.list(request.actor, request.query),
  });

  app.post('/api/organisations', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createOrganisation',
      summary: 'Create an organisation',
      tags,
      body: Type.Ref(OrganisationCreate),
      response: { 201: Type.Ref(Organisation), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const organisation = await organisations.create(request.actor, request.body as OrganisationCreate);
      return reply
        .status(201)
        .header('location', `/api/organisations/${organisation.id}`)
        .header('etag', `"${organisation.version}"`)
        .send(organisation);
    },
  });

  app.get('/api/organisations/:id', {
    schema: {
      operationId: 'getOrganisation',
      summary: 'Get an organisation by id or slug',
      tags,
      params: IdOrSlugParams,
      response: { 200: Type.Ref(Organisation), ...problemResponses(404) },
    },
    handler: async (request, reply) => {
      const organisation = await organisations.get(request.actor, request.params.id);
      return reply.header('etag', `"${organisation.version}"`).send(organisation);
    },
  });

  app.patch('/api/organisations/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updateOrganisation',
      summary: 'Change an organisation',
      description:
        'Send the `version` you read; if someone changed the organisation since, the answer is 409.',
      tags,
      params: IdOrSlugParams,
      body: Type.Ref(OrganisationUpdate),
      response: { 200: Type.Ref(Organisation), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const organisation = await organisations.update(
        request.actor,
        request.params.id,
        request.body as OrganisationUpdate,
      );
      return reply.header('etag', `"${organisation.version}"`).send(organisation);
    },
  });

  app.delete('/api/organisations/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deleteOrganisation',
      summary: 'Delete an organisation',
      description:
        'Also deletes its names, memberships, partnerships and project and activity participations.',
      tags,
      params: IdOrSlugParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(404, 409) },
    },
    handler: async (request, reply) => {
      await organisations.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
