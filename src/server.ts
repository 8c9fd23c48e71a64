import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { Activity, ActivityCreate, ActivityUpdate } from './modules/activities/activities.schemas.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { membershipsRoutes } from './modules/memberships/memberships.routes.js';
import { Membership, MembershipCreate, MembershipUpdate } from './modules/memberships/memberships.schemas.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import {
  Organisation,
  OrganisationCreate,
  OrganisationSummary,
  OrganisationUpdate,
} from './modules/organisations/organisations.schemas.js';
import { partnershipsRoutes } from './modules/partnerships/partnerships.routes.js';
import {
  Partnership,
  PartnershipCreate,
  PartnershipUpdate,
} from './modules/partnerships/partnerships.schemas.js';
import { placesRoutes } from './modules/places/places.routes.js';
import { Place } from './modules/places/places.schemas.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { Programme, ProgrammeCreate, ProgrammeUpdate } from './modules/programmes/programmes.schemas.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import {
  Project,
  ProjectCreate,
  ProjectPartner,
  ProjectUpdate,
} from './modules/projects/projects.schemas.js';
import { relationsRoutes } from './modules/relations/relations.routes.js';
import { OrganisationRelations } from './modules/relations/relations.schemas.js';
import { searchRoutes } from './modules/search/search.routes.js';
import {
  ResolveCandidate,
  ResolveResults,
  SearchHit,
  SearchResults,
} from './modules/search/search.schemas.js';
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
import { registerWebApp } from './platform/http/web.js';
import type { Logger } from './platform/logger.js';
import { createServices, type Services } from './services.js';
import { appVersion } from './version.js';

export interface ServerDependencies {
  database: Database;
  logger?: Logger | undefined;
  services?: Services;
  /** The web application's build directory; by default web/dist. */
  webRoot?: string;
}

type SharedSchema = TSchema & { $id: string };

/** One feature's routes and the schemas (with `$id`) they reference, which become OpenAPI components. */
interface Feature {
  routes: (app: App, services: Services) => void;
  schemas: TSchema[];
}

const features: Feature[] = [
  {
    routes: organisationsRoutes,
    schemas: [OrganisationSummary, Organisation, OrganisationCreate, OrganisationUpdate],
  },
  { routes: relationsRoutes, schemas: [OrganisationRelations] },
  { routes: membershipsRoutes, schemas: [Membership, MembershipCreate, MembershipUpdate] },
  { routes: partnershipsRoutes, schemas: [Partnership, PartnershipCreate, PartnershipUpdate] },
  { routes: projectsRoutes, schemas: [ProjectPartner, Project, ProjectCreate, ProjectUpdate] },
  { routes: activitiesRoutes, schemas: [Activity, ActivityCreate, ActivityUpdate] },
  { routes: programmesRoutes, schemas: [Programme, ProgrammeCreate, ProgrammeUpdate] },
  { routes: themesRoutes, schemas: [Theme, ThemeCreate, ThemeUpdate] },
  { routes: sourcesRoutes, schemas: [Source, SourceCreate, SourceUpdate] },
  { routes: searchRoutes, schemas: [SearchHit, SearchResults, ResolveCandidate, ResolveResults] },
  { routes: placesRoutes, schemas: [Place] },
];

/** Schemas that several features reference. */
const commonSchemas: TSchema[] = [Problem, SourceSummary];

/** Builds the whole HTTP application without listening, so tests use it through `inject`. */
export async function createServer(dependencies: ServerDependencies): Promise<FastifyInstance> {
  const { database } = dependencies;
  const services = dependencies.services ?? createServices(database);
  const fastify = Fastify({
    // pino's Logger and Fastify's base logger type differ only in optional members.
    loggerInstance: dependencies.logger as FastifyBaseLogger | undefined,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  });
  fastify.setValidatorCompiler(validatorCompiler);
  for (const schema of [
    ...commonSchemas,
    ...features.flatMap((feature) => feature.schemas),
  ] as SharedSchema[]) {
    fastify.addSchema(schema);
    addSharedSchema(schema);
  }
  installProblemDetails(fastify);
  await registerOpenApi(fastify, appVersion);

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  healthRoutes(app, { database, version: appVersion });
  for (const feature of features) feature.routes(app, services);
  await registerWebApp(fastify, dependencies.webRoot);

  await fastify.ready();
  return fastify;
}
