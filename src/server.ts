import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { healthRoutes } from './modules/health/health.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import {
  Organisation,
  OrganisationCreate,
  OrganisationSummary,
  OrganisationUpdate,
} from './modules/organisations/organisations.schemas.js';
import { SourceSummary } from './modules/sources/sources.schemas.js';
import type { Database } from './platform/db/database.js';
import type { App } from './platform/http/app-types.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { installProblemDetails } from './platform/http/problem-details.js';
import { Problem } from './platform/http/schemas.js';
import { addSharedSchema, validatorCompiler } from './platform/http/validation.js';
import type { Logger } from './platform/logger.js';
import { createServices, type Services } from './services.js';
import { appVersion } from './version.js';

export interface ServerDependencies {
  database: Database;
  logger?: Logger | undefined;
  services?: Services;
}

/** Schemas referenced by `$id` from several routes; they become OpenAPI components. */
const sharedSchemas: (TSchema & { $id: string })[] = [
  Problem,
  SourceSummary,
  OrganisationSummary,
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
] as (TSchema & { $id: string })[];

/** Builds the whole HTTP application without listening, so tests use it through `inject`. */
export async function createServer(dependencies: ServerDependencies): Promise<FastifyInstance> {
  // pino's Logger and Fastify's base logger type differ only in optional members.
  const { database } = dependencies;
  const services = dependencies.services ?? createServices(database);
  const fastify = Fastify({
    loggerInstance: dependencies.logger as FastifyBaseLogger | undefined,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  });
  fastify.setValidatorCompiler(validatorCompiler);
  for (const schema of sharedSchemas) {
    fastify.addSchema(schema);
    addSharedSchema(schema);
  }
  installProblemDetails(fastify);
  await registerOpenApi(fastify, appVersion);

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  healthRoutes(app, { database, version: appVersion });
  organisationsRoutes(app, services);

  await fastify.ready();
  return fastify;
}
