import { createHash, randomBytes } from 'node:crypto';
import { checkPassword, normaliseEmail } from '../../domain/password.js';
import { isAdmin, type Actor, type OrganisationGrant, type UserActor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError, assertNoFieldErrors, invalidInput, type FieldError } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail.js';
import type { AccessService } from '../access/access.service.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import {
  clearLoginFailures,
  countAuthTokensSince,
  countUsers,
  findAuthToken,
  findGrants,
  findUnknownOrganisations,
  findUser,
  findUserByEmail,
  insertAuthToken,
  insertUser,
  markAuthTokenUsed,
  readSecuritySettings,
  recentLoginFailures,
  recordLoginFailure,
  supersedeAuthTokens,
  updateUser,
  updateUserSecrets,
  upsertGrants,
  type AuthTokenKind,
  type AuthTokenRow,
  type UserRow,
} from './accounts.repository.js';
import type {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  LanguageChange,
  PasswordChange,
  PasswordResetCompletion,
  PasswordResetRequest,
  Session,
  SignIn,
  TwoFactorSetup,
  UserGrant,
} from './accounts.schemas.js';
import { invitationMail, passwordResetMail, type InvitedRole } from './mails.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './session-tokens.js';
import { deleteUserSessions, findSessionCsrfToken } from './sessions.repository.js';
import type { NewSession, SessionsService } from './sessions.service.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

/** Failed sign-ins counted per email... */
export const throttleWindowMs = 15 * 60 * 1000;
/** ...and how many of them within the window are allowed before further attempts get 429. */
export const maxLoginFailures = 5;
/** How long a password reset link works. */
export const passwordResetLifetimeMs = 60 * 60 * 1000;
/** How long an invitation link works. */
export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;
/** Reset mails per account within the throttle window; further requests send nothing (no mail bombing). */
const maxResetMailsPerWindow = 3;

/** The demo administrator made for a first start with the demo data. */
export const demoAdministratorEmail = 'admin@pobratim.example';

/** 429 for an email with too many recent failed sign-ins; the route sends `Retry-After`. */
export class ThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'auth.throttled',
      429,
      `Too many failed sign-ins for this email. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    );
  }
}

/** The same answer for an unknown email, a wrong password and an account that may not sign in. */
const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 401, 'The email or the password is not right.');

const tokenInvalid = () =>
  new AppError(
    'auth.token_invalid',
    400,
    'This link is not valid: it was used already, has expired or never existed.',
  );

const totpInvalid = (field = 'body.code') =>
  new AppError(
    'auth.totp_invalid',
    400,
    'The code is not right. Enter the code your authenticator app shows now.',
    [{ field, code: 'auth.totp_invalid', message: 'The code is not right.' }],
  );

/** Who is signed in, or 401. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'Sign in to do this.');
  return actor;
}

/** An administrator (or the system), or 401/403. */
export function requireAdmin(actor: Actor): void {
  if (isAdmin(actor)) return;
  requireUser(actor);
  throw new AppError('access.denied', 403, 'Only administrators may do this.');
}

/** The key failed sign-ins are counted under: no plain address is kept, known or not. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/** Roles with the organisations they are for. */
export async function presentGrants(
  db: Executor,
  grants: readonly OrganisationGrant[],
): Promise<UserGrant[]> {
  const summaries = await findOrganisationSummaries(
    db,
    grants.map((grant) => grant.organisationId),
  );
  return grants.flatMap((grant) => {
    const organisation = summaries.get(grant.organisationId);
    return organisation ? [{ organisationId: grant.organisationId, role: grant.role, organisation }] : [];
  });
}

/** Field errors for roles that repeat an organisation or name one that does not exist. */
export async function checkGrants(db: Executor, grants: readonly OrganisationGrant[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  grants.forEach((grant, index) => {
    if (seen.has(grant.organisationId)) {
      errors.push({
        field: `body.grants.${index}.organisationId`,
        code: 'user.grant_duplicate',
        message: 'One role per organisation.',
      });
    }
    seen.add(grant.organisationId);
  });
  const unknown = new Set(await findUnknownOrganisations(db, [...seen]));
  grants.forEach((grant, index) => {
    if (unknown.has(grant.organisationId)) {
      errors.push({
        field: `body.grants.${index}.organisationId`,
        code: 'user.organisation_unknown',
        message: 'No such organisation.',
      });
    }
  });
  return errors;
}

export interface AccountsOptions {
  mailer: Mailer;
  /** The web app's address, for links in mails. */
  publicUrl: string;
  /** Whether the session cookie is `Secure` (see `usesSecureCookies`). */
  secureCookies: boolean;
}

export interface SignedIn {
  session: NewSession;
  view: Session;
}

/** Who is signed in, their sessions, passwords, invitations and two-factor authentication. */
export function createAccountsService(
  database: Database,
  access: AccessService,
  sessions: SessionsService,
  options: AccountsOptions,
) {
  const { mailer, publicUrl } = options;

  async function view(db: Executor, userId: string, csrfToken: string | undefined): Promise<Session> {
    const user = await findUser(db, userId);
    if (!user || csrfToken === undefined) return { user: null, csrfToken: null };
    const settings = await readSecuritySettings(db);
    const grants = (await findGrants(db, [user.id])).get(user.id) ?? [];
    const twoFactorEnabled = user.totpSecret !== null;
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        admin: user.admin,
        twoFactorEnabled,
        twoFactorRequired: settings.requireTwoFactor && !twoFactorEnabled,
        grants: await presentGrants(db, grants),
      },
      csrfToken,
    };
  }

  /** 429 when the email has had too many failed sign-ins within the window. */
  async function assertNotThrottled(hash: string, now: Date): Promise<void> {
    const failures = await recentLoginFailures(
      database.db,
      hash,
      new Date(now.getTime() - throttleWindowMs),
      maxLoginFailures,
    );
    if (failures.length < maxLoginFailures) return;
    const oldestCounted = failures[maxLoginFailures - 1]!;
    const retryAt = oldestCounted.getTime() + throttleWindowMs;
    throw new ThrottledError(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
  }

  function recordFailure(hash: string, now: Date): Promise<void> {
    return recordLoginFailure(database.db, hash, now, new Date(now.getTime() - throttleWindowMs));
  }

  /** A valid, unused, unexpired token of a kind, locked for this transaction; else 400. */
  async function usableToken(
    trx: Executor,
    token: string,
    kind: AuthTokenKind,
    now: Date,
  ): Promise<AuthTokenRow> {
    const row = await findAuthToken(trx, hashToken(token), kind);
    if (!row || row.usedAt !== null || row.expiresAt.getTime() <= now.getTime()) throw tokenInvalid();
    return row;
  }

  /** Replaces a user's unused tokens of a kind with a new one; returns the token for the link. */
  async function issueToken(
    trx: Executor,
    userId: string,
    kind: AuthTokenKind,
    lifetimeMs: number,
    now: Date,
  ): Promise<{ token: string; row: AuthTokenRow }> {
    await supersedeAuthTokens(trx, userId, kind, now);
    const token = newToken();
    const row = await insertAuthToken(trx, {
      userId,
      kind,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + lifetimeMs),
    });
    return { token, row };
  }

  async function currentUser(actor: Actor, db: Executor = database.db, forUpdate = false): Promise<UserRow> {
    const { userId } = requireUser(actor);
    const user = await findUser(db, userId, { forUpdate });
    if (!user) throw new AppError('auth.required', 401, 'Sign in to do this.');
    return user;
  }

  /** Whether the actor may send this invitation: administrators; coordinators within their associations. */
  async function canInvite(actor: Actor, input: InvitationCreate): Promise<boolean> {
    if (isAdmin(actor)) return true;
    if (actor.kind !== 'user' || input.admin === true || input.grants.length === 0) return false;
    const asCoordinator: UserActor = {
      ...actor,
      grants: actor.grants.filter((grant) => grant.role === 'coordinator'),
    };
    if (asCoordinator.grants.length === 0) return false;
    for (const grant of input.grants) {
      if (!(await access.canWriteFor(asCoordinator, grant.organisationId))) return false;
    }
    return true;
  }

  /** Makes an active account with a password (the `user create` command); administrators and the system only. */
  async function createUser(
    actor: Actor,
    input: {
      email: string;
      password: string;
      admin: boolean;
      grants: OrganisationGrant[];
      displayName?: string | undefined;
    },
  ): Promise<{ id: string; email: string }> {
    requireAdmin(actor);
    return inTransaction(database, actor, async (trx) => {
      assertNoFieldErrors('user', [
        ...checkPassword(input.password, { field: 'password', email: input.email }),
        ...(await checkGrants(trx, input.grants)),
      ]);
      if (await findUserByEmail(trx, input.email)) {
        throw new AppError(
          'user.email_taken',
          409,
          `There is already an account with the email ${input.email.trim()}.`,
        );
      }
      const user = await insertUser(trx, {
        id: newId(),
        email: input.email.trim(),
        displayName: input.displayName?.trim() || null,
        passwordHash: await hashPassword(input.password),
        admin: input.admin,
        status: 'active',
      });
      await upsertGrants(trx, user.id, input.grants);
      return { id: user.id, email: user.email };
    });
  }

  return {
    /** The session cookie's settings. */
    cookies: { secure: options.secureCookies },

    /** The session as the web app sees it: who, their roles, and the CSRF token for writes. */
    async session(actor: Actor): Promise<Session> {
      if (actor.kind !== 'user') return { user: null, csrfToken: null };
      return view(database.db, actor.userId, await findSessionCsrfToken(database.db, actor.sessionId));
    },

    /**
     * Signs in with email, password and, when the account has two-factor authentication, a current code.
     * An unknown email, a wrong password and an account that may not sign in get the same answer after the
     * same work (a password hash is verified either way), and all count towards the throttle.
     */
    async signIn(actor: Actor, input: SignIn): Promise<SignedIn> {
      const now = new Date();
      const hash = emailHash(input.email);
      await assertNotThrottled(hash, now);
      const found = await findUserByEmail(database.db, input.email);
      const user = found?.status === 'active' ? found : undefined;
      const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
      if (!user || !passwordMatches) {
        await recordFailure(hash, now);
        throw invalidCredentials();
      }
      let timeStep: number | undefined;
      if (user.totpSecret) {
        if (!input.totpCode) {
          throw new AppError(
            'auth.totp_required',
            401,
            'This account uses two-factor authentication: enter the code your authenticator app shows.',
          );
        }
        timeStep = await verifyTotp(user.totpSecret, input.totpCode, user.totpLastTimeStep);
        if (timeStep === undefined) {
          await recordFailure(hash, now);
          throw new AppError(
            'auth.totp_invalid',
            401,
            'The code is not right. Enter the code your authenticator app shows now.',
          );
        }
      }
      return inTransaction(database, actor, async (trx) => {
        if (timeStep !== undefined) await updateUserSecrets(trx, user.id, { totpLastTimeStep: timeStep });
        // The mails to this person follow the language they use Pobratim in.
        if (input.language && input.language !== user.language) {
          await updateUserSecrets(trx, user.id, { language: input.language });
        }
        await clearLoginFailures(trx, hash);
        const session = await sessions.open(
          user.id,
          actor.kind === 'user' ? actor.sessionId : undefined,
          trx,
        );
        return { session, view: await view(trx, user.id, session.csrfToken) };
      });
    },

    /** Ends the actor's session on the server (nothing to do without one). */
    async signOut(actor: Actor): Promise<void> {
      if (actor.kind === 'user') await sessions.close(actor.sessionId);
    },

    /**
     * Sends a reset link to an active account with this email, at most three per 15 minutes; for any
     * other email it does nothing, and the caller cannot tell which happened. The mail leaves after the
     * token is stored: `delivery` settles when it has been handed over.
     */
    async requestPasswordReset(
      actor: Actor,
      { email, language }: PasswordResetRequest,
    ): Promise<{ delivery?: Promise<void> }> {
      const now = new Date();
      const issued = await inTransaction(database, actor, async (trx) => {
        const user = await findUserByEmail(trx, email, { forUpdate: true });
        if (!user || user.status !== 'active') return undefined;
        const windowStart = new Date(now.getTime() - throttleWindowMs);
        if (
          (await countAuthTokensSince(trx, user.id, 'password_reset', windowStart)) >= maxResetMailsPerWindow
        ) {
          return undefined;
        }
        const { token } = await issueToken(trx, user.id, 'password_reset', passwordResetLifetimeMs, now);
        return { to: user.email, token, language: language ?? user.language };
      });
      if (!issued) return {};
      const link = `${publicUrl}/reset-password?token=${issued.token}`;
      return {
        delivery: mailer.send(
          passwordResetMail({
            to: issued.to,
            link,
            validMinutes: passwordResetLifetimeMs / 60_000,
            language: issued.language,
          }),
        ),
      };
    },

    /** Sets a new password with a reset token (once); ends every session of the account. */
    async completePasswordReset(actor: Actor, input: PasswordResetCompletion): Promise<void> {
      const now = new Date();
      await inTransaction(database, actor, async (trx) => {
        const token = await usableToken(trx, input.token, 'password_reset', now);
        const user = await findUser(trx, token.userId, { forUpdate: true });
        if (!user || user.status !== 'active') throw tokenInvalid();
        assertNoFieldErrors(
          'user',
          checkPassword(input.password, { field: 'body.password', email: user.email }),
        );
        await updateUserSecrets(trx, user.id, { passwordHash: await hashPassword(input.password) });
        await markAuthTokenUsed(trx, token.id, now);
        await deleteUserSessions(trx, user.id);
        await clearLoginFailures(trx, emailHash(user.email));
      });
    },

    /** Changes the signed-in user's password; ends their other sessions. Wrong current passwords are throttled. */
    /** Records the language the signed-in person reads Pobratim in, for the mails sent to them. */
    async setLanguage(actor: Actor, { language }: LanguageChange): Promise<void> {
      const user = await currentUser(actor);
      if (user.language === language) return;
      await inTransaction(database, actor, (trx) => updateUserSecrets(trx, user.id, { language }));
    },

    async changePassword(actor: Actor, input: PasswordChange): Promise<void> {
      const now = new Date();
      const user = await currentUser(actor);
      const hash = emailHash(user.email);
      await assertNotThrottled(hash, now);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await recordFailure(hash, now);
        throw invalidInput('auth.password_wrong', [
          {
            field: 'body.currentPassword',
            code: 'auth.password_wrong',
            message: 'This is not your current password.',
          },
        ]);
      }
      assertNoFieldErrors(
        'user',
        checkPassword(input.newPassword, { field: 'body.newPassword', email: user.email }),
      );
      const passwordHash = await hashPassword(input.newPassword);
      await inTransaction(database, actor, async (trx) => {
        await updateUserSecrets(trx, user.id, { passwordHash });
        await deleteUserSessions(trx, user.id, requireUser(actor).sessionId);
      });
    },

    canInvite,

    /**
     * Invites someone by mail: an account in status `invited` with the roles given, and a link that works
     * once for seven days. Inviting an invited person again replaces their link and adds the roles.
     */
    async createInvitation(actor: Actor, input: InvitationCreate): Promise<Invitation> {
      if (!(await canInvite(actor, input))) {
        requireUser(actor);
        throw new AppError(
          'access.denied',
          403,
          'You may invite people only for your association and its members.',
        );
      }
      const now = new Date();
      // The mail leaves inside the transaction: when it cannot be sent, nothing is saved.
      const created = await inTransaction(database, actor, async (trx) => {
        assertNoFieldErrors('invitation', await checkGrants(trx, input.grants));
        let user = await findUserByEmail(trx, input.email, { forUpdate: true });
        if (user && user.status !== 'invited') {
          throw new AppError(
            'invitation.account_exists',
            409,
            'This person already has an account; an administrator can change their roles.',
          );
        }
        if (!user) {
          user = await insertUser(trx, {
            id: newId(),
            email: input.email.trim(),
            admin: input.admin ?? false,
            status: 'invited',
            language: input.language ?? null,
          });
        } else {
          // Invited again: a new link, perhaps more roles; the new version records it.
          user = await updateUser(trx, user.id, {
            ...(input.admin ? { admin: true } : {}),
            ...(input.language ? { language: input.language } : {}),
          });
        }
        await upsertGrants(trx, user.id, input.grants);
        const { token, row } = await issueToken(trx, user.id, 'invitation', invitationLifetimeMs, now);
        const inviter = actor.kind === 'user' ? await findUser(trx, actor.userId) : undefined;
        const grants = await presentGrants(trx, input.grants);
        const roles: InvitedRole[] = [
          ...(user.admin ? [{ admin: true as const }] : []),
          ...grants.map((grant) => ({ role: grant.role, organisation: grant.organisation.name })),
        ];
        try {
          await mailer.send(
            invitationMail({
              to: user.email,
              link: `${publicUrl}/invitation?token=${token}`,
              expiresAt: row.expiresAt,
              invitedBy: inviter?.displayName ?? undefined,
              roles,
              language: user.language,
            }),
          );
        } catch {
          throw new AppError(
            'mail.send_failed',
            502,
            'The invitation could not be mailed, so it was not saved: check the mail settings and try again.',
          );
        }
        return { user, row };
      });
      return {
        id: created.row.id,
        email: created.user.email,
        expiresAt: created.row.expiresAt.toISOString(),
      };
    },

    /** Accepts an invitation (once): sets the name and password, activates the account and signs in. */
    async acceptInvitation(actor: Actor, input: InvitationAccept): Promise<SignedIn> {
      const now = new Date();
      return inTransaction(database, actor, async (trx) => {
        const token = await usableToken(trx, input.token, 'invitation', now);
        const user = await findUser(trx, token.userId, { forUpdate: true });
        if (!user || user.status !== 'invited') throw tokenInvalid();
        assertNoFieldErrors(
          'user',
          checkPassword(input.password, { field: 'body.password', email: user.email }),
        );
        await updateUser(trx, user.id, {
          passwordHash: await hashPassword(input.password),
          displayName: input.displayName.trim(),
          status: 'active',
          ...(input.language ? { language: input.language } : {}),
        });
        await markAuthTokenUsed(trx, token.id, now);
        const session = await sessions.open(
          user.id,
          actor.kind === 'user' ? actor.sessionId : undefined,
          trx,
        );
        return { session, view: await view(trx, user.id, session.csrfToken) };
      });
    },

    /** Starts setting up two-factor authentication: a new secret, active once a code from it is confirmed. */
    async startTwoFactor(actor: Actor): Promise<TwoFactorSetup> {
      const user = await currentUser(actor);
      if (user.totpSecret) {
        throw new AppError(
          'auth.two_factor_enabled',
          409,
          'Two-factor authentication is already on; turn it off first.',
        );
      }
      const secret = newTotpSecret();
      await inTransaction(database, actor, (trx) =>
        updateUserSecrets(trx, user.id, { totpPendingSecret: secret }),
      );
      return { secret, otpauthUrl: totpUri(secret, user.email) };
    },

    /** Turns two-factor authentication on with a code from the new secret; ends the user's other sessions. */
    async confirmTwoFactor(actor: Actor, code: string): Promise<void> {
      const now = new Date();
      const user = await currentUser(actor);
      if (!user.totpPendingSecret) {
        throw new AppError(
          'auth.two_factor_not_started',
          409,
          'Start setting up two-factor authentication first.',
        );
      }
      const hash = emailHash(user.email);
      await assertNotThrottled(hash, now);
      const timeStep = await verifyTotp(user.totpPendingSecret, code, null);
      if (timeStep === undefined) {
        await recordFailure(hash, now);
        throw totpInvalid();
      }
      await inTransaction(database, actor, async (trx) => {
        await updateUserSecrets(trx, user.id, {
          totpSecret: user.totpPendingSecret,
          totpPendingSecret: null,
          totpLastTimeStep: timeStep,
        });
        await deleteUserSessions(trx, user.id, requireUser(actor).sessionId);
      });
    },

    /** Turns two-factor authentication off with a current code, unless the settings make it mandatory. */
    async disableTwoFactor(actor: Actor, code: string): Promise<void> {
      const now = new Date();
      const user = await currentUser(actor);
      if (!user.totpSecret) {
        throw new AppError('auth.two_factor_not_enabled', 409, 'Two-factor authentication is not on.');
      }
      if ((await readSecuritySettings(database.db)).requireTwoFactor) {
        throw new AppError(
          'auth.two_factor_mandatory',
          409,
          'Two-factor authentication is mandatory here; it cannot be turned off.',
        );
      }
      const hash = emailHash(user.email);
      await assertNotThrottled(hash, now);
      const timeStep = await verifyTotp(user.totpSecret, code, user.totpLastTimeStep);
      if (timeStep === undefined) {
        await recordFailure(hash, now);
        throw totpInvalid();
      }
      await inTransaction(database, actor, (trx) =>
        updateUserSecrets(trx, user.id, {
          totpSecret: null,
          totpPendingSecret: null,
          totpLastTimeStep: null,
        }),
      );
    },

    createUser,

    /**
     * For a first start with the demo data: one administrator, `admin@pobratim.example`, with a random
     * password returned once, made only when there is no user at all.
     */
    async createDemoAdministrator(actor: Actor): Promise<{ email: string; password: string } | undefined> {
      requireAdmin(actor);
      if ((await countUsers(database.db)) > 0) return undefined;
      const password = randomBytes(18).toString('base64url');
      await createUser(actor, {
        email: demoAdministratorEmail,
        password,
        admin: true,
        grants: [],
        displayName: 'Demo administrator',
      });
      return { email: demoAdministratorEmail, password };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
