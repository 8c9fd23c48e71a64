import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { OrganisationGrant } from '../../platform/actor.js';

/** The system_state key of the security settings (`{ requireTwoFactor }`). */
export const securitySettingsKey = 'security';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  admin: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  grants: OrganisationGrant[];
  /** Whether the user has confirmed two-factor authentication. */
  twoFactorEnabled: boolean;
  /** Whether the security settings make two-factor authentication mandatory. */
  requireTwoFactor: boolean;
}

/**
 * The session of an active user with this token hash, unless it has outlived its absolute lifetime
 * (`expiresAt`) or has been idle since before `idleSince`; with the user's roles.
 */
export async function findActiveSession(
  db: Executor,
  tokenHash: string,
  now: Date,
  idleSince: Date,
): Promise<ActiveSession | undefined> {
  const session = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.userId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'users.admin',
      sql<boolean>`users.totp_secret is not null`.as('twoFactorEnabled'),
      sql<boolean>`coalesce((select (value ->> 'requireTwoFactor')::boolean from system_state
        where key = ${securitySettingsKey}), false)`.as('requireTwoFactor'),
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .where('sessions.lastSeenAt', '>', idleSince)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!session) return undefined;
  const grants = await db
    .selectFrom('userRoles')
    .select(['organisationId', 'role'])
    .where('userId', '=', session.userId)
    .orderBy('organisationId')
    .execute();
  return { ...session, grants };
}

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; tokenHash: string; csrfToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  const { now, ...values } = session;
  await db
    .insertInto('sessions')
    .values({ ...values, createdAt: now, lastSeenAt: now })
    .execute();
}

/** Records that a session was used now, which moves its idle expiry. */
export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', sessionId).execute();
}

export async function findSessionCsrfToken(db: Executor, sessionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select('csrfToken')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.csrfToken;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, but the one given (the one making the change). */
export async function deleteUserSessions(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  await query.execute();
}

/** Removes sessions that can no longer be used. */
export async function deleteExpiredSessions(db: Executor, now: Date, idleSince: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleSince)]))
    .execute();
}
