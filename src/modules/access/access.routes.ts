import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';
import type { AccessService } from './access.service.js';

/** What the caller may write for: the web application shows the actions a user may take from it. */
export const WriteScope = Type.Object(
  {
    all: Type.Boolean({ description: 'An administrator: writes for every organisation.' }),
    organisationIds: Type.Array(Type.String({ format: 'uuid' }), {
      description:
        'The organisations the caller writes for: its editor and coordinator roles, and the confirmed members of the associations it coordinates. Empty for anonymous callers and viewers.',
    }),
  },
  { $id: 'WriteScope', title: 'The organisations the caller writes for' },
);

/** What the caller may do, for clients: `GET /api/access/write-scope`. */
export function accessRoutes(app: App, { access }: { access: AccessService }): void {
  app.get('/api/access/write-scope', {
    schema: {
      operationId: 'getWriteScope',
      summary: 'The organisations you may write for',
      description:
        'The server checks every write by itself; this only tells a client which actions to offer.',
      tags: ['access'],
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: Type.Ref(WriteScope), ...problemResponses(400) },
    },
    handler: async (request, reply) => {
      const scope = await access.writeScope(request.actor);
      reply.header('cache-control', 'private, no-store');
      return scope === 'all'
        ? { all: true, organisationIds: [] }
        : { all: false, organisationIds: [...scope].sort() };
    },
  });
}
