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

describe('organisations API', () => {
  it('creates an organisation with names in several scripts and reads it back by id and by slug', async () => {
    const created = await makeOrganisation(t.app, {
      kind: 'city',
      country: 'RS',
      names: [
        { name: 'Ниш', language: 'sr', kind: 'official' },
        { name: 'Niš', language: 'en', kind: 'official' },
      ],
      population: 260237,
    });
    expect(created.name).toBe('Niš');
    const byId = await t.app.inject({ url: `/api/organisations/${created.id}` });
    expect(byId.statusCode).toBe(200);
    expect(byId.json().names).toEqual([
      { name: 'Ниш', language: 'sr', script: 'Cyrl', kind: 'official' },
      { name: 'Niš', language: 'en', script: 'Latn', kind: 'official' },
    ]);
    const bySlug = await t.app.inject({ url: `/api/organisations/${created.slug}` });
    expect(bySlug.json().id).toBe(created.id);
  });

  it('finds an organisation by a name in another script, without diacritics and in any case', async () => {
    const created = await makeOrganisation(t.app, {
      country: 'RS',
      names: [{ name: 'Крагујевац', language: 'sr', kind: 'official' }],
    });
    for (const name of ['kragujevac', 'KRAGUJEVAC', 'Крагујевац', 'ragujev']) {
      const response = await t.app.inject({ url: `/api/organisations?name=${encodeURIComponent(name)}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((item: { id: string }) => item.id)).toContain(created.id);
    }
  });

  it('answers a missing field with 400 problem details naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { kind: 'city', country: 'HR' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'validation.failed',
      errors: [{ field: 'body.names', code: 'validation.required' }],
    });
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        kind: 'city',
        country: 'HR',
        names: [{ name: 'Split', language: 'hr', kind: 'official' }],
        mayor: 'X',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.mayor' }],
    });
  });

  it('refuses an authority without a country with a clear code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { kind: 'municipality', names: [{ name: 'Nowhere', language: 'en', kind: 'official' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'organisation.country_required',
      errors: [{ field: 'body.country' }],
    });
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const created = await makeOrganisation(t.app);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${created.id}`,
      payload: { version: created.version, population: 1000 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(created.version + 1);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${created.id}`,
      payload: { version: created.version, population: 2000 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('organisation.version_conflict');
    const current = await t.app.inject({ url: `/api/organisations/${created.id}` });
    expect(current.json().population).toBe(1000);
  });

  it('answers an unknown id with 404 problem details', async () => {
    const response = await t.app.inject({ url: '/api/organisations/0190f4a5-0000-7000-8000-000000000000' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'organisation.not_found' });
  });

  it('deletes an organisation', async () => {
    const created = await makeOrganisation(t.app);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${created.id}?version=${created.version}`,
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/organisations/${created.id}` })).statusCode).toBe(404);
  });
});
