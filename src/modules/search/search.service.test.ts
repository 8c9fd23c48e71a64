import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { importanceOf, termsForNames } from '../../domain/search-terms.js';
import { publicActor } from '../../platform/actor.js';
import { deleteTerms, replaceTerms } from './search.repository.js';
import { createSearchService, type SearchService } from './search.service.js';

/** Places whose names compete for short, foreign and misspelt queries (real GeoNames ids and sizes). */
const places = [
  {
    geonamesId: 524901,
    name: 'Moscow',
    country: 'RU',
    population: 10_381_222,
    names: [
      ['Moscow', 'und'],
      ['Moscow', 'en'],
      ['Москва', 'ru'],
      ['Maskava', 'lv'],
    ],
  },
  {
    geonamesId: 124665,
    name: 'Mashhad',
    country: 'IR',
    population: 3_001_184,
    names: [
      ['Mashhad', 'und'],
      ['Mashhad', 'en'],
      ['Mașhad', 'ro'],
    ],
  },
  { geonamesId: 2995000, name: 'Mas', country: 'FR', population: 1_500, names: [['Mas', 'und']] },
  { geonamesId: 2222366, name: 'Saa', country: 'CM', population: 8_000, names: [['Saa', 'und']] },
  {
    geonamesId: 498817,
    name: 'Saint Petersburg',
    country: 'RU',
    population: 5_351_935,
    names: [
      ['Saint Petersburg', 'und'],
      ['Saint Petersburg', 'en'],
      ['Sankt Peterburg', 'hr'],
    ],
  },
  {
    geonamesId: 5935277,
    name: 'Dartmouth',
    country: 'CA',
    population: 65_741,
    names: [
      ['Dartmouth', 'und'],
      ['Dartmouth', 'en'],
    ],
  },
] as const;

let database: TestDatabase;
let search: SearchService;
beforeAll(async () => {
  database = await createTestDatabase();
  search = createSearchService(database);
  for (const { names, ...place } of places) {
    await database.db
      .insertInto('places')
      .values({
        ...place,
        nameEn: place.name,
        featureCode: 'PPL',
        admin1Code: null,
        latitude: 0,
        longitude: 0,
        lauCode: null,
        nutsCode: null,
      })
      .execute();
    await replaceTerms(
      database.db,
      {
        type: 'place',
        id: String(place.geonamesId),
        importance: importanceOf(place.population),
        country: place.country,
      },
      termsForNames(names.map(([name, language]) => ({ name, language }))),
    );
  }
});
afterAll(async () => {
  await database.close();
});

async function firstHits(q: string, lang?: string) {
  const { hits } = await search.search(publicActor, { q, limit: 5, ...(lang ? { lang } : {}) });
  return hits.map((hit) => ({ id: hit.ids.geonamesId, kind: hit.matched.kind }));
}

describe('search ranking over competing names', () => {
  it('completes three letters to the largest place whose own name starts so, not to an exonym', async () => {
    const hits = await firstHits('Mas');
    expect(hits[0]).toEqual({ id: 124665, kind: 'prefix' });
    expect(hits.map((hit) => hit.id)).toEqual([124665, 2995000, 524901]);
  });

  it('counts names in the reader’s language as the place’s own', async () => {
    expect((await firstHits('Mas', 'lv'))[0]?.id).toBe(524901);
  });

  it('does not read a three-letter query as an inflected form', async () => {
    const hits = await firstHits('Sai');
    expect(hits[0]).toEqual({ id: 498817, kind: 'prefix' });
    expect(hits.some((hit) => hit.kind === 'stem')).toBe(false);
  });

  it('finds a long name with one typo and a name two typos away', async () => {
    expect((await firstHits('Saint Petersbrug'))[0]).toEqual({ id: 498817, kind: 'typo' });
    expect((await firstHits('Daatmuth'))[0]).toEqual({ id: 5935277, kind: 'fuzzy' });
  });
});

describe('the gazetteer’s names, searched in memory', () => {
  it('finds a place added after a search, and no longer one whose names were removed', async () => {
    expect(await firstHits('Zzyzx')).toEqual([]);
    await database.db
      .insertInto('places')
      .values({
        geonamesId: 5411079,
        name: 'Zzyzx',
        nameEn: 'Zzyzx',
        country: 'US',
        featureCode: 'PPL',
        admin1Code: null,
        population: 10,
        latitude: 35.14,
        longitude: -116.1,
        lauCode: null,
        nutsCode: null,
      })
      .execute();
    await replaceTerms(
      database.db,
      { type: 'place', id: '5411079', importance: importanceOf(10), country: 'US' },
      termsForNames([{ name: 'Zzyzx', language: 'en' }]),
    );
    expect(await firstHits('Zzyzx')).toEqual([{ id: 5411079, kind: 'exact' }]);
    await deleteTerms(database.db, 'place', '5411079');
    expect(await firstHits('Zzyzx')).toEqual([]);
  });

  it('shows the details of the places it finds, and counts every place found in the facets', async () => {
    const { hits, facets } = await search.search(publicActor, { q: 'Ma', limit: 1 });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'place', population: 3_001_184, kind: 'PPL', country: 'IR' });
    expect(facets.type).toEqual([{ value: 'place', count: 3 }]);
    expect(facets.country).toEqual(
      expect.arrayContaining([
        { value: 'FR', count: 1 },
        { value: 'IR', count: 1 },
        { value: 'RU', count: 1 },
      ]),
    );
  });
});
