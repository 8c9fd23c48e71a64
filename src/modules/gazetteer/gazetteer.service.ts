import { sql } from 'kysely';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchKeysFor } from '../../domain/search-key.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/helpers.js';
import type { Logger } from '../../platform/logger.js';
import { AppError } from '../../platform/errors.js';
import {
  decodeTsv,
  defaultNameLanguage,
  gazetteerFiles,
  readManifest,
  referenceDir,
  sha256,
  type GazetteerFileKey,
  type GazetteerManifest,
} from './gazetteer.files.js';
import {
  createIndexes,
  deleteGazetteer,
  dropSearchTermKeyIndexes,
  findGazetteerState,
  hasPlaces,
  insertCountries,
  insertPlaces,
  insertPlaceSearchTerms,
  lockGazetteerImport,
  saveGazetteerState,
  type GazetteerCounts,
  type CountryColumns,
  type GazetteerState,
  type PlaceColumns,
  type PlaceSearchTermColumns,
} from './gazetteer.repository.js';

export type { GazetteerCounts, GazetteerState };

/** Import phases, in order: read the files, insert places (and countries), insert names, build indexes. */
export type GazetteerPhase = 'reading' | 'places' | 'names' | 'indexes';

export interface GazetteerProgress {
  phase: GazetteerPhase;
  done: number;
  total: number;
}

export interface GazetteerImportOptions {
  onProgress?: (event: GazetteerProgress) => void;
  /** Import even when the stored version is the shipped one (for example after search keys changed). */
  force?: boolean;
}

export interface GazetteerImportResult {
  /** False when the database already held this version and nothing changed. */
  imported: boolean;
  version: string;
  counts: GazetteerCounts;
  seconds: number;
}

export interface GazetteerServiceOptions {
  /** The directory of manifest.json and the TSV files; the shipped `reference/gazetteer/` by default. */
  dir?: string;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /**
   * Drop the search_terms key indexes during the load and build them afterwards. By default only on
   * PGlite, where it saves a third of the time; on PostgreSQL it saves little and would block every
   * search of a running server until the import commits (see reference/gazetteer/README.md).
   */
  rebuildIndexes?: boolean;
}

/** The gazetteer's files, parsed. */
interface GazetteerData {
  countries: string[][];
  places: string[][];
  placeNames: string[][];
}

const forbidden = () => new AppError('gazetteer.forbidden', 403, 'Only the system may import the gazetteer.');

/**
 * The reference gazetteer: imports the shipped places, their names in many languages and the countries
 * into the database, replacing an older version in one transaction. Importing the version already
 * stored changes nothing.
 */
export function createGazetteerService(database: Database, options: GazetteerServiceOptions = {}) {
  const dir = options.dir ?? referenceDir;
  const batchSize = options.batchSize ?? 10_000;
  const rebuildIndexes = options.rebuildIndexes ?? database.kind === 'pglite';

  /** Whether the stored gazetteer is `version` (and its places are really there). */
  async function isImported(db: Executor, version: string): Promise<GazetteerState | undefined> {
    const state = await findGazetteerState(db);
    return state?.version === version && (await hasPlaces(db)) ? state : undefined;
  }

  async function importGazetteer(
    actor: Actor,
    { onProgress = () => {}, force = false }: GazetteerImportOptions = {},
  ): Promise<GazetteerImportResult> {
    if (actor.kind !== 'system') throw forbidden();
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    const manifest = await loadManifest(dir);
    const { version } = manifest;
    const unchanged = (state: GazetteerState): GazetteerImportResult => ({
      imported: false,
      version,
      counts: state.counts,
      seconds: seconds(),
    });

    const stored = force ? undefined : await isImported(database.db, version);
    if (stored) return unchanged(stored);

    const data = await readGazetteer(dir, manifest, onProgress);
    const places = placeColumns(data.places);
    const terms = searchTermColumns(data.placeNames, places);

    return inTransaction(database, actor, async (trx) => {
      await lockGazetteerImport(trx);
      // Another process may have imported it while this one was reading.
      const current = force ? undefined : await isImported(trx, version);
      if (current) return unchanged(current);

      await deleteGazetteer(trx);
      const indexes = rebuildIndexes ? await dropSearchTermKeyIndexes(trx) : [];

      await insertCountries(trx, countryColumns(data.countries));
      const placeCount = places.geonamesId.length;
      onProgress({ phase: 'places', done: 0, total: placeCount });
      for (let start = 0; start < placeCount; start += batchSize) {
        await insertPlaces(trx, sliceColumns(places, start, start + batchSize));
        onProgress({ phase: 'places', done: Math.min(start + batchSize, placeCount), total: placeCount });
      }

      const termCount = terms.key.length;
      onProgress({ phase: 'names', done: 0, total: termCount });
      for (let start = 0; start < termCount; start += batchSize) {
        await insertPlaceSearchTerms(trx, sliceColumns(terms, start, start + batchSize));
        onProgress({ phase: 'names', done: Math.min(start + batchSize, termCount), total: termCount });
      }

      onProgress({ phase: 'indexes', done: 0, total: indexes.length });
      for (const [position, index] of indexes.entries()) {
        await createIndexes(trx, [index]);
        onProgress({ phase: 'indexes', done: position + 1, total: indexes.length });
      }

      const counts: GazetteerCounts = {
        countries: data.countries.length,
        places: placeCount,
        placeNames: data.placeNames.length,
        searchTerms: termCount,
      };
      // Fresh statistics, so the planner knows the index is selective (PGlite has no autovacuum).
      await sql`analyze places, search_terms`.execute(trx);
      await saveGazetteerState(trx, { version, importedAt: new Date().toISOString(), counts });
      return { imported: true, version, counts, seconds: seconds() };
    });
  }

  /** What the database holds: the imported version and its counts, if any. */
  function findImportedGazetteer(): Promise<GazetteerState | undefined> {
    return findGazetteerState(database.db);
  }

  return { importGazetteer, findImportedGazetteer };
}

export type GazetteerService = ReturnType<typeof createGazetteerService>;

/**
 * Imports the shipped gazetteer when the database does not hold its version yet (at server start).
 * Logs progress at most every two seconds.
 */
export async function loadGazetteerIfNeeded(
  database: Database,
  logger: Logger,
  options: GazetteerServiceOptions = {},
): Promise<GazetteerImportResult> {
  let lastLog = performance.now();
  const result = await createGazetteerService(database, options).importGazetteer(systemActor('serve'), {
    onProgress: ({ phase, done, total }) => {
      const now = performance.now();
      if (now - lastLog < 2000) return;
      lastLog = now;
      logger.info({ phase, done, total }, `loading the gazetteer: ${phase} ${done}/${total}`);
    },
  });
  if (result.imported) {
    logger.info(
      { version: result.version, counts: result.counts, seconds: result.seconds },
      'gazetteer loaded',
    );
  }
  return result;
}

async function loadManifest(dir: string): Promise<GazetteerManifest> {
  try {
    return await readManifest(dir);
  } catch (error) {
    throw new AppError(
      'gazetteer.files_missing',
      500,
      `The gazetteer files are missing or unreadable in ${dir} (${(error as Error).message}). Rebuild them with \`npm run build:gazetteer\`.`,
    );
  }
}

/** Reads the three files, checks them against the manifest's checksums and parses them. */
async function readGazetteer(
  dir: string,
  manifest: GazetteerManifest,
  onProgress: (event: GazetteerProgress) => void,
): Promise<GazetteerData> {
  const keys = Object.keys(gazetteerFiles) as GazetteerFileKey[];
  const data = {} as GazetteerData;
  onProgress({ phase: 'reading', done: 0, total: keys.length });
  for (const [position, key] of keys.entries()) {
    const { file, columns } = gazetteerFiles[key];
    const bytes = await fs.readFile(path.join(dir, file));
    if (sha256(bytes) !== manifest.files[key].sha256) {
      throw new AppError(
        'gazetteer.file_corrupt',
        500,
        `The gazetteer file ${file} does not match its checksum in manifest.json.`,
      );
    }
    data[key] = decodeTsv(bytes, columns);
    onProgress({ phase: 'reading', done: position + 1, total: keys.length });
  }
  return data;
}

/**
 * Countries as stored: the shipped file keeps every name of each language, official name first
 * (`{"en": ["Czech Republic", "Czechia"]}`); the database keeps that first name (`{"en": "Czech Republic"}`).
 */
function countryColumns(rows: string[][]): CountryColumns {
  return {
    code: rows.map(([code]) => code!),
    names: rows.map(([, names]) => {
      const byLanguage = JSON.parse(names!) as Record<string, string[]>;
      return JSON.stringify(
        Object.fromEntries(Object.entries(byLanguage).map(([language, [first]]) => [language, first])),
      );
    }),
  };
}

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function placeColumns(rows: string[][]): PlaceColumns {
  const columns: PlaceColumns = {
    geonamesId: [],
    name: [],
    nameEn: [],
    country: [],
    featureCode: [],
    admin1Code: [],
    population: [],
    latitude: [],
    longitude: [],
    lauCode: [],
    nutsCode: [],
  };
  for (const [id, name, nameEn, country, featureCode, admin1, population, lat, lon, lau, nuts] of rows) {
    columns.geonamesId.push(Number(id));
    columns.name.push(name!);
    columns.nameEn.push(orNull(nameEn));
    columns.country.push(country!);
    columns.featureCode.push(orNull(featureCode));
    columns.admin1Code.push(orNull(admin1));
    columns.population.push(Number(population || 0));
    columns.latitude.push(Number(lat));
    columns.longitude.push(Number(lon));
    columns.lauCode.push(orNull(lau));
    columns.nutsCode.push(orNull(nuts));
  }
  return columns;
}

/**
 * One search term per distinct key of each name of each place. A name written alike in several
 * languages gets the keys of every language's romanisation; the default name's language is unknown.
 */
function searchTermColumns(rows: string[][], places: PlaceColumns): PlaceSearchTermColumns {
  const placeIndex = new Map<string, number>();
  places.geonamesId.forEach((id, position) => placeIndex.set(String(id), position));
  const columns: PlaceSearchTermColumns = {
    entityId: [],
    name: [],
    languages: [],
    key: [],
    importance: [],
    country: [],
  };
  for (const [id, name, languageList] of rows) {
    const position = placeIndex.get(id!);
    if (position === undefined) continue;
    const languages = languageList ? languageList.split(',') : [];
    const keys = new Set<string>();
    for (const language of languages.length > 0 ? languages : [defaultNameLanguage]) {
      for (const key of searchKeysFor(name!, language === defaultNameLanguage ? undefined : language)) {
        keys.add(key);
      }
    }
    const importance = Math.log10(places.population[position]! + 1);
    for (const key of keys) {
      columns.entityId.push(id!);
      columns.name.push(name!);
      columns.languages.push(languageList ?? '');
      columns.key.push(key);
      columns.importance.push(importance);
      columns.country.push(places.country[position]!);
    }
  }
  return columns;
}

/** The rows from `start` to `end` of a set of parallel column arrays. */
function sliceColumns<T extends { [K in keyof T]: unknown[] }>(columns: T, start: number, end: number): T {
  return Object.fromEntries(
    Object.entries<unknown[]>(columns).map(([name, values]) => [name, values.slice(start, end)]),
  ) as T;
}
