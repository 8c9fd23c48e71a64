import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMembership, makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/access/write-scope', () => {
  it('tells a coordinator its association and the members that confirmed their membership', async () => {
    const association = await makeOrganisation(t.app, { kind: 'association' });
    const [confirmed, claimed, ended] = [
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
    ];
    await makeMembership(t.app, confirmed.id, association.id, { confirmation: 'confirmed' });
    await makeMembership(t.app, claimed.id, association.id);
    await makeMembership(t.app, ended.id, association.id, { confirmation: 'confirmed', until: '2020' });
    const viewed = await makeOrganisation(t.app);
    const coordinator = await t.signIn({
      grants: [
        { organisationId: association.id, role: 'coordinator' },
        { organisationId: viewed.id, role: 'viewer' },
      ],
    });
    const response = await coordinator.inject({ url: '/api/access/write-scope' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      all: false,
      organisationIds: [association.id, confirmed.id].sort(),
    });
  });

  it('tells an administrator it writes for all, and a visitor for none', async () => {
    expect((await t.app.inject({ url: '/api/access/write-scope' })).json()).toEqual({
      all: true,
      organisationIds: [],
    });
    expect((await t.anonymous.inject({ url: '/api/access/write-scope' })).json()).toEqual({
      all: false,
      organisationIds: [],
    });
  });
});
