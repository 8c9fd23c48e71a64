import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../../test/factories.js';
import { importanceOf, termsForNames } from '../../domain/search-terms.js';
import { replaceTerms } from './search.repository.js';
import { insertFixturePlaces } from '../../../test/places-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertFixturePlaces(t.database.db);
});
afterAll(async () => {
  await t.close();
});

async function search(query: string) {
  const response = await t.app.inject({ url: `/api/search?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('GET /api/search', () => {
  it.each([
    ['Beč', 2761369],
    ['Беч', 2761369],
    ['Dunaj', 2761369],
    ['Wien', 2761369],
    ['vienna', 2761369],
    ['Виена', 2761369],
    ['u Beču', 2761369],
    ['Ниш', 787657],
    ['Nis', 787657],
    ['Nišu', 787657],
    ['Sofiji', 727011],
    ['Софија', 727011],
    ['София', 727011],
    ['Krakov', 3094802],
    ['Краков', 3094802],
    ['Zagerb', 3186886],
  ])('finds the right place first for %s', async (q, geonamesId) => {
    const { hits } = await search(`q=${encodeURIComponent(q)}`);
    expect(hits[0].ids.geonamesId).toBe(geonamesId);
  });

  it('says which name matched, in which language', async () => {
    const { hits } = await search(`q=${encodeURIComponent('Беч')}`);
    expect(hits[0]).toMatchObject({
      type: 'place',
      name: 'Vienna',
      label: 'Беч (sr) → Vienna',
      matched: { name: 'Беч', kind: 'exact' },
    });
  });

  it('tells an inflected form, a prefix and a typo apart', async () => {
    expect((await search('q=Sofiji')).hits[0].matched.kind).toBe('stem');
    expect((await search('q=zag')).hits[0]).toMatchObject({ name: 'Zagreb', matched: { kind: 'prefix' } });
    expect((await search('q=Zagerb')).hits[0].matched.kind).toBe('typo');
  });

  it('shows a place that an organisation represents as that organisation', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/places/787657/organisation' });
    const { hits } = await search(`q=${encodeURIComponent('Ниш')}`);
    expect(hits[0]).toMatchObject({
      type: 'organisation',
      id: created.json().id,
      ids: { geonamesId: 787657 },
    });
    expect(hits.filter((hit: { ids: { geonamesId: number } }) => hit.ids.geonamesId === 787657)).toHaveLength(
      1,
    );
  });

  it('finds organisations, projects and activities by their names, and counts facets', async () => {
    const network = await makeOrganisation(t.app, {
      kind: 'network',
      country: null,
      names: [{ name: 'Energy Cities', language: 'en', kind: 'official' }],
    });
    const { hits, facets } = await search('q=energy%20cities');
    expect(hits[0].id).toBe(network.id);
    expect(facets.type).toContainEqual({ value: 'organisation', count: expect.any(Number) });
  });

  it('filters by type and country and names hits in the reader’s language', async () => {
    const { hits } = await search('q=vienna&types=place&country=AT&lang=hr');
    expect(hits[0]).toMatchObject({ type: 'place', name: 'Beč' });
    expect((await search('q=vienna&country=BG')).hits).toEqual([]);
  });

  it('refuses an unknown parameter and an empty query with 400', async () => {
    expect((await t.app.inject({ url: '/api/search?q=nis&colour=red' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/search?q=' })).statusCode).toBe(400);
  });
});

/** Adds a gazetteer place with one name. */
async function addPlace(geonamesId: number, name: string, population: number): Promise<void> {
  await t.database.db
    .insertInto('places')
    .values({
      geonamesId,
      name,
      nameEn: name,
      country: 'XK',
      featureCode: 'PPL',
      admin1Code: null,
      population,
      latitude: 42.5,
      longitude: 20.9,
      lauCode: null,
      nutsCode: null,
    })
    .execute();
  await replaceTerms(
    t.database.db,
    { type: 'place', id: String(geonamesId), importance: importanceOf(population), country: 'XK' },
    termsForNames([{ name, language: 'en' }]),
  );
}

describe('GET /api/search over the registry’s own names', () => {
  it('finds an organisation by a name with one typo, and by one two typos away', async () => {
    const covenant = await makeOrganisation(t.app, {
      kind: 'network',
      country: null,
      names: [{ name: 'Covenant Mayors', language: 'en', kind: 'official' }],
    });
    expect((await search('q=Covenant%20Myaors')).hits[0]).toMatchObject({
      id: covenant.id,
      matched: { kind: 'typo' },
    });
    expect((await search('q=Covnant%20Myaors')).hits[0]).toMatchObject({
      id: covenant.id,
      matched: { kind: 'fuzzy' },
    });
  });

  it('shows the details of a place that comes up once a record’s exact name rules out spelling variants', async () => {
    // Seven larger places one letter off `metropol` would be the first hits for a query that meets no
    // name; an organisation called so makes them irrelevant, and the completion `Metropolis` comes next.
    const variants = ['Metropal', 'Metropel', 'Metropul', 'Metrapol', 'Metripol', 'Metrupol', 'Netropol'];
    for (const [position, name] of variants.entries()) await addPlace(9_100_001 + position, name, 100_000);
    await addPlace(9_100_100, 'Metropolis', 1_000);
    const before = await search('q=Metropol&limit=2');
    expect(before.hits.map((hit: { name: string }) => hit.name)).toHaveLength(2);
    expect(before.hits[0].matched.kind).toBe('typo');

    const metropol = await makeOrganisation(t.app, {
      names: [{ name: 'Metropol', language: 'en', kind: 'official' }],
    });
    const { hits } = await search('q=Metropol&limit=2');
    expect(hits[0]).toMatchObject({ id: metropol.id, matched: { kind: 'exact' } });
    expect(hits[1]).toMatchObject({
      type: 'place',
      name: 'Metropolis',
      matched: { kind: 'prefix' },
      population: 1_000,
      latitude: 42.5,
      ids: { geonamesId: 9_100_100 },
    });
  });
});

describe('GET /api/resolve', () => {
  it('returns ranked candidates with a confidence, an English name, a country and ids', async () => {
    const response = await t.app.inject({ url: `/api/resolve?name=${encodeURIComponent('Beč')}` });
    expect(response.statusCode).toBe(200);
    const [first] = response.json().candidates;
    expect(first).toMatchObject({
      type: 'place',
      name: 'Vienna',
      country: 'AT',
      ids: { geonamesId: 2761369 },
    });
    expect(first.confidence).toBeGreaterThan(0.9);
  });

  it('offers candidates from elsewhere with less confidence when the country has none', async () => {
    const inCountry = (await t.app.inject({ url: '/api/resolve?name=Krakov&country=PL' })).json()
      .candidates[0];
    const elsewhere = (await t.app.inject({ url: '/api/resolve?name=Krakov&country=HR' })).json()
      .candidates[0];
    expect(inCountry.ids.geonamesId).toBe(3094802);
    expect(elsewhere.ids.geonamesId).toBe(3094802);
    expect(elsewhere.confidence).toBeLessThan(inCountry.confidence);
  });

  it('gives names in the asked language', async () => {
    const [first] = (await t.app.inject({ url: '/api/resolve?name=vienna&lang=sl' })).json().candidates;
    expect(first.name).toBe('Dunaj');
  });
});

describe('from place to organisation', () => {
  it('creates the authority of a place once, with its names and identifiers, and returns it afterwards', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/places/3094802/organisation' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'city', country: 'PL', geonamesId: 3094802, name: 'Krakow' });
    expect(first.json().names.map((name: { name: string }) => name.name)).toEqual(
      expect.arrayContaining(['Krakov', 'Краков', 'Kraków']),
    );
    const second = await t.app.inject({ method: 'POST', url: '/api/places/3094802/organisation' });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
  });

  it('never creates two authorities for one place, even when asked at once', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.app.inject({ method: 'POST', url: '/api/places/727011/organisation' })),
    );
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1);
    expect(answers.filter((answer) => answer.statusCode === 201)).toHaveLength(1);
  });

  it('refuses a second organisation with the same GeoNames id', async () => {
    await t.app.inject({ method: 'POST', url: '/api/places/3186886/organisation' });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        kind: 'city',
        country: 'HR',
        geonamesId: 3186886,
        names: [{ name: 'Zagreb again', language: 'en', kind: 'official' }],
      },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('answers 404 for a place the gazetteer lacks', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/places/999999999/organisation' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('place.not_found');
  });
});
