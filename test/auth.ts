import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { hashToken, newToken, sessionCookie, csrfHeader } from '../src/modules/accounts/session-tokens.js';
import { systemActor, type OrganisationGrant } from '../src/platform/actor.js';
import type { Database } from '../src/platform/db/database.js';
import { inTransaction, newId } from '../src/platform/db/helpers.js';

/** Something requests can be injected into: the server itself, or the server as one signed-in user. */
export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface SignedInClient extends Client {
  userId: string;
  sessionId: string;
  /** The cookie and CSRF headers this client sends. */
  headers: Record<string, string>;
}

export interface UserOptions {
  admin?: boolean;
  grants?: OrganisationGrant[];
  email?: string;
  /** The language of the mails to the user (`users.language`); none: English. */
  language?: string;
}

let counter = 0;

/**
 * A user with an open session, made directly in the database, and a client that sends that session's
 * cookie and CSRF token. The server resolves it like any other session; signing in through the API is
 * tested by the accounts tests.
 */
export async function signedInClient(
  server: FastifyInstance,
  database: Database,
  options: UserOptions = {},
): Promise<SignedInClient> {
  const userId = newId();
  const sessionId = newId();
  const token = newToken();
  const csrfToken = newToken();
  counter += 1;
  // Users and roles are audited; test fixtures act as the system actor `test`.
  await inTransaction(database, systemActor('test'), async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: options.email ?? `user-${counter}-${userId}@example.org`,
        admin: options.admin ?? false,
        status: 'active',
        language: options.language ?? null,
      })
      .execute();
    if (options.grants?.length) {
      await trx
        .insertInto('userRoles')
        .values(options.grants.map((grant) => ({ userId, ...grant })))
        .execute();
    }
  });
  await database.db
    .insertInto('sessions')
    .values({
      id: sessionId,
      userId,
      tokenHash: hashToken(token),
      csrfToken,
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
    })
    .execute();
  const headers = { cookie: `${sessionCookie}=${token}`, [csrfHeader]: csrfToken };
  return {
    userId,
    sessionId,
    headers,
    inject: (request) =>
      server.inject({ ...request, headers: { ...headers, ...(request.headers as Record<string, string>) } }),
  };
}
