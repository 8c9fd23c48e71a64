import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';
import { anyone, signedIn } from '../access/access.service.js';
import {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  LanguageChange,
  PasswordChange,
  PasswordResetCompletion,
  PasswordResetRequest,
  Session,
  SignIn,
  TwoFactorCode,
  TwoFactorSetup,
} from './accounts.schemas.js';
import { ThrottledError, type AccountsService, type SignedIn } from './accounts.service.js';
import { sessionCookie } from './session-tokens.js';
import { sessionLifetimeMs } from './sessions.service.js';

const tags = ['accounts'];

/** Account requests are small; anything bigger is refused (413) before it is parsed. */
export const accountsBodyLimit = 16 * 1024;

const noContent = { 204: Type.Null({ description: 'Done' }) };

export interface CookieSettings {
  /** Whether the session cookie is `Secure` (everywhere but plain http on this machine). */
  secure: boolean;
}

/** The session cookie's attributes: HttpOnly, SameSite=Lax, Secure outside local development. */
function cookieAttributes({ secure }: CookieSettings) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

/** Sessions, password resets, invitations and the signed-in user's own account under /api. */
export function accountsRoutes(app: App, { accounts }: { accounts: AccountsService }): void {
  const { cookies } = accounts;
  const startSession = (reply: FastifyReply, signed: SignedIn) =>
    reply
      .setCookie(sessionCookie, signed.session.token, {
        ...cookieAttributes(cookies),
        maxAge: Math.floor(sessionLifetimeMs / 1000),
      })
      .header('cache-control', 'no-store')
      .send(signed.view);

  app.get('/api/session', {
    schema: {
      operationId: 'getSession',
      summary: 'Who is signed in',
      description:
        'The signed-in user with their roles, and the CSRF token to send in the `x-csrf-token` header of every ' +
        'write; `{ user: null, csrfToken: null }` for an anonymous visitor.',
      tags,
      response: { 200: Type.Ref(Session), ...problemResponses(400) },
    },
    handler: async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await accounts.session(request.actor)),
  });

  app.post('/api/session', {
    config: { policy: anyone, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'signIn',
      summary: 'Sign in',
      description:
        'Starts a session (a new one: a session this browser had ends) and sets the `pobratim_session` cookie ' +
        '(HttpOnly, SameSite=Lax, Secure unless served from http://localhost). An unknown email and a wrong ' +
        'password get the same 401 `auth.invalid_credentials`. Accounts with two-factor authentication also need ' +
        '`totpCode` (401 `auth.totp_required`, `auth.totp_invalid`). After 5 failed attempts for an email within ' +
        '15 minutes, further attempts get 429 `auth.throttled` with `Retry-After` (seconds).',
      tags,
      body: Type.Ref(SignIn),
      response: { 200: Type.Ref(Session), ...problemResponses(400, 401, 413, 429) },
    },
    handler: async (request, reply) => {
      try {
        return startSession(reply, await accounts.signIn(request.actor, request.body as SignIn));
      } catch (error) {
        if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  });

  app.delete('/api/session', {
    config: { policy: anyone, allowedBeforeTwoFactorEnrolment: true },
    schema: {
      operationId: 'signOut',
      summary: 'Sign out',
      description: 'Ends the session on the server and clears the cookie.',
      tags,
      response: { ...noContent, ...problemResponses(403) },
    },
    handler: async (request, reply) => {
      await accounts.signOut(request.actor);
      return reply.clearCookie(sessionCookie, cookieAttributes(cookies)).status(204).send(null);
    },
  });

  app.post('/api/password-reset', {
    config: { policy: anyone, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'requestPasswordReset',
      summary: 'Ask for a password reset link',
      description:
        'Always 202, whether or not the email has an account; an active account gets a mail with a link that ' +
        'works once, for an hour (at most three such mails per 15 minutes).',
      tags,
      body: Type.Ref(PasswordResetRequest),
      response: { 202: Type.Null({ description: 'Accepted' }), ...problemResponses(400, 413) },
    },
    handler: async (request, reply) => {
      const { delivery } = await accounts.requestPasswordReset(
        request.actor,
        request.body as PasswordResetRequest,
      );
      delivery?.catch((error: unknown) =>
        request.log.error(
          { mailError: (error as { code?: string }).code ?? 'unknown' },
          'A password reset mail could not be sent.',
        ),
      );
      return reply.status(202).send(null);
    },
  });

  app.post('/api/password-reset/complete', {
    config: { policy: anyone, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'completePasswordReset',
      summary: 'Set a new password with a reset link',
      description:
        'Sets the password and ends every session of the account. 400 `auth.token_invalid` for a link that was ' +
        'used, has expired or never existed; a field error for a password the rules refuse.',
      tags,
      body: Type.Ref(PasswordResetCompletion),
      response: { ...noContent, ...problemResponses(400, 413) },
    },
    handler: async (request, reply) => {
      await accounts.completePasswordReset(request.actor, request.body as PasswordResetCompletion);
      return reply.status(204).send(null);
    },
  });

  app.put('/api/account/language', {
    config: { policy: signedIn, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'setLanguage',
      summary: 'Set the language of your mails',
      description:
        'The web app sends the interface language whenever you choose another one; signing in records it too.',
      tags,
      body: Type.Ref(LanguageChange),
      response: { ...noContent, ...problemResponses(400, 401, 403, 413) },
    },
    handler: async (request, reply) => {
      await accounts.setLanguage(request.actor, request.body as LanguageChange);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/account/password', {
    config: { policy: signedIn, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'changePassword',
      summary: 'Change your password',
      description: 'Needs the current password; ends your other sessions.',
      tags,
      body: Type.Ref(PasswordChange),
      response: { ...noContent, ...problemResponses(400, 401, 403, 413, 429) },
    },
    handler: async (request, reply) => {
      try {
        await accounts.changePassword(request.actor, request.body as PasswordChange);
      } catch (error) {
        if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      return reply.status(204).send(null);
    },
  });

  app.post('/api/invitations', {
    config: {
      policy: ({ actor, request }) => accounts.canInvite(actor, request.body as InvitationCreate),
    },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'createInvitation',
      summary: 'Invite someone',
      description:
        'Mails a link that works once, for seven days, to set a name and password. Administrators invite anyone ' +
        'with any roles; coordinators invite people with roles for their association and its current members. ' +
        '409 `invitation.account_exists` when the email already has an account.',
      tags,
      body: Type.Ref(InvitationCreate),
      response: { 201: Type.Ref(Invitation), ...problemResponses(400, 401, 403, 409, 413, 502) },
    },
    handler: async (request, reply) => {
      const invitation = await accounts.createInvitation(request.actor, request.body as InvitationCreate);
      return reply.status(201).send(invitation);
    },
  });

  app.post('/api/invitations/accept', {
    config: { policy: anyone, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'acceptInvitation',
      summary: 'Accept an invitation',
      description:
        'Sets the name and password of the invited account and signs in (sets the session cookie). 400 ' +
        '`auth.token_invalid` for a link that was used, has expired or never existed.',
      tags,
      body: Type.Ref(InvitationAccept),
      response: { 200: Type.Ref(Session), ...problemResponses(400, 413) },
    },
    handler: async (request, reply) =>
      startSession(reply, await accounts.acceptInvitation(request.actor, request.body as InvitationAccept)),
  });

  app.post('/api/account/two-factor', {
    config: { policy: signedIn, allowedBeforeTwoFactorEnrolment: true },
    schema: {
      operationId: 'startTwoFactor',
      summary: 'Start setting up two-factor authentication',
      description:
        'A new secret for an authenticator app (as text and as an `otpauth://` address for a QR code). It is ' +
        'used once confirmed with a code from the app.',
      tags,
      response: { 200: Type.Ref(TwoFactorSetup), ...problemResponses(401, 403, 409) },
    },
    handler: async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await accounts.startTwoFactor(request.actor)),
  });

  app.post('/api/account/two-factor/confirm', {
    config: { policy: signedIn, allowedBeforeTwoFactorEnrolment: true },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'confirmTwoFactor',
      summary: 'Turn two-factor authentication on',
      description: 'With a code from the new secret; ends your other sessions.',
      tags,
      body: Type.Ref(TwoFactorCode),
      response: { ...noContent, ...problemResponses(400, 401, 403, 409, 429) },
    },
    handler: async (request, reply) => {
      try {
        await accounts.confirmTwoFactor(request.actor, (request.body as TwoFactorCode).code);
      } catch (error) {
        if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      return reply.status(204).send(null);
    },
  });

  app.delete('/api/account/two-factor', {
    config: { policy: signedIn },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'disableTwoFactor',
      summary: 'Turn two-factor authentication off',
      description:
        'With a current code. 409 `auth.two_factor_mandatory` when the security settings make it mandatory.',
      tags,
      body: Type.Ref(TwoFactorCode),
      response: { ...noContent, ...problemResponses(400, 401, 403, 409, 429) },
    },
    handler: async (request, reply) => {
      try {
        await accounts.disableTwoFactor(request.actor, (request.body as TwoFactorCode).code);
      } catch (error) {
        if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      return reply.status(204).send(null);
    },
  });
}
