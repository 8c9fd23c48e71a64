import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import {
  Programme,
  ProgrammeCreate,
  ProgrammeGetQuery,
  ProgrammeListQuery,
  ProgrammeUpdate,
} from './programmes.schemas.js';
import type { ProgrammesService } from './programmes.service.js';
import type { AccessService } from '../access/access.service.js';
import { programmePolicies } from './programmes.policies.js';

const tags = ['programmes'];

/** CRUD of annual programmes under /api/programmes. */
export function programmesRoutes(
  app: App,
  services: { programmes: ProgrammesService; access: AccessService },
): void {
  const { programmes } = services;
  const policies = programmePolicies(services);
  app.get('/api/programmes', {
    schema: {
      operationId: 'listProgrammes',
      summary: 'List annual programmes',
      description:
        "Filter by organisation, year, the organisation's country or any of its names. Newest year first " +
        'unless `sort` says otherwise. Area labels are in the language `lang` asks for, falling back to English.',
      tags,
      querystring: ProgrammeListQuery,
      response: { 200: Page(Type.Ref(Programme), 'Programme'), ...problemResponses(400) },
    },
    handler: (request) => programmes.list(request.actor, request.query),
  });

  app.post('/api/programmes', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createProgramme',
      summary: 'Create an annual programme',
      description: 'An organisation has at most one programme per year (409 `programme.duplicate`).',
      tags,
      body: Type.Ref(ProgrammeCreate),
      response: { 201: Type.Ref(Programme), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const programme = await programmes.create(request.actor, request.body as ProgrammeCreate);
      return reply
        .status(201)
        .header('location', `/api/programmes/${programme.id}`)
        .header('etag', `"${programme.version}"`)
        .send(programme);
    },
  });

  app.get('/api/programmes/:id', {
    schema: {
      operationId: 'getProgramme',
      summary: 'Get an annual programme',
      tags,
      params: IdParams,
      querystring: ProgrammeGetQuery,
      response: { 200: Type.Ref(Programme), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const programme = await programmes.get(request.actor, request.params.id, request.query.lang);
      return reply.header('etag', `"${programme.version}"`).send(programme);
    },
  });

  app.patch('/api/programmes/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updateProgramme',
      summary: 'Change an annual programme',
      description: 'Send the `version` you read; if someone changed the programme since, the answer is 409.',
      tags,
      params: IdParams,
      body: Type.Ref(ProgrammeUpdate),
      response: { 200: Type.Ref(Programme), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const programme = await programmes.update(
        request.actor,
        request.params.id,
        request.body as ProgrammeUpdate,
      );
      return reply.header('etag', `"${programme.version}"`).send(programme);
    },
  });

  app.delete('/api/programmes/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deleteProgramme',
      summary: 'Delete an annual programme',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      await programmes.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
