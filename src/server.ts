import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { healthRoutes } from './modules/health/health.routes.js';
import { membershipsRoutes } from './modules/memberships/memberships.routes.js';
import { Membership, MembershipCreate, MembershipUpdate } from './modules/memberships/memberships.schemas.js';
import { partnershipsRoutes } from './modules/partnerships/partnerships.routes.js';
import {
  Partnership,
  PartnershipCreate,
  PartnershipUpdate,
} from './modules/partnerships/partnerships.schemas.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import {
  Project,
  ProjectCreate,
  ProjectPartner,
  ProjectUpdate,
} from './modules/projects/projects.schemas.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { Activity, ActivityCreate, ActivityUpdate } from './modules/activities/activities.schemas.js';
import {
  Organisation,
  OrganisationCreate,
  OrganisationSummary,
  OrganisationUpdate,
} from './modules/organisations/organisations.schemas.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { Programme, ProgrammeCreate, ProgrammeUpdate } from './modules/programmes/programmes.schemas.js';
import { relationsRoutes } from './modules/relations/relations.routes.js';
import { OrganisationRelations } from './modules/relations/relations.schemas.js';
import { sourcesRoutes } from './modules/sources/sources.routes.js';
import { Source, SourceCreate, SourceSummary, SourceUpdate } from './modules/sources/sources.schemas.js';
import { themesRoutes } from './modules/themes/themes.routes.js';
import { Theme, ThemeCreate, ThemeUpdate } from './modules/themes/themes.schemas.js';
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
  Source,
  SourceCreate,
  SourceUpdate,
  Theme,
  ThemeCreate,
  ThemeUpdate,
  Programme,
  ProgrammeCreate,
  ProgrammeUpdate,
  OrganisationRelations,
  OrganisationSummary,
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
  ProjectPartner,
  Project,
  ProjectCreate,
  ProjectUpdate,
  Activity,
  ActivityCreate,
  ActivityUpdate,
  Membership,
  MembershipCreate,
  MembershipUpdate,
  Partnership,
  PartnershipCreate,
  PartnershipUpdate,
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
  projectsRoutes(app, services);
  activitiesRoutes(app, services);
  sourcesRoutes(app, services);
  themesRoutes(app, services);
  programmesRoutes(app, services);
  relationsRoutes(app, services);
  membershipsRoutes(app, services);
  partnershipsRoutes(app, services);

  await fastify.ready();
  return fastify;
}
