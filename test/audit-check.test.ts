import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditCheck } from './audit-check.js';
import { makeOrganisation } from './factories.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the audit check of route tests', () => {
  it('passes audited writes and refused writes that left nothing', async () => {
    const check = createAuditCheck(t.database);
    const client = check.watch(await t.signIn({ admin: true }));
    const organisation = await makeOrganisation(client);
    const stale = await client.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      payload: { version: 9, population: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(check.violations).toEqual([]);
  });

  it('reports a successful write that left no audit event, unless the route is exempt', async () => {
    const strict = createAuditCheck(t.database, []);
    const signedOut = await strict.watch(await t.signIn()).inject({ method: 'DELETE', url: '/api/session' });
    expect(signedOut.statusCode).toBe(204);
    expect(strict.violations).toEqual(['DELETE /api/session → 204: a successful write left no audit event']);

    const usual = createAuditCheck(t.database);
    await usual.watch(await t.signIn()).inject({ method: 'DELETE', url: '/api/session' });
    expect(usual.violations).toEqual([]);
  });
});
