import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, signInThroughApi, tokenFromLink, waitForOutboxMail } from '../../../test/accounts.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { hashToken } from './session-tokens.js';

const requestReset = (t: TestApp, email: string) =>
  t.anonymous.inject({ method: 'POST', url: '/api/password-reset', payload: { email } });

const completeReset = (t: TestApp, token: string, password: string) =>
  t.anonymous.inject({ method: 'POST', url: '/api/password-reset/complete', payload: { token, password } });

describe('password reset through SMTP', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let outboxDir: string;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-outbox-'));
    t = await createTestApp({ smtpUrl: smtp.url, outboxDir, publicUrl: 'https://registry.example.org' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await fs.rm(outboxDir, { recursive: true, force: true });
  });

  const resetMailTo = (email: string) =>
    smtp.waitFor((mail) => mail.to.includes(email) && mail.subject === 'Reset your Pobratim password');

  it('mails a single-use link that sets a new password and ends every session of the account', async () => {
    const account = await makeAccount(t);
    const { client: before } = await signInThroughApi(t.anonymous, account);

    const requested = await requestReset(t, account.email);
    expect(requested.statusCode).toBe(202);
    const mail = await resetMailTo(account.email);
    expect(mail.from).toBe('no-reply@pobratim.test');
    expect(mail.text).toContain('https://registry.example.org/reset-password?token=');
    const token = tokenFromLink(mail.text, 'reset-password');
    // The token is stored only as its hash.
    const stored = await t.database.db
      .selectFrom('authTokens')
      .select(['tokenHash', 'kind'])
      .where('userId', '=', account.id)
      .execute();
    expect(stored).toEqual([{ tokenHash: hashToken(token), kind: 'password_reset' }]);

    const weak = await completeReset(t, token, 'too short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toMatchObject([{ field: 'body.password', code: 'auth.password_too_short' }]);

    const done = await completeReset(t, token, 'my new long passphrase');
    expect(done.statusCode).toBe(204);
    expect((await before!.inject({ url: '/api/session' })).json().user).toBeNull();
    expect((await signInThroughApi(t.anonymous, account)).response.statusCode).toBe(401);
    const after = await signInThroughApi(t.anonymous, {
      email: account.email,
      password: 'my new long passphrase',
    });
    expect(after.response.statusCode).toBe(200);

    const again = await completeReset(t, token, 'yet another passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('auth.token_invalid');

    // Mail went through SMTP: nothing in the outbox.
    expect(await fs.readdir(outboxDir)).toEqual([]);
    const outbox = await t.app.inject({ url: '/api/outbox' });
    expect(outbox.json()).toEqual({ items: [] });
  });

  it('writes the mail in the language of the form, else in the one the account records', async () => {
    const account = await makeAccount(t);
    await t.anonymous.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { email: account.email, language: 'sr-Cyrl' },
    });
    const cyrillic = await smtp.waitFor(
      (mail) => mail.to.includes(account.email) && mail.subject === 'Промена лозинке за Побратим',
    );
    expect(cyrillic.text).toContain('Овде изаберите нову лозинку (линк важи једном, 60 минута):');

    // Signing in from the web app in Slovenian records the language for the mails that follow.
    const signedIn = await t.anonymous.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: account.email, password: account.password, language: 'sl' },
    });
    expect(signedIn.statusCode).toBe(200);
    await requestReset(t, account.email);
    const slovenian = await smtp.waitFor(
      (mail) => mail.to.includes(account.email) && mail.subject === 'Ponastavitev gesla za Pobratim',
    );
    expect(slovenian.text).toContain('Če tega niste zahtevali');

    // Choosing another interface language while signed in records it too.
    const { client } = await signInThroughApi(t.anonymous, account);
    const chosen = await client!.inject({
      method: 'PUT',
      url: '/api/account/language',
      payload: { language: 'mk' },
    });
    expect(chosen.statusCode).toBe(204);
    await requestReset(t, account.email);
    const macedonian = await smtp.waitFor(
      (mail) => mail.to.includes(account.email) && mail.subject === 'Промена на лозинката за Побратим',
    );
    expect(macedonian.text).toContain('Изберете нова лозинка тука');

    const unknown = await t.anonymous.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { email: account.email, language: 'de' },
    });
    expect(unknown.statusCode).toBe(400);
    const unknownChoice = await client!.inject({
      method: 'PUT',
      url: '/api/account/language',
      payload: { language: 'de' },
    });
    expect(unknownChoice.statusCode).toBe(400);
  });

  it('answers an unknown email exactly as a known one, and mails nothing for it', async () => {
    const account = await makeAccount(t);
    const unknown = `nobody-${Date.now()}@example.org`;
    const forUnknown = await requestReset(t, unknown);
    const forKnown = await requestReset(t, account.email);
    expect(forUnknown.statusCode).toBe(202);
    expect({ body: forUnknown.body, type: forUnknown.headers['content-type'] }).toEqual({
      body: forKnown.body,
      type: forKnown.headers['content-type'],
    });
    await resetMailTo(account.email);
    // The unknown address's request had finished (nothing to send) before the known one was made.
    expect(smtp.mails.filter((mail) => mail.to.includes(unknown))).toEqual([]);
  });

  it('refuses an expired link, replaces an older link with a newer one, and sends at most three in 15 minutes', async () => {
    const account = await makeAccount(t);
    await requestReset(t, account.email);
    const first = tokenFromLink((await resetMailTo(account.email)).text, 'reset-password');
    const count = smtp.mails.length;
    await requestReset(t, account.email);
    const newer = await smtp.waitFor(
      (mail) => smtp.mails.indexOf(mail) >= count && mail.to.includes(account.email),
    );
    const second = tokenFromLink(newer.text, 'reset-password');
    expect(second).not.toBe(first);
    expect((await completeReset(t, first, 'a passphrase that is long')).json().code).toBe(
      'auth.token_invalid',
    );

    await t.database.db
      .updateTable('authTokens')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash', '=', hashToken(second))
      .execute();
    const expired = await completeReset(t, second, 'a passphrase that is long');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('auth.token_invalid');

    await requestReset(t, account.email);
    await requestReset(t, account.email);
    const tokens = await t.database.db
      .selectFrom('authTokens')
      .select('id')
      .where('userId', '=', account.id)
      .execute();
    expect(tokens).toHaveLength(3);

    const unknownToken = await completeReset(t, 'A'.repeat(43), 'a passphrase that is long');
    expect(unknownToken.json().code).toBe('auth.token_invalid');
  });
});

describe('password reset without SMTP: the outbox', () => {
  let t: TestApp;
  let outboxDir: string;
  beforeAll(async () => {
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-outbox-'));
    t = await createTestApp({ outboxDir });
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(outboxDir, { recursive: true, force: true });
  });

  it('writes the mail to the outbox folder, where administrators read it, and the link works', async () => {
    const account = await makeAccount(t);
    expect((await requestReset(t, account.email)).statusCode).toBe(202);
    const mail = await waitForOutboxMail(t.app, (item) => item.to === account.email);
    expect(mail).toMatchObject({ subject: 'Reset your Pobratim password', createdAt: expect.any(String) });
    expect(mail.text).toContain('http://localhost:3000/reset-password?token=');

    const files = await fs.readdir(outboxDir);
    expect(files.sort()).toEqual([`${mail.id}.eml`, `${mail.id}.json`]);
    const eml = await fs.readFile(path.join(outboxDir, `${mail.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: /m);
    expect(eml).toMatch(/^Subject: Reset your Pobratim password$/m);
    if (process.platform !== 'win32') {
      expect((await fs.stat(path.join(outboxDir, `${mail.id}.eml`))).mode & 0o777).toBe(0o600);
    }

    const done = await completeReset(
      t,
      tokenFromLink(mail.text, 'reset-password'),
      'a new outbox passphrase',
    );
    expect(done.statusCode).toBe(204);
    const signedIn = await signInThroughApi(t.anonymous, {
      email: account.email,
      password: 'a new outbox passphrase',
    });
    expect(signedIn.response.statusCode).toBe(200);
  });

  it('shows the outbox to administrators only', async () => {
    expect((await t.anonymous.inject({ url: '/api/outbox' })).statusCode).toBe(401);
    const editor = await t.signIn();
    const refused = await editor.inject({ url: '/api/outbox' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('access.denied');
  });
});
