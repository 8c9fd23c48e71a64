import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProgramme, makeSource, makeTheme } from '../../../test/factories.js';
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

describe('programmes API', () => {
  it('creates a programme with areas in its own order and reads it back', async () => {
    const zagreb = await makeOrganisation(t.app, {
      names: [
        { name: 'Zagreb', language: 'en', kind: 'official' },
        { name: 'Grad Zagreb', language: 'hr', kind: 'official' },
      ],
    });
    const source = await makeSource(t.app);
    const culture = await makeTheme(t.app, { labels: { en: 'Culture', hr: 'Kultura' } });
    const economy = await makeTheme(t.app, { labels: { en: 'Economy', hr: 'Gospodarstvo' } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: {
        organisationId: zagreb.id,
        year: 2022,
        title: {
          hr: 'Program međunarodne suradnje Grada Zagreba za 2022.',
          en: 'Programme of international cooperation of the City of Zagreb for 2022',
        },
        adoptedBy: { en: 'City Assembly', hr: 'Gradska skupština' },
        adoptedOn: '2021-12-16',
        decision: { en: '6th session' },
        areas: [economy.code, culture.code],
        sourceId: source.id,
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(response.headers.location).toBe(`/api/programmes/${created.id}`);
    expect(created).toMatchObject({
      organisation: { id: zagreb.id, slug: zagreb.slug, name: 'Zagreb', kind: 'city', country: 'HR' },
      year: 2022,
      displayTitle: 'Programme of international cooperation of the City of Zagreb for 2022',
      adoptedOn: '2021-12-16',
      decision: { en: '6th session' },
      areas: [
        { code: economy.code, label: 'Economy', labelLanguage: 'en' },
        { code: culture.code, label: 'Culture', labelLanguage: 'en' },
      ],
      description: {},
      source: { id: source.id },
      version: 1,
    });
    const read = await t.app.inject({ url: `/api/programmes/${created.id}` });
    expect(read.json()).toEqual(created);
    const croatian = await t.app.inject({ url: `/api/programmes/${created.id}?lang=hr` });
    expect(croatian.json().areas).toEqual([
      { code: economy.code, label: 'Gospodarstvo', labelLanguage: 'hr' },
      { code: culture.code, label: 'Kultura', labelLanguage: 'hr' },
    ]);
  });

  it('refuses a second programme of one organisation for one year', async () => {
    const city = await makeOrganisation(t.app);
    await makeProgramme(t.app, city.id, { year: 2023 });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: city.id, year: 2023, title: { en: 'Again' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('programme.duplicate');
    const next = await makeProgramme(t.app, city.id, { year: 2024 });
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${next.id}`,
      payload: { version: next.version, year: 2023 },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('programme.duplicate');
  });

  it('refuses a programme adopted after its year ends', async () => {
    const city = await makeOrganisation(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: city.id, year: 2022, title: { en: 'Late' }, adoptedOn: '2023-02' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'programme.adopted_after_year',
      errors: [{ field: 'body.adoptedOn', code: 'programme.adopted_after_year' }],
    });
    const programme = await makeProgramme(t.app, city.id, { year: 2022, adoptedOn: '2022-01' });
    const earlier = await t.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: programme.version, year: 2021 },
    });
    expect(earlier.json().code).toBe('programme.adopted_after_year');
  });

  it('refuses a programme without a title', async () => {
    const city = await makeOrganisation(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: city.id, year: 2022, title: { en: ' ' } },
    });
    expect(response.json()).toMatchObject({ status: 400, code: 'programme.title_required' });
  });

  it('refuses unknown areas, organisation and source, naming each field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: {
        organisationId: newId(),
        year: 2022,
        title: { en: 'Programme' },
        areas: ['no-such-area'],
        sourceId: newId(),
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('programme.invalid');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.organisationId', code: 'organisation.unknown' }),
      expect.objectContaining({ field: 'body.areas', code: 'theme.unknown' }),
      expect.objectContaining({ field: 'body.sourceId', code: 'source.unknown' }),
    ]);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: 'zagreb', year: 1800, adoptedOn: '2022-02-30x' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.organisationId', 'body.year', 'body.title', 'body.adoptedOn']),
    );
  });

  it('refuses an unknown field', async () => {
    const city = await makeOrganisation(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: city.id, year: 2022, title: { en: 'P' }, budget: '100.00' },
    });
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.budget' }],
    });
  });

  it('filters by organisation, year, country and organisation name', async () => {
    const kotor = await makeOrganisation(t.app, {
      country: 'ME',
      names: [
        { name: 'Kotor', language: 'en', kind: 'official' },
        { name: 'Котор', language: 'sr', kind: 'official' },
      ],
    });
    const ohrid = await makeOrganisation(t.app, { country: 'MK' });
    const kotor2021 = await makeProgramme(t.app, kotor.id, { year: 2021 });
    const kotor2022 = await makeProgramme(t.app, kotor.id, { year: 2022 });
    const ohrid2021 = await makeProgramme(t.app, ohrid.id, { year: 2021 });

    const ofKotor = await t.app.inject({ url: `/api/programmes?organisation=${kotor.id}` });
    expect(ofKotor.json().total).toBe(2);
    expect(ids(ofKotor)).toEqual([kotor2022.id, kotor2021.id]);
    const of2021 = await t.app.inject({ url: `/api/programmes?year=2021&country=ME` });
    expect(ids(of2021)).toEqual([kotor2021.id]);
    const macedonian = await t.app.inject({ url: `/api/programmes?country=MK` });
    expect(ids(macedonian)).toEqual([ohrid2021.id]);
    const byCyrillicName = await t.app.inject({ url: `/api/programmes?name=${encodeURIComponent('котор')}` });
    expect(ids(byCyrillicName).sort()).toEqual([kotor2021.id, kotor2022.id].sort());
  });

  it('sorts by year, newest first unless told otherwise, and pages with the total', async () => {
    const city = await makeOrganisation(t.app);
    const made = [];
    for (const year of [2020, 2022, 2021]) made.push(await makeProgramme(t.app, city.id, { year }));
    const [p2020, p2022, p2021] = made.map((programme) => programme.id);
    const years = `/api/programmes?organisation=${city.id}`;
    expect(ids(await t.app.inject({ url: years }))).toEqual([p2022, p2021, p2020]);
    expect(ids(await t.app.inject({ url: `${years}&sort=year` }))).toEqual([p2020, p2021, p2022]);
    const page = await t.app.inject({ url: `${years}&pageSize=2&page=2` });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([p2020]);
  });

  it('changes a programme, keeping areas in the new order', async () => {
    const city = await makeOrganisation(t.app);
    const [a, b] = [await makeTheme(t.app), await makeTheme(t.app)];
    const programme = await makeProgramme(t.app, city.id, { areas: [a.code, b.code] });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: programme.version, areas: [b!.code, a!.code], title: { hr: 'Program' } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      displayTitle: 'Program',
      areas: [{ code: b!.code }, { code: a!.code }],
      version: 2,
    });
  });

  it('answers an unknown programme with 404', async () => {
    const response = await t.app.inject({ url: `/api/programmes/${newId()}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('programme.not_found');
  });

  it('refuses a stale version with 409', async () => {
    const city = await makeOrganisation(t.app);
    const programme = await makeProgramme(t.app, city.id);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: programme.version, decision: { en: '6th session' } },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: programme.version, decision: { en: '7th session' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('programme.version_conflict');
  });

  it('deletes a programme', async () => {
    const city = await makeOrganisation(t.app);
    const programme = await makeProgramme(t.app, city.id);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/programmes/${programme.id}?version=${programme.version}`,
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/programmes/${programme.id}` })).statusCode).toBe(404);
  });
});
