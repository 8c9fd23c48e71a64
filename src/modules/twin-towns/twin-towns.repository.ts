import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type {
  NamesTable,
  OrganisationsTable,
  PartnershipsTable,
  SearchTermsTable,
} from '../../platform/db/tables.js';

/** Every country of the gazetteer with its names (language → name). */
export function findCountries(db: Executor) {
  return db.selectFrom('countries').select(['code', 'names']).execute();
}

/**
 * Locks the organisations in id order until the transaction ends, as the partnerships service does
 * before its duplicate check, so that a concurrent write cannot add the same partnership unseen.
 */
export async function lockOrganisations(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`select id from organisations where id = any(${[...ids]}::uuid[]) order by id for update`.execute(
    db,
  );
}

/** The pairs of organisations that already have a partnership of `type` (any status), among `ids`. */
export async function findPartnershipPairs(
  db: Executor,
  type: string,
  ids: readonly string[],
): Promise<{ organisationAId: string; organisationBId: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ organisationAId: string; organisationBId: string }>`
    select organisation_a_id, organisation_b_id from partnerships
    where type = ${type} and organisation_a_id = any(${[...ids]}::uuid[])
      and organisation_b_id = any(${[...ids]}::uuid[])`.execute(db);
  return rows;
}

/** Inserts partnerships, a batch per statement. */
export async function insertPartnerships(
  db: Executor,
  rows: readonly Insertable<PartnershipsTable>[],
  batchSize = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    await db
      .insertInto('partnerships')
      .values(rows.slice(start, start + batchSize))
      .execute();
  }
}

/** A place or organisation whose name has exactly a town's search key. */
export interface ExactTownMatch {
  /** The town's position (1-based) in the list given. */
  position: number;
  name: string;
  organisationId: string | null;
  geonamesId: number | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The places and organisations named exactly by each town's search key (in its country, when known),
 * in one statement: an index probe per town, as the search's first tier does. A place that an
 * organisation represents comes with that organisation.
 */
export async function findExactTownMatches(
  db: Executor,
  towns: readonly { key: string; country: string | null }[],
): Promise<ExactTownMatch[]> {
  if (towns.length === 0) return [];
  const { rows } = await sql<ExactTownMatch>`
    select w.position::int as position, m.name,
      coalesce(o.id, po.id) as organisation_id,
      coalesce(p.geonames_id, o.geonames_id) as geonames_id,
      coalesce(p.country, o.country) as country,
      coalesce(p.latitude, o.latitude) as latitude,
      coalesce(p.longitude, o.longitude) as longitude
    from unnest(${towns.map((town) => town.key)}::text[], ${towns.map((town) => town.country)}::text[])
      with ordinality as w(key, country, position)
    cross join lateral (
      select t.entity_type, t.entity_id, min(t.name) as name from search_terms t
      where t.key = w.key and t.entity_type in ('place', 'organisation')
        and (w.country is null or t.country = w.country)
      group by t.entity_type, t.entity_id
      order by max(t.importance) desc, t.entity_id
      limit 200
    ) as m
    left join places p
      on p.geonames_id = case when m.entity_type = 'place' then m.entity_id::bigint end
    left join organisations po on po.geonames_id = p.geonames_id
    left join organisations o
      on o.id = case when m.entity_type = 'organisation' then m.entity_id::uuid end`.execute(db);
  return rows;
}

/** The organisations that represent gazetteer places, by GeoNames id. */
export async function findOrganisationsOfPlaces(
  db: Executor,
  geonamesIds: readonly number[],
): Promise<Map<number, string>> {
  if (geonamesIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'geonamesId'])
    .where('geonamesId', 'in', [...geonamesIds])
    .execute();
  return new Map(rows.map((row) => [row.geonamesId!, row.id]));
}

export function findPlaces(db: Executor, geonamesIds: readonly number[]) {
  return db
    .selectFrom('places')
    .selectAll()
    .where('geonamesId', 'in', [...geonamesIds])
    .execute();
}

/** Every name of the given places in the search index, each once, as the places service reads them. */
export async function findPlaceNames(
  db: Executor,
  geonamesIds: readonly number[],
): Promise<Map<number, { name: string; languages: string[] }[]>> {
  const rows = await db
    .selectFrom('searchTerms')
    .select(['entityId', 'name', 'languages'])
    .distinctOn(['entityId', 'name'])
    .where('entityType', '=', 'place')
    .where('entityId', 'in', geonamesIds.map(String))
    .orderBy('entityId')
    .orderBy('name')
    .execute();
  const byPlace = new Map<number, { name: string; languages: string[] }[]>();
  for (const { entityId, name, languages } of rows) {
    const list = byPlace.get(Number(entityId)) ?? [];
    list.push({ name, languages });
    byPlace.set(Number(entityId), list);
  }
  return byPlace;
}

/** Every slug in use. */
export async function findSlugs(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('organisations').select('slug').execute();
  return new Set(rows.map((row) => row.slug));
}

/**
 * Inserts organisations of places, leaving out any place that another writer gave an organisation in
 * the meantime; returns the inserted ones.
 */
export async function insertPlaceOrganisations(
  db: Executor,
  rows: readonly Insertable<OrganisationsTable>[],
): Promise<{ id: string; geonamesId: number }[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('organisations')
    .values([...rows])
    .onConflict((conflict) => conflict.column('geonamesId').where('geonamesId', 'is not', null).doNothing())
    .returning(['id', 'geonamesId'])
    .execute();
  return inserted.map((row) => ({ id: row.id, geonamesId: row.geonamesId! }));
}

/** Organisations of towns the gazetteer lacks (no GeoNames id, so nothing to conflict on). */
export async function insertListedOrganisations(
  db: Executor,
  rows: readonly Insertable<OrganisationsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('organisations')
      .values([...rows])
      .execute();
}

export async function insertNames(db: Executor, rows: readonly Insertable<NamesTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('names')
      .values([...rows])
      .execute();
}

export async function insertSearchTerms(
  db: Executor,
  rows: readonly Insertable<SearchTermsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 5000)
    await db
      .insertInto('searchTerms')
      .values(rows.slice(start, start + 5000))
      .execute();
}

/** A name of a gazetteer place with the place's location: what the nearby tier of resolution compares. */
export interface PlaceTerm {
  geonamesId: number;
  name: string;
  key: string;
  country: string;
  latitude: number;
  longitude: number;
}

/** Every name of every gazetteer place, with where the place is. */
export async function findPlaceTerms(db: Executor): Promise<PlaceTerm[]> {
  const { rows } = await sql<PlaceTerm>`
    select p.geonames_id, t.name, t.key, p.country, p.latitude, p.longitude
    from search_terms t join places p on p.geonames_id = t.entity_id::bigint
    where t.entity_type = 'place'`.execute(db);
  return rows.map((row) => ({ ...row, geonamesId: Number(row.geonamesId) }));
}
