import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { Page, problemResponses } from '../../platform/http/schemas.js';
import { Theme, ThemeCreate, ThemeGetQuery, ThemeListQuery, ThemeUpdate } from './themes.schemas.js';
import type { ThemesService } from './themes.service.js';
import { administrators } from '../access/access.service.js';

const tags = ['themes'];

/** A theme is addressed by its id or its code. */
const IdOrCodeParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100, description: 'Id (UUID) or code.' }) },
  { additionalProperties: false },
);

/** CRUD of themes under /api/themes. */
export function themesRoutes(app: App, { themes }: { themes: ThemesService }): void {
  app.get('/api/themes', {
    schema: {
      operationId: 'listThemes',
      summary: 'List themes',
      description:
        'Filter by taxonomy or by words of any label. Each theme carries `label` in the language `lang` asks for, ' +
        'falling back to English; `labelLanguage` says which language it is.',
      tags,
      querystring: ThemeListQuery,
      response: { 200: Page(Type.Ref(Theme), 'Theme'), ...problemResponses(400) },
    },
    handler: (request) => themes.list(request.actor, request.query),
  });

  app.post('/api/themes', {
    config: { policy: administrators },
    schema: {
      operationId: 'createTheme',
      summary: 'Create a theme',
      tags,
      body: Type.Ref(ThemeCreate),
      response: { 201: Type.Ref(Theme), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const theme = await themes.create(request.actor, request.body as ThemeCreate);
      return reply
        .status(201)
        .header('location', `/api/themes/${theme.id}`)
        .header('etag', `"${theme.version}"`)
        .send(theme);
    },
  });

  app.get('/api/themes/:id', {
    schema: {
      operationId: 'getTheme',
      summary: 'Get a theme by id or code',
      tags,
      params: IdOrCodeParams,
      querystring: ThemeGetQuery,
      response: { 200: Type.Ref(Theme), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const theme = await themes.get(request.actor, request.params.id, request.query.lang);
      return reply.header('etag', `"${theme.version}"`).send(theme);
    },
  });

  app.patch('/api/themes/:id', {
    config: { policy: administrators },
    schema: {
      operationId: 'updateTheme',
      summary: 'Change a theme',
      description:
        'Send the `version` you read; if someone changed the theme since, the answer is 409. ' +
        'The code of a theme records use cannot change (409 `theme.in_use`).',
      tags,
      params: IdOrCodeParams,
      body: Type.Ref(ThemeUpdate),
      response: { 200: Type.Ref(Theme), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const theme = await themes.update(request.actor, request.params.id, request.body as ThemeUpdate);
      return reply.header('etag', `"${theme.version}"`).send(theme);
    },
  });

  app.delete('/api/themes/:id', {
    config: { policy: administrators },
    schema: {
      operationId: 'deleteTheme',
      summary: 'Delete a theme',
      description:
        'Only a theme no record or programme uses can be deleted; a used one gets 409 `theme.in_use`.',
      tags,
      params: IdOrCodeParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(404, 409) },
    },
    handler: async (request, reply) => {
      await themes.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
