import type { Actor, UserActor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/db/helpers.js';
import type { ResolvedSession } from '../../platform/http/access-control.js';
import { hashToken, newToken } from './session-tokens.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findActiveSession,
  insertSession,
  touchSession,
} from './sessions.repository.js';

/** A session ends after this long without a request (sliding). */
export const sessionIdleTimeoutMs = 8 * 3600 * 1000;
/** A session ends this long after sign-in, however busy it is. */
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;
/** How stale `last_seen_at` may get before a request writes it again (one write a minute, not one a request). */
const touchIntervalMs = 60 * 1000;

/** The actors of sessions that may do nothing but enrol in two-factor authentication. */
const enrolmentOnly = new WeakSet<Actor>();

/**
 * Whether this actor's session must enrol in two-factor authentication before it may write anything
 * else: the settings make it mandatory and the user has not set it up.
 */
export function mustEnrolTwoFactor(actor: Actor): boolean {
  return enrolmentOnly.has(actor);
}

export interface NewSession {
  sessionId: string;
  /** The cookie's value: given to the browser once, stored only as a hash. */
  token: string;
  csrfToken: string;
}

/** Sessions: which actor a session cookie stands for, and their beginning and end. */
export function createSessionsService(database: Database) {
  return {
    /** The session a cookie token opens, or nothing when it is unknown, expired, idle or its user is not active. */
    async resolve(token: string, requestId: string): Promise<ResolvedSession | undefined> {
      const now = new Date();
      const session = await findActiveSession(
        database.db,
        hashToken(token),
        now,
        new Date(now.getTime() - sessionIdleTimeoutMs),
      );
      if (!session) return undefined;
      if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs) {
        await touchSession(database.db, session.sessionId, now);
      }
      const actor: UserActor = {
        kind: 'user',
        userId: session.userId,
        admin: session.admin,
        grants: session.grants,
        sessionId: session.sessionId,
        requestId,
      };
      if (session.requireTwoFactor && !session.twoFactorEnabled) enrolmentOnly.add(actor);
      return { actor, csrfToken: session.csrfToken };
    },

    /** Opens a session for a user (in the caller's transaction, if any); ends `replacing`, if given. */
    async open(userId: string, replacing?: string, db: Executor = database.db): Promise<NewSession> {
      const now = new Date();
      if (replacing) await deleteSession(db, replacing);
      const session: NewSession = { sessionId: newId(), token: newToken(), csrfToken: newToken() };
      await insertSession(db, {
        id: session.sessionId,
        userId,
        tokenHash: hashToken(session.token),
        csrfToken: session.csrfToken,
        expiresAt: new Date(now.getTime() + sessionLifetimeMs),
        now,
      });
      // Sessions that can no longer be used are removed on every sign-in; nothing else needs to run.
      await deleteExpiredSessions(db, now, new Date(now.getTime() - sessionIdleTimeoutMs));
      return session;
    },

    /** Ends a session on the server. */
    async close(sessionId: string): Promise<void> {
      await deleteSession(database.db, sessionId);
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
