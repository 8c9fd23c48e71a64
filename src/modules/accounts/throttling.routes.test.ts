import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/accounts.js';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { emailHash } from './accounts.service.js';

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

const signIn = (email: string, password: string) =>
  t.anonymous.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

/** What a client can see of an answer: status, body and the headers that are not per request. */
function visible(response: Awaited<ReturnType<typeof signIn>>) {
  return {
    status: response.statusCode,
    body: response.json(),
    contentType: response.headers['content-type'],
    cookie: response.headers['set-cookie'],
  };
}

describe('sign-in throttling', () => {
  it('answers the sixth wrong password in 15 minutes with 429 and Retry-After, even when the password is then right', async () => {
    const account = await makeAccount(t);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await signIn(account.email, `wrong password number ${attempt}`);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.invalid_credentials');
    }
    const sixth = await signIn(account.email, 'wrong password number 6');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ status: 429, code: 'auth.throttled' });
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await signIn(account.email, account.password);
    expect(right.statusCode).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();

    // Someone else's account is not affected.
    const other = await makeAccount(t);
    expect((await signIn(other.email, other.password)).statusCode).toBe(200);

    // Once the failures are older than 15 minutes, the right password works and the count starts afresh.
    await t.database.db
      .updateTable('loginFailures')
      .set({ failedAt: sql<Date>`failed_at - interval '15 minutes'` })
      .where('emailHash', '=', emailHash(account.email))
      .execute();
    expect((await signIn(account.email, account.password)).statusCode).toBe(200);
    const left = await t.database.db
      .selectFrom('loginFailures')
      .select('id')
      .where('emailHash', '=', emailHash(account.email))
      .execute();
    expect(left).toEqual([]);
  });

  it('answers an unknown email exactly as a wrong password, throttling included', async () => {
    const account = await makeAccount(t);
    const unknown = `nobody-${Date.now()}@example.org`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrongPassword = visible(await signIn(account.email, 'not the right password'));
      const unknownEmail = visible(await signIn(unknown, 'not the right password'));
      expect(unknownEmail).toEqual(wrongPassword);
      expect(unknownEmail.status).toBe(401);
    }
    const sixthKnown = await signIn(account.email, 'not the right password');
    const sixthUnknown = await signIn(unknown, 'not the right password');
    expect(visible(sixthUnknown)).toEqual(visible(sixthKnown));
    expect(sixthUnknown.statusCode).toBe(429);
    expect(sixthUnknown.headers['retry-after']).toBeDefined();
    // Another case does not make another address.
    expect((await signIn(unknown.toUpperCase(), 'not the right password')).statusCode).toBe(429);
  });

  it('answers an invited account that has not accepted as a wrong password', async () => {
    const organisation = await makeOrganisation(t.app);
    const email = `invited-${Date.now()}@example.org`;
    const invitation = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, grants: [{ organisationId: organisation.id, role: 'viewer' }] },
    });
    expect(invitation.statusCode).toBe(201);
    const invited = visible(await signIn(email, 'whatever password'));
    const wrong = visible(await signIn(`nobody-else-${Date.now()}@example.org`, 'whatever password'));
    expect(invited).toEqual(wrong);
    expect(invited.status).toBe(401);
  });
});
