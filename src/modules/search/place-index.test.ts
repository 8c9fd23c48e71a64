import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { similarityOf } from '../../domain/search-trigrams.js';
import { importanceOf, termsForNames } from '../../domain/search-terms.js';
import { readPlaceIndex, replaceTerms } from './search.repository.js';

/** Names that share trigrams in many ways: words, repeats, digits, other scripts. */
const names = [
  'Dartmouth',
  'Daatmuth',
  'San Salvador El Seco',
  'San Salvador',
  'Salvador',
  'Zagreb',
  'Zagorje',
  'Zabok',
  'Aachen',
  'Aa',
  '6th of October City',
  '東京',
  'Ho Chi Minh City',
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (const [position, name] of names.entries()) {
    await replaceTerms(
      database.db,
      { type: 'place', id: String(position + 1), importance: importanceOf(position * 1000), country: 'XX' },
      termsForNames([{ name, language: 'en' }]),
    );
  }
});
afterAll(async () => {
  await database.close();
});

async function databaseSimilarity(a: string, b: string): Promise<number> {
  const { rows } = await sql<{ similarity: number }>`select similarity(${a}, ${b}) as similarity`.execute(
    database.db,
  );
  return Number(rows[0]!.similarity);
}

describe('the trigram search in memory', () => {
  it('computes the similarity that pg_trgm computes', async () => {
    for (const a of ['dartmouth', 'san salvaeor el sco', 'zagerb', '6th october', '東京都', 'aa']) {
      for (const b of names.map((name) => name.toLowerCase())) {
        expect(similarityOf(a, b), `${a} / ${b}`).toBeCloseTo(await databaseSimilarity(a, b), 6);
      }
    }
  });

  it('finds the keys that the database’s similarity finds above the threshold', async () => {
    const index = await readPlaceIndex(database.db);
    for (const query of [
      'daatmuth',
      'san salvaeor',
      'zagerb',
      'aachn',
      'ho chi mihn',
      '6th octobr',
      '東京都',
      'a',
    ]) {
      const inMemory = index.similarTerms(query, 0.2, 1000, {}).map((match) => match.key);
      const { rows } = await sql<{ key: string }>`select distinct key from search_terms
        where entity_type = 'place' and similarity(key, ${query}) >= 0.2`.execute(database.db);
      expect(new Set(inMemory), query).toEqual(new Set(rows.map((row) => row.key)));
    }
  });

  it('ranks the most similar first, then the most important', async () => {
    const index = await readPlaceIndex(database.db);
    const matches = index.similarTerms('san salvador', 0.2, 1000, {});
    expect(matches[0]).toMatchObject({ key: 'san salvador', similarity: 1 });
    const order = matches.map(({ similarity, importance }) => [-similarity!, -importance]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(index.similarTerms('san salvador', 0.2, 2, {})).toEqual(matches.slice(0, 2));
  });
});

describe('the index’s version', () => {
  async function placesVersion(): Promise<number> {
    const { rows } = await sql<{ version: number }>`select version from search_index_versions
      where part = 'places'`.execute(database.db);
    return Number(rows[0]!.version);
  }

  it('is raised by a change of the place terms and read with them', async () => {
    const before = await placesVersion();
    await replaceTerms(
      database.db,
      { type: 'place', id: '99', importance: 1, country: 'XX' },
      termsForNames([{ name: 'Novi Grad', language: 'sr' }]),
    );
    const after = await placesVersion();
    expect(after).toBeGreaterThan(before);
    const index = await readPlaceIndex(database.db);
    expect(index.version).toBe(after);
    expect(index.termsOfKeys(['novi grad'], {}, 50).map((match) => match.entityId)).toEqual(['99']);
  });

  it('is raised by a change of a place’s details, which the index holds too', async () => {
    await database.db
      .insertInto('places')
      .values({
        geonamesId: 99,
        name: 'Novi Grad',
        nameEn: null,
        country: 'BA',
        featureCode: 'PPL',
        admin1Code: null,
        population: 1_000,
        latitude: 45.05,
        longitude: 16.38,
        lauCode: null,
        nutsCode: null,
      })
      .execute();
    const before = await placesVersion();
    await database.db.updateTable('places').set({ population: 2_000 }).where('geonamesId', '=', 99).execute();
    expect(await placesVersion()).toBeGreaterThan(before);
    const index = await readPlaceIndex(database.db);
    expect(index.detailsOf(99)).toMatchObject({ name: 'Novi Grad', population: 2_000, country: 'BA' });
  });

  it('is left alone by a change of a registry record’s names, which the database searches itself', async () => {
    const before = await placesVersion();
    await replaceTerms(
      database.db,
      { type: 'organisation', id: '0190a1b2-0000-7000-8000-000000000001', importance: 0, country: 'HR' },
      termsForNames([{ name: 'Grad Zagreb', language: 'hr' }]),
    );
    expect(await placesVersion()).toBe(before);
  });
});
