import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import { Source, SourceCreate, SourceListQuery, SourceUpdate } from './sources.schemas.js';
import type { SourcesService } from './sources.service.js';
import { administrators, editorsAndCoordinators } from '../access/access.service.js';

const tags = ['sources'];

/** CRUD of sources under /api/sources. */
export function sourcesRoutes(app: App, { sources }: { sources: SourcesService }): void {
  app.get('/api/sources', {
    schema: {
      operationId: 'listSources',
      summary: 'List sources',
      description: 'Filter by words of the title or publisher (case and diacritics do not matter) or kind.',
      tags,
      querystring: SourceListQuery,
      response: { 200: Page(Type.Ref(Source), 'Source'), ...problemResponses(400) },
    },
    handler: (request) => sources.list(request.actor, request.query),
  });

  app.post('/api/sources', {
    config: { policy: editorsAndCoordinators },
    schema: {
      operationId: 'createSource',
      summary: 'Create a source',
      tags,
      body: Type.Ref(SourceCreate),
      response: { 201: Type.Ref(Source), ...problemResponses(400) },
    },
    handler: async (request, reply) => {
      const source = await sources.create(request.actor, request.body as SourceCreate);
      return reply
        .status(201)
        .header('location', `/api/sources/${source.id}`)
        .header('etag', `"${source.version}"`)
        .send(source);
    },
  });

  app.get('/api/sources/:id', {
    schema: {
      operationId: 'getSource',
      summary: 'Get a source',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Source), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const source = await sources.get(request.actor, request.params.id);
      return reply.header('etag', `"${source.version}"`).send(source);
    },
  });

  app.patch('/api/sources/:id', {
    config: { policy: administrators },
    schema: {
      operationId: 'updateSource',
      summary: 'Change a source',
      description: 'Send the `version` you read; if someone changed the source since, the answer is 409.',
      tags,
      params: IdParams,
      body: Type.Ref(SourceUpdate),
      response: { 200: Type.Ref(Source), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const source = await sources.update(request.actor, request.params.id, request.body as SourceUpdate);
      return reply.header('etag', `"${source.version}"`).send(source);
    },
  });

  app.delete('/api/sources/:id', {
    config: { policy: administrators },
    schema: {
      operationId: 'deleteSource',
      summary: 'Delete a source',
      description: 'Only a source no record cites can be deleted; a cited one gets 409 `source.in_use`.',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      await sources.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
