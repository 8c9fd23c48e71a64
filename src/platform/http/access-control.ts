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

  fastify.addHook('onRequest', async (request) => {
    request.actor = { kind: 'public', requestId: request.id };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[options.cookieName];
    if (!token) return;
    const session = await options.resolveSession(token, request.id);
    if (!session) return;
    request.actor = session.actor;
    csrfTokens.set(request, session.csrfToken);
  });

  fastify.addHook('preHandler', async (request) => {
    if (!writeMethods.has(request.method)) return;
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
    if (await policy({ actor: request.actor, request })) return;
    if (request.actor.kind === 'public') {
      throw new AppError('auth.required', 401, 'Sign in to do this.');
    }
    throw new AppError('access.denied', 403, 'Your account may not do this.');
  });
}
