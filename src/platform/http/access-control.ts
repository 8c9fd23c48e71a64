import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';

/**
 * Access control for HTTP: who is calling (the session cookie), CSRF protection of cookie-authenticated
 * writes, and one explicit policy per write route. Deny by default: a write route without a policy is
 * refused, whoever calls it.
 */

export interface PolicyContext {
  actor: Actor;
  request: FastifyRequest;
}

/** Whether the actor may make this request. Policies may read the database and may throw (404). */
export type Policy = (context: PolicyContext) => boolean | Promise<boolean>;

/**
 * The part of a policy that needs only the caller (signed in, a role), checked as soon as the session
 * is known: before the body is read or validated, so an anonymous write gets 401 and a caller without
 * the role 403, whatever the request holds. The policy itself runs after validation, on the record.
 */
export type Guard = (actor: Actor) => boolean;

const guards = new WeakMap<Policy, Guard>();

/** Anonymous callers are refused unless a policy's guard lets them in: deny by default. */
const signedInGuard: Guard = (actor) => actor.kind !== 'public';

/**
 * Gives a policy its guard. Without a second argument the guard is the whole policy (a rule about the
 * caller alone); with one, the policy refines it after validation.
 */
export function guarded(guard: Guard, policy: Policy = ({ actor }) => guard(actor)): Policy {
  guards.set(policy, guard);
  return policy;
}

/** The guard of a policy; a policy declared without one lets in anyone signed in. */
export function guardOf(policy: Policy): Guard {
  return guards.get(policy) ?? signedInGuard;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every write route. */
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

export interface AccessControlOptions {
  /** The cookie that carries the session token. */
  cookieName: string;
  /** The header a cookie-authenticated write must carry. */
  csrfHeader: string;
  /** The session a token opens, if it is valid. */
  resolveSession(token: string, requestId: string): Promise<ResolvedSession | undefined>;
  /** Compares the CSRF header with the session's token in constant time. */
  sameSecret(a: string, b: string): boolean;
}

/** One method and path of the server, as registered. */
export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy | undefined;
}

export const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of a server built with access control, for the permission matrix and documentation. */
export function routeTable(fastify: FastifyInstance): RouteEntry[] {
  return routeTables.get(fastify) ?? [];
}

const csrfTokens = new WeakMap<FastifyRequest, string>();

/** Installs the hooks; call before any route is registered. Needs @fastify/cookie. */
export function installAccessControl(fastify: FastifyInstance, options: AccessControlOptions): void {
  const routes: RouteEntry[] = [];
  routeTables.set(fastify, routes);

  fastify.decorateRequest('actor', null as never);

  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const policy = route.config?.policy;
      routes.push({ method, url: route.url, policy });
      if (writeMethods.has(method) && !policy) {
        fastify.log.error(
          { method, url: route.url },
          'Write route without an access policy: it refuses everyone.',
        );
      }
    }
  });

  // Who is calling, and whether they may call this route at all, is settled before the request's body
  // is read: 401 comes before 403, and both before the schema's 400.
  fastify.addHook('onRequest', async (request) => {
    request.actor = { kind: 'public', requestId: request.id };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[options.cookieName];
    const session = token ? await options.resolveSession(token, request.id) : undefined;
    if (session) {
      request.actor = session.actor;
      csrfTokens.set(request, session.csrfToken);
    }
    if (!writeMethods.has(request.method) || request.is404) return;
    const csrfToken = csrfTokens.get(request);
    if (csrfToken !== undefined) {
      const sent = request.headers[options.csrfHeader];
      if (typeof sent !== 'string' || !options.sameSecret(sent, csrfToken)) {
        throw new AppError(
          'auth.csrf_invalid',
          403,
          `A signed-in write must carry the session's CSRF token in the ${options.csrfHeader} header.`,
        );
      }
    }
    const policy = request.routeOptions.config.policy;
    if (!policy) {
      throw new AppError('access.no_policy', 403, 'This action has no access policy, so nobody may do it.');
    }
    if (!guardOf(policy)(request.actor)) refuse(request.actor);
  });

  fastify.addHook('preHandler', async (request) => {
    if (!writeMethods.has(request.method) || request.is404) return;
    const policy = request.routeOptions.config.policy;
    if (policy && (await policy({ actor: request.actor, request }))) return;
    refuse(request.actor);
  });
}

/** 401 for an anonymous caller (signing in may help), 403 for a signed-in one. */
function refuse(actor: Actor): never {
  if (actor.kind === 'public') throw new AppError('auth.required', 401, 'Sign in to do this.');
  throw new AppError('access.denied', 403, 'Your account may not do this.');
}
