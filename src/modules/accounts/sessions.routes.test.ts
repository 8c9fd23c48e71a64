import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, sessionCookieOf, signInThroughApi } from '../../../test/accounts.js';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { hashToken } from './session-tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('signing in and out', () => {
  it('signs in with email and password, sets an HttpOnly SameSite=Lax cookie, and answers who is signed in', async () => {
    const organisation = await makeOrganisation(t.app);
    const account = await makeAccount(t, { grants: [{ organisationId: organisation.id, role: 'editor' }] });
    // The email is compared without regard to case.
    const { response, client } = await signInThroughApi(t.anonymous, {
      email: account.email.toUpperCase(),
      password: account.password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const cookie = sessionCookieOf(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Local development (http://localhost): no Secure attribute, or the browser would drop the cookie.
    expect(cookie.secure).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const body = response.json();
    expect(body).toEqual({
      user: {
        id: account.id,
        email: account.email,
        displayName: null,
        admin: false,
        twoFactorEnabled: false,
        twoFactorRequired: false,
        grants: [
          {
            organisationId: organisation.id,
            role: 'editor',
            organisation: expect.objectContaining({ id: organisation.id, name: organisation.name }),
          },
        ],
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    // Only the token's hash is stored.
    const stored = await t.database.db
      .selectFrom('sessions')
      .select(['tokenHash', 'expiresAt', 'createdAt'])
      .where('userId', '=', account.id)
      .execute();
    expect(stored).toEqual([expect.objectContaining({ tokenHash: hashToken(cookie.value) })]);
    const lifetimeDays = (stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 86_400_000;
    expect(lifetimeDays).toBe(14);

    const session = await client!.inject({ url: '/api/session' });
    expect(session.json()).toEqual(body);

    const anonymous = await t.anonymous.inject({ url: '/api/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null });
  });

  it('refuses a signed-in write without the CSRF header, and accepts it with the header', async () => {
    const account = await makeAccount(t, { admin: true });
    const { client } = await signInThroughApi(t.anonymous, account);
    const payload = {
      kind: 'city',
      country: 'HR',
      names: [{ name: 'Varaždin', language: 'hr', kind: 'official' }],
    };
    const withoutHeader = await t.anonymous.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: client!.headers.cookie! },
      payload,
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().code).toBe('auth.csrf_invalid');
    const wrongHeader = await t.anonymous.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: client!.headers.cookie!, 'x-csrf-token': 'not-the-token' },
      payload,
    });
    expect(wrongHeader.json().code).toBe('auth.csrf_invalid');
    const withHeader = await client!.inject({ method: 'POST', url: '/api/organisations', payload });
    expect(withHeader.statusCode).toBe(201);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const account = await makeAccount(t);
    const { client } = await signInThroughApi(t.anonymous, account);
    const out = await client!.inject({ method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookieOf(out)!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThanOrEqual(Date.now());
    const rows = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', account.id)
      .execute();
    expect(rows).toEqual([]);
    // The old cookie opens nothing any more.
    expect((await client!.inject({ url: '/api/session' })).json()).toEqual({ user: null, csrfToken: null });
    const write = await client!.inject({ method: 'POST', url: '/api/account/two-factor' });
    expect(write.statusCode).toBe(401);
    // Signing out without a session is harmless.
    expect((await t.anonymous.inject({ method: 'DELETE', url: '/api/session' })).statusCode).toBe(204);
  });

  it('gives a new session on every sign-in and ends the one the browser had', async () => {
    const account = await makeAccount(t);
    const first = await signInThroughApi(t.anonymous, account);
    const second = await signInThroughApi(t.anonymous, account, first.client!.headers);
    expect(second.response.statusCode).toBe(200);
    expect(second.client!.token).not.toBe(first.client!.token);
    expect(second.client!.csrfToken).not.toBe(first.client!.csrfToken);
    expect((await first.client!.inject({ url: '/api/session' })).json().user).toBeNull();
    expect((await second.client!.inject({ url: '/api/session' })).json().user.id).toBe(account.id);
  });

  it('ends a session after 8 idle hours and 14 days after sign-in, whatever its use', async () => {
    const account = await makeAccount(t);
    const idle = (await signInThroughApi(t.anonymous, account)).client!;
    const old = (await signInThroughApi(t.anonymous, account)).client!;
    const hour = 3600 * 1000;
    await t.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 7.9 * hour) })
      .where('tokenHash', '=', hashToken(idle.token))
      .execute();
    // Used within the idle time: still open, and the use moves the idle expiry.
    expect((await idle.inject({ url: '/api/session' })).json().user.id).toBe(account.id);
    const touched = await t.database.db
      .selectFrom('sessions')
      .select('lastSeenAt')
      .where('tokenHash', '=', hashToken(idle.token))
      .executeTakeFirstOrThrow();
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(hour);
    await t.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 8.1 * hour) })
      .where('tokenHash', '=', hashToken(idle.token))
      .execute();
    expect((await idle.inject({ url: '/api/session' })).json().user).toBeNull();

    await t.database.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash', '=', hashToken(old.token))
      .execute();
    expect((await old.inject({ url: '/api/session' })).json().user).toBeNull();
  });

  it('ends the sessions of a user an administrator disables, and refuses their sign-in like a wrong password', async () => {
    const account = await makeAccount(t);
    const { client } = await signInThroughApi(t.anonymous, account);
    const user = (await t.app.inject({ url: `/api/users?email=${encodeURIComponent(account.email)}` })).json()
      .items[0];
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${account.id}`,
      payload: { version: user.version, status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await client!.inject({ url: '/api/session' })).json().user).toBeNull();
    const again = await signInThroughApi(t.anonymous, account);
    expect(again.response.statusCode).toBe(401);
    expect(again.response.json().code).toBe('auth.invalid_credentials');
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const account = await makeAccount(t);
    const phone = (await signInThroughApi(t.anonymous, account)).client!;
    const laptop = (await signInThroughApi(t.anonymous, account)).client!;
    const wrong = await laptop.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: 'not my password at all', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toMatchObject([
      { field: 'body.currentPassword', code: 'auth.password_wrong' },
    ]);
    const weak = await laptop.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: account.password, newPassword: 'short' },
    });
    expect(weak.json().errors).toMatchObject([
      { field: 'body.newPassword', code: 'auth.password_too_short' },
    ]);
    const changed = await laptop.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: account.password, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.inject({ url: '/api/session' })).json().user.id).toBe(account.id);
    expect((await phone.inject({ url: '/api/session' })).json().user).toBeNull();
    expect((await signInThroughApi(t.anonymous, account)).response.statusCode).toBe(401);
    const fresh = await signInThroughApi(t.anonymous, {
      email: account.email,
      password: 'a brand new passphrase',
    });
    expect(fresh.response.statusCode).toBe(200);
  });

  it('refuses sign-in bodies with unknown fields and bodies over 16 KiB', async () => {
    const unknown = await t.anonymous.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@example.org', password: 'x', remember: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation.unknown_field');
    const huge = await t.anonymous.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@example.org', password: 'x'.repeat(20_000) },
    });
    expect(huge.statusCode).toBe(413);
  });

  it('stores no plain email for failed sign-ins of unknown addresses', async () => {
    const response = await t.anonymous.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody-here@example.org', password: 'whatever it is' },
    });
    expect(response.statusCode).toBe(401);
    const rows = await t.database.db.selectFrom('loginFailures').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('nobody-here');
    expect(rows.some((row) => /^[0-9a-f]{64}$/.test(row.emailHash))).toBe(true);
  });
});

describe('the session cookie outside local development', () => {
  let secure: TestApp;
  beforeAll(async () => {
    secure = await createTestApp({ publicUrl: 'https://pobratim.example.org' });
  });
  afterAll(async () => {
    await secure.close();
  });

  it('is Secure when the public URL is https, and the answers carry HSTS', async () => {
    const account = await makeAccount(secure);
    const { response } = await signInThroughApi(secure.anonymous, account);
    expect(response.statusCode).toBe(200);
    expect(sessionCookieOf(response)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    const out = await secure.anonymous.inject({ method: 'DELETE', url: '/api/session' });
    expect(sessionCookieOf(out)).toMatchObject({ secure: true, httpOnly: true });
  });

  it('would be Secure on a plain-http public URL that is not this machine', async () => {
    const { usesSecureCookies } = await import('../../platform/config.js');
    expect(usesSecureCookies('http://localhost:3000')).toBe(false);
    expect(usesSecureCookies('http://127.0.0.1:8080')).toBe(false);
    expect(usesSecureCookies('http://registry.example.org')).toBe(true);
    expect(usesSecureCookies('https://localhost')).toBe(true);
  });
});
