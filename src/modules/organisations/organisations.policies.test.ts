import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const newCity = (name: string) => ({
  method: 'POST' as const,
  url: '/api/organisations',
  payload: { kind: 'city', country: 'HR', names: [{ name, language: 'en', kind: 'official' }] },
});

describe('who may write organisations', () => {
  it('lets coordinators add organisations, not editors', async () => {
    const association = await makeOrganisation(t.app, { kind: 'association' });
    const coordinator = await t.signIn({ grants: [{ organisationId: association.id, role: 'coordinator' }] });
    const editor = await t.signIn({ grants: [{ organisationId: association.id, role: 'editor' }] });
    expect((await coordinator.inject(newCity('Koprivnica'))).statusCode).toBe(201);
    expect((await editor.inject(newCity('Križevci'))).statusCode).toBe(403);
  });

  it('lets an editor change its organisation, by id or slug, but not delete it', async () => {
    const city = await makeOrganisation(t.app);
    const editor = await t.signIn({ grants: [{ organisationId: city.id, role: 'editor' }] });
    const bySlug = await editor.inject({
      method: 'PATCH',
      url: `/api/organisations/${city.slug}`,
      payload: { version: 1, population: 30000 },
    });
    expect(bySlug.statusCode).toBe(200);
    const removal = await editor.inject({ method: 'DELETE', url: `/api/organisations/${city.id}` });
    expect(removal.statusCode).toBe(403);
    expect((await t.anonymous.inject({ url: `/api/organisations/${city.id}` })).statusCode).toBe(200);
  });
});
