import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { compileRouteSchemas, createServer } from './server.js';

describe('the route schemas of the whole server', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createServer({ database });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  // Compiled on first use (a quicker restart), so a schema that does not compile would otherwise show
  // only at the first request of its route.
  it('all compile, each once', async () => {
    const compiled = await compileRouteSchemas(app);
    expect(compiled).toBeGreaterThan(100);
    expect(await compileRouteSchemas(app)).toBe(0);
  });
});
