import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/server.js';
import { createServices, type Services } from '../src/services.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A migrated test database with the HTTP application and the services over it. */
export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  services: Services;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const services = createServices(database);
  const app = await createServer({ database, services });
  return {
    app,
    database,
    services,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
