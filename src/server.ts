import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { accessRoutes, WriteScope } from './modules/access/access.routes.js';
import { backupRoutes } from './modules/backup/backup.routes.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { confirmationRoutes } from './modules/confirmation/confirmation.routes.js';
import {
  Confirmation,
  ConfirmRelation,
  DisputeRelation,
} from './modules/confirmation/confirmation.schemas.js';
import { projectPartnersRoutes } from './modules/projects/project-partners.routes.js';
import { ProjectPartnerAdd } from './modules/projects/project-partners.schemas.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { FieldChange, HistoryActor, HistoryEvent } from './modules/audit/audit.schemas.js';
import { contactsRoutes } from './modules/contacts/contacts.routes.js';
import {
  Contact,
  ContactCreate,
  ContactExport,
  ContactList,
  ContactUpdate,
} from './modules/contacts/contacts.schemas.js';
import { Activity, ActivityCreate, ActivityUpdate } from './modules/activities/activities.schemas.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { candidatesRoutes } from './modules/initiatives/candidates.routes.js';
import { CandidateList, ExcludedCandidate } from './modules/initiatives/candidates.schemas.js';
import { initiativesRoutes } from './modules/initiatives/initiatives.routes.js';
import {
  Initiative,
  InitiativeCreate,
  InitiativeHistory,
  InitiativeStatusChange,
  InitiativeTransition,
  InitiativeUpdate,
} from './modules/initiatives/initiatives.schemas.js';
import { interestsRoutes } from './modules/interests/interests.routes.js';
import {
  Interest,
  InterestAcceptance,
  InterestAnswer,
  InterestCreate,
  InterestList,
} from './modules/interests/interests.schemas.js';
import { matchingRoutes } from './modules/matching/matching.routes.js';
import {
  ExcludedPartner,
  FundingProgramme,
  MatchFactor,
  SuggestedPartner,
  SuggestedPartners,
} from './modules/matching/matching.schemas.js';
import { membershipsRoutes } from './modules/memberships/memberships.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { Notification, NotificationList } from './modules/notifications/notifications.schemas.js';
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
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { accountsSchemas } from './modules/accounts/accounts.schemas.js';
import { csrfHeader, sameSecret, sessionCookie } from './modules/accounts/session-tokens.js';
import { installTwoFactorGate } from './modules/accounts/two-factor-gate.js';
import { usersRoutes } from './modules/accounts/users.routes.js';
import type { Database } from './platform/db/database.js';
import { newId } from './platform/db/helpers.js';
import { installAccessControl } from './platform/http/access-control.js';
import type { App } from './platform/http/app-types.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { answerFrameworkError, installProblemDetails } from './platform/http/problem-details.js';
import { clientErrorHandler, installRequestLimits, requestLimits } from './platform/http/request-limits.js';
import { Problem } from './platform/http/schemas.js';
import { createSerializerCompiler } from './platform/http/serialization.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { LazyCompilation } from './platform/http/lazy-compilation.js';
import { addSharedSchema, createValidatorCompiler } from './platform/http/validation.js';
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
  {
    routes: matchingRoutes,
    schemas: [MatchFactor, SuggestedPartner, ExcludedPartner, SuggestedPartners, FundingProgramme],
  },
  { routes: confirmationRoutes, schemas: [ConfirmRelation, DisputeRelation] },
  { routes: projectPartnersRoutes, schemas: [ProjectPartnerAdd] },
  { routes: accessRoutes, schemas: [WriteScope] },
  { routes: auditRoutes, schemas: [HistoryActor, FieldChange, HistoryEvent] },
  {
    routes: contactsRoutes,
    schemas: [Contact, ContactCreate, ContactUpdate, ContactList, ContactExport],
  },
  { routes: accountsRoutes, schemas: accountsSchemas },
  { routes: usersRoutes, schemas: [] },
  {
    routes: initiativesRoutes,
    schemas: [
      Initiative,
      InitiativeCreate,
      InitiativeUpdate,
      InitiativeTransition,
      InitiativeStatusChange,
      InitiativeHistory,
    ],
  },
  { routes: candidatesRoutes, schemas: [ExcludedCandidate, CandidateList] },
  {
    routes: interestsRoutes,
    schemas: [Interest, InterestList, InterestCreate, InterestAcceptance, InterestAnswer],
  },
  { routes: notificationsRoutes, schemas: [Notification, NotificationList] },
  { routes: backupRoutes, schemas: [] },
];

/** Schemas that several features reference. */
const commonSchemas: TSchema[] = [Problem, SourceSummary, Confirmation];

/** Each server's validators and serializers, compiled on first use (see LazyCompilation). */
const compilations = new WeakMap<FastifyInstance, LazyCompilation>();

/**
 * Compiles every route schema of a server that no request has needed yet, between requests; resolves to
 * how many. A listening server calls it once it is otherwise ready, so that the first request of each
 * route does not wait for its compilation.
 */
export function compileRouteSchemas(app: FastifyInstance): Promise<number> {
  return compilations.get(app)?.compileAll() ?? Promise.resolve(0);
}

/** Builds the whole HTTP application without listening, so tests use it through `inject`. */
export async function createServer(dependencies: ServerDependencies): Promise<FastifyInstance> {
  const { database } = dependencies;
  const services = dependencies.services ?? createServices(database);
  const fastify = Fastify({
    // pino's Logger and Fastify's base logger type differ only in optional members.
    loggerInstance: dependencies.logger as FastifyBaseLogger | undefined,
    // Oversized and malformed requests are answered with problem details, never a reset connection:
    // see platform/http/request-limits.ts.
    bodyLimit: requestLimits.body,
    routerOptions: { maxParamLength: requestLimits.pathParameter },
    // Node answers a missing Host with a bare 400; installRequestLimits answers it as a problem instead.
    http: { maxHeaderSize: requestLimits.head, requireHostHeader: false },
    clientErrorHandler: clientErrorHandler(dependencies.logger),
    frameworkErrors: answerFrameworkError,
    // Unique across restarts, so audit events and logs can name the request that caused them.
    genReqId: () => newId(),
    ajv: { customOptions: { removeAdditional: false } },
  });
  const sharedSchemas = [
    ...commonSchemas,
    ...features.flatMap((feature) => feature.schemas),
  ] as SharedSchema[];
  const compilation = new LazyCompilation();
  compilations.set(fastify, compilation);
  fastify.setValidatorCompiler(createValidatorCompiler(compilation));
  fastify.setSerializerCompiler(createSerializerCompiler(sharedSchemas, compilation));
  fastify.addHook('onClose', async () => compilation.stop());
  for (const schema of sharedSchemas) {
    fastify.addSchema(schema);
    addSharedSchema(schema);
  }
  installProblemDetails(fastify);
  installRequestLimits(fastify);
  // Names the request in every answer, so a report or a support question can be matched with the logs
  // and with the audit events the request wrote.
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  await fastify.register(cookie);
  await registerSecurityHeaders(fastify, { https: services.accounts.cookies.secure });
  installAccessControl(fastify, {
    cookieName: sessionCookie,
    csrfHeader,
    sameSecret,
    resolveSession: (token, requestId) => services.sessions.resolve(token, requestId),
  });
  installTwoFactorGate(fastify);
  await registerOpenApi(fastify, appVersion);

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  healthRoutes(app, { database, version: appVersion });
  for (const feature of features) feature.routes(app, services);
  await registerWebApp(fastify, dependencies.webRoot);

  await fastify.ready();
  return fastify;
}
