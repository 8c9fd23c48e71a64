import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProgramme, makeSource, makeTheme } from '../../../test/factories.js';
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

const ids = (response: { json(): { items: { id: string }[] } }) =>
  response.json().items.map((item) => item.id);

describe('themes API', () => {
  it('creates a theme and reads it back by id and by code', async () => {
    const source = await makeSource(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: {
        code: 'zg-culture',
        taxonomy: 'zagreb_2022',
        position: 3,
        labels: { en: 'Culture', hr: 'Kultura', 'sr-Cyrl': 'Култура' },
        sourceId: source.id,
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      code: 'zg-culture',
      taxonomy: 'zagreb_2022',
      position: 3,
      label: 'Culture',
      labelLanguage: 'en',
      source: { id: source.id, title: source.title },
      version: 1,
    });
    expect(created).not.toHaveProperty('searchText');
    const byId = await t.app.inject({ url: `/api/themes/${created.id}` });
    expect(byId.json()).toEqual(created);
    const byCode = await t.app.inject({ url: '/api/themes/zg-culture' });
    expect(byCode.json().id).toBe(created.id);
  });

  it("labels a theme in the reader's language and shows a fallback as such", async () => {
    const theme = await makeTheme(t.app, { labels: { en: 'Tourism', hr: 'Turizam', sr: 'Туризам' } });
    const croatian = await t.app.inject({ url: `/api/themes/${theme.code}?lang=hr` });
    expect(croatian.json()).toMatchObject({ label: 'Turizam', labelLanguage: 'hr' });
    const serbianCyrillic = await t.app.inject({ url: `/api/themes/${theme.code}?lang=sr-Cyrl` });
    expect(serbianCyrillic.json()).toMatchObject({ label: 'Туризам', labelLanguage: 'sr' });
    const slovene = await t.app.inject({ url: `/api/themes/${theme.code}?lang=sl` });
    expect(slovene.json()).toMatchObject({ label: 'Tourism', labelLanguage: 'en' });
    const list = await t.app.inject({ url: `/api/themes?name=${theme.code}&lang=hr` });
    expect(list.json().items).toMatchObject([{ code: theme.code, label: 'Turizam', labelLanguage: 'hr' }]);
  });

  it('refuses a theme without an English label', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: { code: 'no-english', taxonomy: 'custom', labels: { hr: 'Bez engleskog' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'theme.english_label_required',
      errors: [{ field: 'body.labels.en', code: 'theme.english_label_required' }],
    });
    const theme = await makeTheme(t.app);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${theme.id}`,
      payload: { version: theme.version, labels: { hr: 'Samo hrvatski' } },
    });
    expect(patch.json().code).toBe('theme.english_label_required');
  });

  it('refuses a code another theme has', async () => {
    const theme = await makeTheme(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: { code: theme.code, taxonomy: 'custom', labels: { en: 'Again' } },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'theme.code_taken', errors: [{ field: 'body.code' }] });
    const other = await makeTheme(t.app);
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${other.id}`,
      payload: { version: other.version, code: theme.code },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('theme.code_taken');
  });

  it('refuses an unknown source', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: { code: 'sourceless', taxonomy: 'custom', labels: { en: 'X' }, sourceId: newId() },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'source.unknown', errors: [{ field: 'body.sourceId' }] });
  });

  it('filters by taxonomy and by any label, sorts by position within the taxonomy and pages', async () => {
    const third = await makeTheme(t.app, { taxonomy: 'sdg', position: 3, labels: { en: 'Sdgfilter C' } });
    const first = await makeTheme(t.app, { taxonomy: 'sdg', position: 1, labels: { en: 'Sdgfilter A' } });
    const second = await makeTheme(t.app, {
      taxonomy: 'sdg',
      position: 2,
      labels: { en: 'Sdgfilter B', sr: 'Одрживи градови' },
    });
    await makeTheme(t.app, { taxonomy: 'custom', labels: { en: 'Sdgfilter custom' } });
    const sdg = await t.app.inject({ url: '/api/themes?taxonomy=sdg&name=sdgfilter' });
    expect(sdg.json().total).toBe(3);
    expect(ids(sdg)).toEqual([first.id, second.id, third.id]);
    const descending = await t.app.inject({ url: '/api/themes?taxonomy=sdg&name=sdgfilter&sort=-position' });
    expect(ids(descending)).toEqual([third.id, second.id, first.id]);
    const byCyrillicLabel = await t.app.inject({ url: '/api/themes?name=odrzivi%20gradovi' });
    expect(ids(byCyrillicLabel)).toEqual([second.id]);
    const page = await t.app.inject({ url: '/api/themes?taxonomy=sdg&name=sdgfilter&pageSize=2&page=2' });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([third.id]);
  });

  it('sorts by code', async () => {
    const b = await makeTheme(t.app, { code: 'codesort-b', labels: { en: 'Codesort' } });
    const a = await makeTheme(t.app, { code: 'codesort-a', labels: { en: 'Codesort' } });
    expect(ids(await t.app.inject({ url: '/api/themes?name=codesort&sort=code' }))).toEqual([a.id, b.id]);
    expect(ids(await t.app.inject({ url: '/api/themes?name=codesort&sort=-code' }))).toEqual([b.id, a.id]);
  });

  it('takes pages of up to 200 themes', async () => {
    expect((await t.app.inject({ url: '/api/themes?pageSize=200' })).statusCode).toBe(200);
    const tooBig = await t.app.inject({ url: '/api/themes?pageSize=201' });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].field).toBe('querystring.pageSize');
  });

  it('changes a theme', async () => {
    const theme = await makeTheme(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${theme.code}`,
      payload: { version: theme.version, position: 7, labels: { en: 'Renamed Lonjsko', hr: 'Lonjsko' } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ position: 7, label: 'Renamed Lonjsko', version: 2 });
    expect(ids(await t.app.inject({ url: '/api/themes?name=lonjsko' }))).toEqual([theme.id]);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: { code: 'Not A Code', taxonomy: 'zodiac' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.code', 'body.taxonomy', 'body.labels']));
  });

  it('refuses an unknown field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/themes',
      payload: { code: 'colour', taxonomy: 'custom', labels: { en: 'X' }, colour: 'red' },
    });
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.colour' }],
    });
  });

  it('answers an unknown theme with 404', async () => {
    const response = await t.app.inject({ url: '/api/themes/no-such-theme' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('theme.not_found');
  });

  it('refuses a stale version with 409', async () => {
    const theme = await makeTheme(t.app);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${theme.id}`,
      payload: { version: theme.version, position: 1 },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${theme.id}`,
      payload: { version: theme.version, position: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('theme.version_conflict');
  });

  it('deletes a theme nothing uses', async () => {
    const theme = await makeTheme(t.app);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/themes/${theme.code}?version=${theme.version}`,
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/themes/${theme.id}` })).statusCode).toBe(404);
  });

  it("refuses to delete or recode a theme an organisation's themes use", async () => {
    const theme = await makeTheme(t.app);
    await makeOrganisation(t.app, { themes: [theme.code] });
    const response = await t.app.inject({ method: 'DELETE', url: `/api/themes/${theme.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('theme.in_use');
    const recode = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${theme.id}`,
      payload: { version: theme.version, code: `${theme.code}-new` },
    });
    expect(recode.statusCode).toBe(409);
    expect(recode.json().code).toBe('theme.in_use');
  });

  it("refuses to delete a theme a programme's areas or a partnership's themes use", async () => {
    const area = await makeTheme(t.app);
    const city = await makeOrganisation(t.app);
    await makeProgramme(t.app, city.id, { areas: [area.code] });
    const areaResponse = await t.app.inject({ method: 'DELETE', url: `/api/themes/${area.id}` });
    expect(areaResponse.json()).toMatchObject({ status: 409, code: 'theme.in_use' });

    const tagged = await makeTheme(t.app);
    const other = await makeOrganisation(t.app);
    await writeFixtures(t.database, (db) =>
      db
        .insertInto('partnerships')
        .values({
          id: newId(),
          organisationAId: city.id,
          organisationBId: other.id,
          type: 'twinning',
          status: 'active',
          description: {},
          themes: [tagged.code],
        })
        .execute(),
    );
    const taggedResponse = await t.app.inject({ method: 'DELETE', url: `/api/themes/${tagged.id}` });
    expect(taggedResponse.json()).toMatchObject({ status: 409, code: 'theme.in_use' });
  });
});
