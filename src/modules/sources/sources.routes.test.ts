import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeSource, makeTheme } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { newId } from '../../platform/db/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const unknownId = '0190f4a5-0000-7000-8000-000000000000';

describe('sources API', () => {
  it('creates a source and reads it back', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      payload: {
        kind: 'decision',
        title: 'Program međunarodne suradnje Grada Zagreba za 2022.',
        url: 'https://www.zagreb.hr/program-2022.pdf',
        language: 'hr',
        publisher: 'Gradska skupština Grada Zagreba',
        publishedOn: '2021-12',
        notes: 'Službeni glasnik 35/21',
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(response.headers.location).toBe(`/api/sources/${created.id}`);
    expect(created).toMatchObject({ kind: 'decision', key: null, publishedOn: '2021-12', version: 1 });
    expect(created).not.toHaveProperty('searchText');
    const read = await t.app.inject({ url: `/api/sources/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created);
  });

  it('finds sources by words of the title or publisher, without diacritics', async () => {
    const byTitle = await makeSource(t.app, { title: 'Izvješće o suradnji Kvarnerija' });
    const byPublisher = await makeSource(t.app, { title: 'Annual report', publisher: 'Općina Kvarnerija' });
    await makeSource(t.app, { title: 'Something else' });
    const response = await t.app.inject({ url: '/api/sources?name=KVARNERIJA' });
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(2);
    expect(
      response
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([byTitle.id, byPublisher.id].sort());
    const izvjesce = await t.app.inject({ url: '/api/sources?name=izvjesce%20o%20suradnji' });
    expect(izvjesce.json().items.map((item: { id: string }) => item.id)).toEqual([byTitle.id]);
  });

  it('filters by kind', async () => {
    const dataset = await makeSource(t.app, { kind: 'dataset', title: 'Kindfilter data set' });
    await makeSource(t.app, { kind: 'document', title: 'Kindfilter document' });
    const response = await t.app.inject({ url: '/api/sources?name=kindfilter&kind=dataset' });
    expect(response.json().items.map((item: { id: string }) => item.id)).toEqual([dataset.id]);
  });

  it('sorts by title either way and pages with the total', async () => {
    for (const letter of ['C', 'A', 'B']) await makeSource(t.app, { title: `Sortsource ${letter}` });
    const titles = async (query: string) =>
      (await t.app.inject({ url: `/api/sources?name=sortsource&${query}` }))
        .json()
        .items.map((item: { title: string }) => item.title);
    expect(await titles('sort=title')).toEqual(['Sortsource A', 'Sortsource B', 'Sortsource C']);
    expect(await titles('sort=-title')).toEqual(['Sortsource C', 'Sortsource B', 'Sortsource A']);
    const page = (await t.app.inject({ url: '/api/sources?name=sortsource&pageSize=2&page=2' })).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((item: { title: string }) => item.title)).toEqual(['Sortsource C']);
  });

  it('changes a source and keeps it findable by its new title', async () => {
    const source = await makeSource(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      payload: { version: source.version, title: 'Renamed Brankovina report', publisher: null },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Renamed Brankovina report',
      publisher: null,
      version: 2,
    });
    const found = await t.app.inject({ url: '/api/sources?name=brankovina' });
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([source.id]);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { kind: 'rumour', publishedOn: '2021-13' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.kind', 'body.publishedOn']));
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { kind: 'web_page', title: 'A page', author: 'X' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.author' }],
    });
  });

  it('answers an unknown id with 404', async () => {
    const response = await t.app.inject({ url: `/api/sources/${unknownId}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('source.not_found');
  });

  it('refuses a stale version with 409', async () => {
    const source = await makeSource(t.app);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      payload: { version: source.version, notes: 'first' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      payload: { version: source.version, notes: 'second' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('source.version_conflict');
    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: `/api/sources/${source.id}?version=${source.version}`,
    });
    expect(staleDelete.statusCode).toBe(409);
  });

  it('deletes a source nothing cites', async () => {
    const source = await makeSource(t.app);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/sources/${source.id}?version=${source.version}`,
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/sources/${source.id}` })).statusCode).toBe(404);
  });

  it('refuses to delete a source an organisation or a theme cites', async () => {
    const source = await makeSource(t.app);
    await makeOrganisation(t.app, { sourceId: source.id });
    const response = await t.app.inject({ method: 'DELETE', url: `/api/sources/${source.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('source.in_use');
    expect(response.json().detail).toContain('organisations');

    const themeSource = await makeSource(t.app);
    await makeTheme(t.app, { sourceId: themeSource.id });
    const themeResponse = await t.app.inject({ method: 'DELETE', url: `/api/sources/${themeSource.id}` });
    expect(themeResponse.json()).toMatchObject({ status: 409, code: 'source.in_use' });
  });

  it('refuses to delete a source a membership cites', async () => {
    const source = await makeSource(t.app);
    const member = await makeOrganisation(t.app);
    const network = await makeOrganisation(t.app, { kind: 'network', country: null });
    await writeFixtures(t.database, (db) =>
      db
        .insertInto('memberships')
        .values({
          id: newId(),
          memberId: member.id,
          organisationId: network.id,
          role: 'member',
          description: {},
          sourceId: source.id,
        })
        .execute(),
    );
    const response = await t.app.inject({ method: 'DELETE', url: `/api/sources/${source.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('source.in_use');
  });
});
