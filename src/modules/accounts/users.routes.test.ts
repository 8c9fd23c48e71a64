import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, signInThroughApi, tokenFromLink, waitForOutboxMail } from '../../../test/accounts.js';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

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

const userOf = async (email: string) =>
  (await t.app.inject({ url: `/api/users?email=${encodeURIComponent(email)}` })).json().items[0];

describe('users API (administrators)', () => {
  it('lists users with their roles, filtered by email and status, a page at a time', async () => {
    const city = await makeOrganisation(t.app);
    const account = await makeAccount(t, {
      email: `Vesna.${Date.now()}@Example.org`,
      grants: [{ organisationId: city.id, role: 'viewer' }],
    });
    const listed = await t.app.inject({
      url: `/api/users?email=${encodeURIComponent(account.email.toLowerCase())}`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    expect(listed.json()).toEqual({
      items: [
        {
          id: account.id,
          email: account.email,
          displayName: null,
          admin: false,
          status: 'active',
          twoFactorEnabled: false,
          grants: [
            {
              organisationId: city.id,
              role: 'viewer',
              organisation: expect.objectContaining({ id: city.id, slug: city.slug, name: city.name }),
            },
          ],
          version: 1,
          createdAt: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const page = await t.app.inject({ url: '/api/users?pageSize=1&page=2&status=active' });
    expect(page.json()).toMatchObject({ page: 2, pageSize: 1, items: [expect.any(Object)] });
    expect(page.json().total).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ url: '/api/users?status=invited' })).json().items).toEqual([]);
    // Nothing secret in the answer.
    expect(listed.body).not.toMatch(/passwordHash|totpSecret|argon2/);
  });

  it('refuses users, roles and settings to everyone but administrators', async () => {
    const city = await makeOrganisation(t.app);
    const coordinator = await t.signIn({ grants: [{ organisationId: city.id, role: 'coordinator' }] });
    const target = await makeAccount(t);
    const requests = [
      { method: 'GET' as const, url: '/api/users' },
      { method: 'GET' as const, url: '/api/settings/security' },
      { method: 'GET' as const, url: '/api/outbox' },
      { method: 'PATCH' as const, url: `/api/users/${target.id}`, payload: { version: 1, admin: true } },
      { method: 'PUT' as const, url: `/api/users/${target.id}/roles`, payload: { version: 1, grants: [] } },
      { method: 'PATCH' as const, url: '/api/settings/security', payload: { requireTwoFactor: true } },
    ];
    for (const request of requests) {
      const anonymous = await t.anonymous.inject(request);
      expect(anonymous.statusCode, `${request.method} ${request.url}`).toBe(401);
      expect(anonymous.json().code).toBe('auth.required');
      const refused = await coordinator.inject(request);
      expect(refused.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(refused.json().code).toBe('access.denied');
    }
    expect((await userOf(target.email)).admin).toBe(false);
  });

  it('makes and unmakes administrators, renames, and refuses stale versions', async () => {
    const account = await makeAccount(t);
    const user = await userOf(account.email);
    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${account.id}`,
      payload: { version: user.version, admin: true, displayName: '  Petar Petrović ' },
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({
      admin: true,
      displayName: 'Petar Petrović',
      version: user.version + 1,
    });
    const { client } = await signInThroughApi(t.anonymous, account);
    expect((await client!.inject({ url: '/api/users' })).statusCode).toBe(200);

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${account.id}`,
      payload: { version: user.version, admin: false },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('user.version_conflict');

    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${account.id}`,
      payload: { version: user.version + 1, admin: false },
    });
    expect(demoted.json().admin).toBe(false);
    // From the next request on, the session has lost the role.
    expect((await client!.inject({ url: '/api/users' })).statusCode).toBe(403);
    expect((await client!.inject({ url: '/api/session' })).json().user.admin).toBe(false);

    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/01900000-0000-7000-8000-000000000000',
      payload: { version: 1, admin: true },
    });
    expect(missing.statusCode).toBe(404);
    const unknownField = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${account.id}`,
      payload: { version: 3, email: 'new@example.org' },
    });
    expect(unknownField.json().code).toBe('validation.unknown_field');
  });

  it('replaces the roles of a user, which apply from their next request', async () => {
    const first = await makeOrganisation(t.app);
    const second = await makeOrganisation(t.app);
    const account = await makeAccount(t, { grants: [{ organisationId: first.id, role: 'editor' }] });
    const { client } = await signInThroughApi(t.anonymous, account);
    const user = await userOf(account.email);
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${account.id}/roles`,
      payload: { version: user.version, grants: [{ organisationId: second.id, role: 'coordinator' }] },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      version: user.version + 1,
      grants: [{ organisationId: second.id, role: 'coordinator', organisation: { id: second.id } }],
    });
    expect((await client!.inject({ url: '/api/session' })).json().user.grants).toMatchObject([
      { organisationId: second.id, role: 'coordinator' },
    ]);

    const duplicate = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${account.id}/roles`,
      payload: {
        version: user.version + 1,
        grants: [
          { organisationId: first.id, role: 'viewer' },
          { organisationId: first.id, role: 'editor' },
        ],
      },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors).toMatchObject([
      { field: 'body.grants.1.organisationId', code: 'user.grant_duplicate' },
    ]);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${account.id}/roles`,
      payload: { version: user.version, grants: [] },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('activates an invited person only through the invitation, and disabling them voids it', async () => {
    const email = `invited-${Date.now()}@example.org`;
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/invitations', payload: { email, grants: [] } }))
        .statusCode,
    ).toBe(201);
    const token = tokenFromLink(
      (await waitForOutboxMail(t.app, (mail) => mail.to === email)).text,
      'invitation',
    );
    const user = await userOf(email);
    expect(user.status).toBe('invited');
    const activate = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: user.version, status: 'active' },
    });
    expect(activate.statusCode).toBe(409);
    expect(activate.json().code).toBe('user.invitation_pending');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: user.version, status: 'disabled' },
    });
    expect(disable.json().status).toBe('disabled');
    const accept = await t.anonymous.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, password: 'a passphrase for nothing', displayName: 'Nobody' },
    });
    expect(accept.json().code).toBe('auth.token_invalid');
  });
});

describe('the last administrator', () => {
  let lone: TestApp;
  beforeAll(async () => {
    lone = await createTestApp();
  });
  afterAll(async () => {
    await lone.close();
  });

  it('cannot be demoted or disabled', async () => {
    const admins = (await lone.app.inject({ url: '/api/users' })).json().items;
    expect(admins).toHaveLength(1);
    const [me] = admins;
    const demote = await lone.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { version: me.version, admin: false },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('user.last_admin');
    const disable = await lone.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { version: me.version, status: 'disabled' },
    });
    expect(disable.json().code).toBe('user.last_admin');
  });
});
