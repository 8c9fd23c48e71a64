import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  sessionCookieOf,
  signInThroughApi,
  tokenFromLink,
  waitForOutboxMail,
} from '../../../test/accounts.js';
import { makeMembership, makeOrganisation } from '../../../test/factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { hashToken } from './session-tokens.js';

let counter = 0;
const newEmail = () => `invitee-${Date.now()}-${(counter += 1)}@example.org`;

describe('invitations through SMTP', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://registry.example.org' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const invitationTo = async (email: string) =>
    tokenFromLink(
      (
        await smtp.waitFor(
          (mail) => mail.to.includes(email) && mail.subject === 'Your invitation to Pobratim',
        )
      ).text,
      'invitation',
    );

  const accept = (token: string, password = 'my chosen passphrase', displayName = 'Ana Anić') =>
    t.anonymous.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, password, displayName },
    });

  it('writes the invitation in the language chosen for the invitee, who may read Pobratim in another', async () => {
    const city = await makeOrganisation(t.app);
    const email = newEmail();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, grants: [{ organisationId: city.id, role: 'editor' }], language: 'bg' },
    });
    expect(created.statusCode).toBe(201);
    const mail = await smtp.waitFor(
      (caught) => caught.to.includes(email) && caught.subject === 'Вашата покана за Побратим',
    );
    expect(mail.text).toContain('Профилът ви ще има тези роли:');
    expect(mail.text).toContain(`- редактор за ${city.name}`);
    const languageOf = async () =>
      (
        await t.database.db
          .selectFrom('users')
          .select('language')
          .where('email', '=', email)
          .executeTakeFirst()
      )?.language;
    expect(await languageOf()).toBe('bg');

    const accepted = await t.anonymous.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: {
        token: tokenFromLink(mail.text, 'invitation'),
        password: 'my chosen passphrase',
        displayName: 'Ана',
        language: 'mk',
      },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await languageOf()).toBe('mk');
  });

  it('mails an invitation with roles; accepting it (once) activates the account and signs in', async () => {
    const city = await makeOrganisation(t.app);
    const email = newEmail();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, grants: [{ organisationId: city.id, role: 'editor' }] },
    });
    expect(created.statusCode).toBe(201);
    const invitation = created.json();
    expect(invitation).toEqual({ id: expect.any(String), email, expiresAt: expect.any(String) });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await smtp.waitFor((item) => item.to.includes(email));
    expect(mail.text).toContain(`editor for ${city.name}`);
    expect(mail.text).toContain('https://registry.example.org/invitation?token=');
    const token = tokenFromLink(mail.text, 'invitation');

    const listed = await t.app.inject({ url: `/api/users?email=${encodeURIComponent(email)}` });
    expect(listed.json().items).toMatchObject([{ email, status: 'invited', displayName: null }]);

    const weak = await accept(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toMatchObject([{ field: 'body.password', code: 'auth.password_too_short' }]);

    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(200);
    expect(sessionCookieOf(accepted)).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    expect(accepted.json()).toMatchObject({
      user: {
        email,
        displayName: 'Ana Anić',
        admin: false,
        grants: [{ organisationId: city.id, role: 'editor', organisation: { id: city.id } }],
      },
      csrfToken: expect.any(String),
    });
    expect(
      (await t.app.inject({ url: `/api/users?email=${encodeURIComponent(email)}` })).json().items,
    ).toMatchObject([{ status: 'active', displayName: 'Ana Anić' }]);

    const twice = await accept(token, 'another passphrase here');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('auth.token_invalid');
    expect(
      (await signInThroughApi(t.anonymous, { email, password: 'my chosen passphrase' })).response.statusCode,
    ).toBe(200);
  });

  it('refuses an expired invitation and replaces the link when the same person is invited again', async () => {
    const city = await makeOrganisation(t.app);
    const email = newEmail();
    const invite = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        payload: { email, grants: [{ organisationId: city.id, role: 'viewer' }] },
      });
    expect((await invite()).statusCode).toBe(201);
    const first = await invitationTo(email);
    const count = smtp.mails.length;
    expect((await invite()).statusCode).toBe(201);
    const second = tokenFromLink(
      (await smtp.waitFor((mail) => smtp.mails.indexOf(mail) >= count && mail.to.includes(email))).text,
      'invitation',
    );
    expect((await accept(first)).json().code).toBe('auth.token_invalid');
    await t.database.db
      .updateTable('authTokens')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash', '=', hashToken(second))
      .execute();
    const expired = await accept(second);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('auth.token_invalid');
  });

  it('refuses to invite an email that already has an account, and roles for unknown organisations', async () => {
    const account = await makeAccount(t);
    const existing = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: account.email.toUpperCase(), grants: [] },
    });
    expect(existing.statusCode).toBe(409);
    expect(existing.json().code).toBe('invitation.account_exists');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: {
        email: newEmail(),
        grants: [{ organisationId: '01900000-0000-7000-8000-000000000000', role: 'viewer' }],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([
      { field: 'body.grants.0.organisationId', code: 'user.organisation_unknown' },
    ]);
  });

  it('lets a coordinator invite for the association and its current members only, and never an administrator', async () => {
    const association = await makeOrganisation(t.app, { kind: 'association' });
    const member = await makeOrganisation(t.app);
    const former = await makeOrganisation(t.app);
    const stranger = await makeOrganisation(t.app);
    // Only a confirmed membership lets the association's coordinator act for the member.
    await makeMembership(t.app, member.id, association.id, { confirmation: 'confirmed' });
    await makeMembership(t.app, former.id, association.id, {
      since: '2010',
      until: '2015',
      confirmation: 'confirmed',
    });
    const coordinator = await t.signIn({ grants: [{ organisationId: association.id, role: 'coordinator' }] });
    const invite = (
      grants: { organisationId: string; role: string }[],
      extra: Record<string, unknown> = {},
    ) =>
      coordinator.inject({
        method: 'POST',
        url: '/api/invitations',
        payload: { email: newEmail(), grants, ...extra },
      });

    expect((await invite([{ organisationId: association.id, role: 'editor' }])).statusCode).toBe(201);
    expect((await invite([{ organisationId: member.id, role: 'coordinator' }])).statusCode).toBe(201);
    const forStranger = await invite([{ organisationId: stranger.id, role: 'viewer' }]);
    expect(forStranger.statusCode).toBe(403);
    expect(forStranger.json().code).toBe('access.denied');
    expect((await invite([{ organisationId: former.id, role: 'viewer' }])).statusCode).toBe(403);
    expect(
      (await invite([{ organisationId: association.id, role: 'viewer' }], { admin: true })).statusCode,
    ).toBe(403);
    expect((await invite([])).statusCode).toBe(403);

    const editor = await t.signIn({ grants: [{ organisationId: member.id, role: 'editor' }] });
    const byEditor = await editor.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: newEmail(), grants: [{ organisationId: member.id, role: 'viewer' }] },
    });
    expect(byEditor.statusCode).toBe(403);
    const anonymous = await t.anonymous.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: newEmail(), grants: [{ organisationId: member.id, role: 'viewer' }] },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets an administrator invite another administrator', async () => {
    const email = newEmail();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, admin: true, grants: [] },
    });
    expect(created.statusCode).toBe(201);
    const mail = await smtp.waitFor((item) => item.to.includes(email));
    expect(mail.text).toContain('an administrator of Pobratim');
    const accepted = await accept(tokenFromLink(mail.text, 'invitation'));
    expect(accepted.json().user).toMatchObject({ email, admin: true, grants: [] });
  });
});

describe('invitations without SMTP: the outbox', () => {
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

  it('writes the invitation to the outbox folder, and its link works', async () => {
    const city = await makeOrganisation(t.app);
    const email = newEmail();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, grants: [{ organisationId: city.id, role: 'viewer' }] },
    });
    expect(created.statusCode).toBe(201);
    const mail = await waitForOutboxMail(t.app, (item) => item.to === email);
    expect(mail.subject).toBe('Your invitation to Pobratim');
    expect(await fs.readdir(outboxDir)).toContain(`${mail.id}.eml`);
    const accepted = await t.anonymous.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: {
        token: tokenFromLink(mail.text, 'invitation'),
        password: 'an outbox passphrase',
        displayName: 'Marko',
      },
    });
    expect(accepted.statusCode).toBe(200);
  });
});

describe('invitations when mail cannot be sent', () => {
  let t: TestApp;
  beforeAll(async () => {
    // An SMTP server that is not there.
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 502 and saves nothing', async () => {
    const email = newEmail();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, grants: [] },
    });
    expect(created.statusCode).toBe(502);
    expect(created.json().code).toBe('mail.send_failed');
    const users = await t.app.inject({ url: `/api/users?email=${encodeURIComponent(email)}` });
    expect(users.json().items).toEqual([]);
  });
});
