import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { csrfHeader, sessionCookie } from '../src/modules/accounts/session-tokens.js';
import { systemActor, type OrganisationGrant } from '../src/platform/actor.js';
import type { Client } from './auth.js';
import type { TestApp } from './test-app.js';

/** Helpers for tests of accounts: users with real passwords, signed in through the API. */

let counter = 0;

export interface Account {
  id: string;
  email: string;
  password: string;
}

/** An active account with a password, made as the CLI makes one. */
export async function makeAccount(
  t: TestApp,
  options: { email?: string; password?: string; admin?: boolean; grants?: OrganisationGrant[] } = {},
): Promise<Account> {
  counter += 1;
  const email = options.email ?? `person-${counter}-${Date.now().toString(36)}@example.org`;
  const password = options.password ?? `correct horse battery ${counter}`;
  const { id } = await t.services.accounts.createUser(systemActor('test'), {
    email,
    password,
    admin: options.admin ?? false,
    grants: options.grants ?? [],
  });
  return { id, email, password };
}

/** A client that sends one session's cookie and CSRF token with every request. */
export interface SessionClient extends Client {
  token: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export function sessionClient(through: Client, token: string, csrfToken: string): SessionClient {
  const headers = { cookie: `${sessionCookie}=${token}`, [csrfHeader]: csrfToken };
  return {
    token,
    csrfToken,
    headers,
    inject: (request: InjectOptions) =>
      through.inject({ ...request, headers: { ...headers, ...(request.headers as Record<string, string>) } }),
  };
}

/** The session cookie a response sets, if any. */
export function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === sessionCookie);
}

/** Signs in through the API; the client is set when the answer is 200. */
export async function signInThroughApi(
  through: Client,
  credentials: { email: string; password: string; totpCode?: string },
  headers: Record<string, string> = {},
): Promise<{ response: LightMyRequestResponse; client?: SessionClient }> {
  const { email, password, totpCode } = credentials;
  const payload = totpCode === undefined ? { email, password } : { email, password, totpCode };
  const response = await through.inject({ method: 'POST', url: '/api/session', payload, headers });
  if (response.statusCode !== 200) return { response };
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('Signed in without a session cookie.');
  return { response, client: sessionClient(through, cookie.value, response.json().csrfToken as string) };
}

/** The token in a link of a mail: `.../reset-password?token=...`. */
export function tokenFromLink(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+/${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return match[1]!;
}

/** Waits until a mail the predicate accepts is in the outbox (as administrators read it), or fails. */
export async function waitForOutboxMail(
  admin: Client,
  match: (mail: { to: string; subject: string; text: string }) => boolean,
  timeoutMs = 10_000,
): Promise<{ id: string; to: string; subject: string; text: string; createdAt: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await admin.inject({ url: '/api/outbox' });
    if (response.statusCode !== 200)
      throw new Error(`GET /api/outbox: ${response.statusCode} ${response.body}`);
    const found = (
      response.json().items as { id: string; to: string; subject: string; text: string; createdAt: string }[]
    ).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('No matching mail in the outbox.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
