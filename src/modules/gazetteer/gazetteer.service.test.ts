import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { publicActor, systemActor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/database.js';
import {
  encodeTsv,
  gazetteerFiles,
  gazetteerVersion,
  manifestFile,
  readManifest,
  referenceDir,
  sha256,
  type GazetteerFileKey,
  type GazetteerManifest,
  type TsvValue,
} from './gazetteer.files.js';
import type { Logger } from '../../platform/logger.js';
import {
  createGazetteerService,
  loadGazetteerIfNeeded,
  type GazetteerImportResult,
  type GazetteerProgress,
} from './gazetteer.service.js';

const actor = systemActor('test');

async function countRows(db: Executor) {
  const { rows } = await sql<{
    countries: number;
    places: number;
    placeTerms: number;
    otherTerms: number;
  }>`select
      (select count(*)::int from countries) as countries,
      (select count(*)::int from places) as places,
      (select count(*)::int from search_terms where entity_type = 'place') as place_terms,
      (select count(*)::int from search_terms where entity_type <> 'place') as other_terms`.execute(db);
  return rows[0]!;
}

function placeTerms(db: Executor, geonamesId: number) {
  return db
    .selectFrom('searchTerms')
    .select(['name', 'languages', 'key', 'country'])
    .where('entityType', '=', 'place')
    .where('entityId', '=', String(geonamesId))
    .execute();
}

describe('importing the shipped gazetteer', () => {
  let database: TestDatabase;
  let manifest: GazetteerManifest;
  let first: GazetteerImportResult;
  const progress: GazetteerProgress[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    manifest = await readManifest(referenceDir);
    first = await createGazetteerService(database).importGazetteer(actor, {
      onProgress: (event) => progress.push(event),
    });
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('loads every place, place name and country the manifest lists', async () => {
    expect(first).toMatchObject({ imported: true, version: manifest.version });
    expect(first.counts).toMatchObject({
      places: manifest.files.places.rows,
      placeNames: manifest.files.placeNames.rows,
      countries: manifest.files.countries.rows,
    });
    const rows = await countRows(database.db);
    expect(rows).toMatchObject({
      places: manifest.files.places.rows,
      countries: manifest.files.countries.rows,
      placeTerms: first.counts.searchTerms,
    });
    expect(first.counts.searchTerms).toBeGreaterThanOrEqual(manifest.files.placeNames.rows);
  });

  it('reports progress through every phase, ending each at its total', () => {
    const phases = [...new Set(progress.map((event) => event.phase))];
    expect(phases).toEqual(['reading', 'places', 'names', 'indexes']);
    for (const phase of phases) {
      const last = progress.filter((event) => event.phase === phase).at(-1)!;
      expect(last.done).toBe(last.total);
    }
  });

  it("finds Vienna under its exonyms in the region's languages", async () => {
    const terms = await placeTerms(database.db, 2761369);
    const languagesOf = (name: string) => terms.find((term) => term.name === name)?.languages ?? [];
    expect(languagesOf('Beč')).toContain('hr');
    expect(languagesOf('Беч')).toContain('sr');
    expect(languagesOf('Dunaj')).toContain('sl');
    expect(languagesOf('Wien')).toContain('de');
    expect(languagesOf('Vienna')).toContain('und');
    expect(terms.find((term) => term.name === 'Беч')).toMatchObject({ key: 'bec', country: 'AT' });
    const vienna = await database.db
      .selectFrom('places')
      .selectAll()
      .where('geonamesId', '=', 2761369)
      .executeTakeFirstOrThrow();
    expect(vienna).toMatchObject({
      name: 'Vienna',
      nameEn: 'Vienna',
      country: 'AT',
      lauCode: '90001',
      nutsCode: 'AT130',
    });
  });

  it('gives Niš and Zagreb their LAU and NUTS 3 codes', async () => {
    const rows = await database.db
      .selectFrom('places')
      .select(['geonamesId', 'name', 'lauCode', 'nutsCode', 'population'])
      .where('geonamesId', 'in', [787657, 3186886])
      .orderBy('geonamesId')
      .execute();
    expect(rows).toEqual([
      // Niš is five city municipalities in LAU; the central one, Medijana, holds its centre.
      { geonamesId: 787657, name: 'Niš', lauCode: '71331', nutsCode: 'RS225', population: 250000 },
      { geonamesId: 3186886, name: 'Zagreb', lauCode: '01333', nutsCode: 'HR050', population: 698966 },
    ]);
  });

  it('stores countries with their names by language', async () => {
    const serbia = await database.db
      .selectFrom('countries')
      .selectAll()
      .where('code', '=', 'RS')
      .executeTakeFirstOrThrow();
    expect(serbia.names).toMatchObject({ en: 'Serbia', hr: 'Srbija', sr: 'Србија', de: 'Serbien' });
  });

  it('changes nothing when the same version is imported again', async () => {
    const before = await countRows(database.db);
    const second = await createGazetteerService(database).importGazetteer(actor);
    expect(second).toMatchObject({ imported: false, version: manifest.version, counts: first.counts });
    expect(await countRows(database.db)).toEqual(before);
  });

  it('refuses an import by anyone but the system', async () => {
    await expect(createGazetteerService(database).importGazetteer(publicActor)).rejects.toMatchObject({
      code: 'gazetteer.forbidden',
      status: 403,
    });
  });
});

interface FixturePlace {
  id: number;
  name: string;
  country: string;
  population: number;
  names: [string, string][];
}

/** Writes a small gazetteer (places with their names, and countries) the way the build script does. */
async function writeFixture(
  dir: string,
  places: FixturePlace[],
  countries: Record<string, Record<string, string[]>>,
) {
  await fs.mkdir(dir, { recursive: true });
  const rows: Record<GazetteerFileKey, TsvValue[][]> = {
    places: places.map((place) => [
      place.id,
      place.name,
      place.name,
      place.country,
      'PPL',
      '01',
      place.population,
      '45.1',
      '15.2',
      null,
      null,
    ]),
    placeNames: places.flatMap((place) => [
      [place.id, place.name, 'und'],
      ...place.names.map(([name, languages]) => [place.id, name, languages]),
    ]),
    countries: Object.entries(countries).map(([code, names]) => [code, JSON.stringify(names)]),
  };
  const files = {} as GazetteerManifest['files'];
  for (const key of Object.keys(gazetteerFiles) as GazetteerFileKey[]) {
    const bytes = encodeTsv(gazetteerFiles[key].columns, rows[key]);
    await fs.writeFile(path.join(dir, gazetteerFiles[key].file), bytes);
    files[key] = {
      file: gazetteerFiles[key].file,
      bytes: bytes.length,
      sha256: sha256(bytes),
      rows: rows[key].length,
    };
  }
  const manifest: GazetteerManifest = {
    version: gazetteerVersion(files),
    files,
    sources: [],
    attribution: ['GeoNames (CC BY 4.0)'],
    lauMatching: {},
  };
  await fs.writeFile(path.join(dir, manifestFile), JSON.stringify(manifest));
  return manifest;
}

describe('replacing the gazetteer with another version', () => {
  let database: TestDatabase;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-gazetteer-'));
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('replaces every place row in one go, leaving no duplicates and other search terms alone', async () => {
    await database.db
      .insertInto('searchTerms')
      .values({
        entityType: 'organisation',
        entityId: 'org-1',
        name: 'Grad Zagreb',
        languages: ['hr'],
        key: 'grad zagreb',
        importance: 1,
        country: 'HR',
      })
      .execute();
    const oldVersion = await writeFixture(
      path.join(root, 'v1'),
      [
        { id: 1, name: 'Alfa', country: 'HR', population: 999, names: [['Альфа', 'ru']] },
        { id: 2, name: 'Beta', country: 'RS', population: 0, names: [] },
      ],
      { HR: { en: ['Croatia'], hr: ['Hrvatska'] }, RS: { en: ['Serbia'] } },
    );
    const first = await createGazetteerService(database, {
      dir: path.join(root, 'v1'),
      rebuildIndexes: false,
    }).importGazetteer(actor);
    expect(first).toMatchObject({
      imported: true,
      version: oldVersion.version,
      counts: { places: 2, placeNames: 3, countries: 2 },
    });

    const newVersion = await writeFixture(
      path.join(root, 'v2'),
      [
        { id: 2, name: 'Beta', country: 'RS', population: 10, names: [['Бета', 'sr']] },
        { id: 3, name: 'Gama', country: 'RS', population: 5000, names: [['Gamma', 'de,en']] },
      ],
      { RS: { en: ['Serbia'], sr: ['Србија'] } },
    );
    expect(newVersion.version).not.toBe(oldVersion.version);
    const second = await createGazetteerService(database, {
      dir: path.join(root, 'v2'),
      rebuildIndexes: true,
    }).importGazetteer(actor);
    expect(second).toMatchObject({
      imported: true,
      version: newVersion.version,
      counts: { places: 2, placeNames: 4, countries: 1 },
    });

    expect(await countRows(database.db)).toEqual({
      countries: 1,
      places: 2,
      placeTerms: second.counts.searchTerms,
      otherTerms: 1,
    });
    expect(second.counts.searchTerms).toBeGreaterThanOrEqual(4);
    const places = await database.db
      .selectFrom('places')
      .select(['geonamesId', 'population'])
      .orderBy('geonamesId')
      .execute();
    expect(places).toEqual([
      { geonamesId: 2, population: 10 },
      { geonamesId: 3, population: 5000 },
    ]);
    const gamma = await placeTerms(database.db, 3);
    expect(gamma).toEqual(
      expect.arrayContaining([
        { name: 'Gama', languages: ['und'], key: 'gama', country: 'RS' },
        { name: 'Gamma', languages: ['de', 'en'], key: 'gamma', country: 'RS' },
      ]),
    );
    const importance = await database.db
      .selectFrom('searchTerms')
      .select('importance')
      .where('entityId', '=', '3')
      .executeTakeFirstOrThrow();
    expect(importance.importance).toBeCloseTo(Math.log10(5001), 4);
    const state = await createGazetteerService(database).findImportedGazetteer();
    expect(state).toMatchObject({ version: newVersion.version, counts: second.counts });
  });

  it('rebuilds the search indexes it dropped for the bulk load', async () => {
    const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes
      where tablename = 'search_terms' order by indexname`.execute(database.db);
    expect(rows.map((row) => row.indexname)).toEqual([
      'search_terms_entity',
      'search_terms_key',
      'search_terms_key_trgm',
      'search_terms_registry_key',
      'search_terms_registry_key_trgm',
    ]);
  });

  it('refuses files that do not match the manifest, changing nothing', async () => {
    const dir = path.join(root, 'corrupt');
    await writeFixture(dir, [{ id: 9, name: 'Iota', country: 'HR', population: 1, names: [] }], {});
    await fs.writeFile(
      path.join(dir, gazetteerFiles.places.file),
      encodeTsv(gazetteerFiles.places.columns, []),
    );
    const before = await countRows(database.db);
    await expect(createGazetteerService(database, { dir }).importGazetteer(actor)).rejects.toMatchObject({
      code: 'gazetteer.file_corrupt',
    });
    expect(await countRows(database.db)).toEqual(before);
  });

  it('loads a new version once at start, and logs what it loaded', async () => {
    const dir = path.join(root, 'start');
    const manifest = await writeFixture(
      dir,
      [{ id: 7, name: 'Eta', country: 'SI', population: 70, names: [] }],
      {},
    );
    const messages: string[] = [];
    const logger = {
      info: (_fields: object, message: string) => messages.push(message),
    } as unknown as Logger;
    const first = await loadGazetteerIfNeeded(database, logger, { dir });
    expect(first).toMatchObject({ imported: true, version: manifest.version, counts: { places: 1 } });
    expect(messages).toContain('gazetteer loaded');
    const again = await loadGazetteerIfNeeded(database, logger, { dir });
    expect(again.imported).toBe(false);
    expect(messages.filter((message) => message === 'gazetteer loaded')).toHaveLength(1);
  });

  it('says clearly when the files are missing', async () => {
    await expect(
      createGazetteerService(database, { dir: path.join(root, 'nowhere') }).importGazetteer(actor),
    ).rejects.toMatchObject({ code: 'gazetteer.files_missing' });
  });
});
