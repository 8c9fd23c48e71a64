import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';

const Health = Type.Object(
  {
    status: Type.Literal('ok'),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    organisations: Type.Integer({ description: 'How many organisations the registry holds.' }),
    version: Type.String(),
  },
  { $id: 'Health', title: 'Health' },
);

/** GET /api/health: the server answers and its database too. */
export function healthRoutes(app: App, { database, version }: { database: Database; version: string }): void {
  app.get('/api/health', {
    schema: {
      operationId: 'getHealth',
      summary: 'Health of the server and its database',
      tags: ['meta'],
      response: { 200: Health, ...problemResponses(503) },
    },
    handler: async () => {
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from organisations`.execute(
        database.db,
      );
      return { status: 'ok' as const, database: database.kind, organisations: rows[0]?.count ?? 0, version };
    },
  });
}
