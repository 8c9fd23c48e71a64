import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** The system_state key under which the imported gazetteer's version is kept. */
export const gazetteerStateKey = 'gazetteer';

/** What system_state records about the imported gazetteer. */
export interface GazetteerState {
  version: string;
  importedAt: string;
  counts: GazetteerCounts;
}

export interface GazetteerCounts {
  countries: number;
  places: number;
  placeNames: number;
  searchTerms: number;
}

/** A key for `pg_advisory_xact_lock`, so that two processes starting at once import one at a time. */
const importLockKey = 7_302_115_002;

export async function lockGazetteerImport(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${importLockKey})`.execute(db);
}

export async function findGazetteerState(db: Executor): Promise<GazetteerState | undefined> {
  const row = await db
    .selectFrom('systemState')
    .select('value')
    .where('key', '=', gazetteerStateKey)
    .executeTakeFirst();
  return row?.value as GazetteerState | undefined;
}

export async function saveGazetteerState(db: Executor, state: GazetteerState): Promise<void> {
  const value = JSON.stringify(state);
  await sql`insert into system_state (key, value, updated_at) values (${gazetteerStateKey}, ${value}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}

/** Whether any place is stored (a state row copied from another database does not make places appear). */
export async function hasPlaces(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('places').select('geonamesId').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Removes the whole gazetteer: countries, places and the places' search terms. DELETE rather than
 * TRUNCATE, so that readers of a running server keep seeing the old rows until the import commits.
 */
export async function deleteGazetteer(db: Executor): Promise<void> {
  await db.deleteFrom('searchTerms').where('entityType', '=', 'place').execute();
  await db.deleteFrom('places').execute();
  await db.deleteFrom('countries').execute();
}

export interface CountryColumns {
  code: string[];
  /** JSON text of each country's names. */
  names: string[];
}

export async function insertCountries(db: Executor, rows: CountryColumns): Promise<void> {
  await sql`insert into countries (code, names)
    select code, names::jsonb from unnest(${rows.code}::text[], ${rows.names}::text[]) as t(code, names)`.execute(
    db,
  );
}

/** Columns of a batch of places, one array per column. */
export interface PlaceColumns {
  geonamesId: number[];
  name: string[];
  nameEn: (string | null)[];
  country: string[];
  featureCode: (string | null)[];
  admin1Code: (string | null)[];
  population: number[];
  latitude: number[];
  longitude: number[];
  lauCode: (string | null)[];
  nutsCode: (string | null)[];
}

/** Inserts a batch of places in one statement, each column passed as one array parameter. */
export async function insertPlaces(db: Executor, rows: PlaceColumns): Promise<void> {
  await sql`insert into places (geonames_id, name, name_en, country, feature_code, admin1_code, population,
      latitude, longitude, lau_code, nuts_code)
    select * from unnest(${rows.geonamesId}::bigint[], ${rows.name}::text[], ${rows.nameEn}::text[],
      ${rows.country}::text[], ${rows.featureCode}::text[], ${rows.admin1Code}::text[], ${rows.population}::bigint[],
      ${rows.latitude}::float8[], ${rows.longitude}::float8[], ${rows.lauCode}::text[], ${rows.nutsCode}::text[])`.execute(
    db,
  );
}

/** Columns of a batch of a place's search terms, one array per column. */
export interface PlaceSearchTermColumns {
  entityId: string[];
  name: string[];
  /** Each row's languages joined with commas (PostgreSQL has no arrays of arrays of unequal length). */
  languages: string[];
  key: string[];
  importance: number[];
  country: string[];
}

export async function insertPlaceSearchTerms(db: Executor, rows: PlaceSearchTermColumns): Promise<void> {
  await sql`insert into search_terms (entity_type, entity_id, name, languages, key, importance, country)
    select 'place', entity_id, name, string_to_array(languages, ','), key, importance, country
    from unnest(${rows.entityId}::text[], ${rows.name}::text[], ${rows.languages}::text[], ${rows.key}::text[],
      ${rows.importance}::real[], ${rows.country}::text[]) as t(entity_id, name, languages, key, importance, country)`.execute(
    db,
  );
}

/** An index as PostgreSQL would recreate it. */
export interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Drops the indexes on search_terms' `key` (a bulk load is faster without them) and returns their
 * definitions, read from the catalogue, so that {@link createIndexes} recreates them exactly.
 */
export async function dropSearchTermKeyIndexes(db: Executor): Promise<IndexDefinition[]> {
  const { rows } = await sql<IndexDefinition>`select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'search_terms' and indexdef like '%(key%'
    order by indexname`.execute(db);
  for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(db);
  return rows;
}

export async function createIndexes(db: Executor, indexes: IndexDefinition[]): Promise<void> {
  for (const { definition } of indexes) await sql.raw(definition).execute(db);
}
