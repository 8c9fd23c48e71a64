/**
 * Who is signed in: the session the server answers on `GET /api/session`, shared by every component
 * through one query, and the client middleware that makes signed-in writes acceptable to the server (the
 * session's CSRF token in the `x-csrf-token` header of every POST, PUT, PATCH and DELETE).
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Middleware } from 'openapi-fetch';
import { api, unwrap, type BodyOf, type ResultOf } from './client';

export type Session = ResultOf<'getSession'>;
export type SessionUser = NonNullable<Session['user']>;
export type SessionGrant = SessionUser['grants'][number];

export const sessionKey = ['session'] as const;

/** The header a signed-in write carries; the server compares it with the session's token. */
export const csrfHeader = 'x-csrf-token';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/session', { signal })),
    staleTime: 5 * 60 * 1000,
    // Signing out (or in) in another tab shows here when the reader comes back.
    refetchOnWindowFocus: true,
  });

const signedOut: Session = { user: null, csrfToken: null };

/**
 * Adds the session's CSRF token to every write, reading it from the session query (fetched first if no
 * component has asked for it yet), and re-reads the session when the server says it has ended (401) or
 * that the token is not the session's (403 `auth.csrf_invalid`, after signing in again in another tab).
 * Returns the function that removes it.
 */
export function installSessionMiddleware(queryClient: QueryClient): () => void {
  const middleware: Middleware = {
    async onRequest({ request }) {
      if (!writeMethods.has(request.method)) return undefined;
      const session = await queryClient.ensureQueryData(sessionQuery());
      if (session.csrfToken) request.headers.set(csrfHeader, session.csrfToken);
      return request;
    },
    async onResponse({ response, schemaPath }) {
      if (schemaPath === '/api/session') return undefined;
      const isEnded = response.status === 401;
      const isStaleToken =
        response.status === 403 &&
        ((await response
          .clone()
          .json()
          .then((problem: { code?: string }) => problem.code)
          .catch(() => undefined)) as string | undefined) === 'auth.csrf_invalid';
      if (isEnded || isStaleToken) void queryClient.invalidateQueries({ queryKey: sessionKey });
      return undefined;
    },
  };
  api.use(middleware);
  return () => api.eject(middleware);
}

/**
 * Makes a new session (or none) the one every component sees, and marks everything else stale: what a
 * page shows and offers may depend on who reads it.
 */
async function applySession(queryClient: QueryClient, session: Session): Promise<void> {
  queryClient.setQueryData(sessionKey, session);
  queryClient.removeQueries({ queryKey: ['admin'] });
  await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** Signs in with an email and a password (and a code from the authenticator app, when the account has one). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'signIn'>) => unwrap(api.POST('/api/session', { body })),
    onSuccess: (session) => applySession(queryClient, session),
  });
}

/**
 * Ends the session on the server and forgets it here. `beforeForget` runs once the server has ended it,
 * before the page learns it (leave a page that shows nothing to visitors there, so it does not flash
 * "sign in required").
 */
export function useSignOut(beforeForget?: () => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/session')),
    onSuccess: async () => {
      await beforeForget?.();
      await applySession(queryClient, signedOut);
    },
  });
}

/** Accepts an invitation: sets the display name and password, and signs in. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'acceptInvitation'>) => unwrap(api.POST('/api/invitations/accept', { body })),
    onSuccess: (session) => applySession(queryClient, session),
  });
}

/** Re-reads the session after a change to the signed-in account (two-factor authentication). */
export function useRefreshSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionKey });
}
