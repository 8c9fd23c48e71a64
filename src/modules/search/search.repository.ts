import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { createPacer, paceEvery } from '../../platform/pacing.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import type { SearchTerm } from '../../domain/search-terms.js';
import { PlaceIndex, type PlaceDetailColumns, type PlaceTermColumns } from './place-index.js';

/** A stored search term that a query met. */
export interface TermMatch {
  entityType: SearchEntityType;
  entityId: string;
  name: string;
  languages: string[];
  key: string;
  importance: number;
  country: string | null;
  similarity?: number;
}

export interface TermFilter {
  types?: readonly SearchEntityType[] | undefined;
  country?: string | undefined;
}

/** The registry's record types, whose terms the database searches (places are searched in memory). */
export const registryTypes = ['organisation', 'project', 'activity'] as const;

/** How a registry term was found: by a key, as a completion, as a one-edit variant, by trigrams. */
export type Tier = 'key' | 'prefix' | 'variant' | 'fuzzy';

export interface RegistryTermMatch extends TermMatch {
  tier: Tier;
}

export interface OrganisationDetails {
  id: string;
  displayName: string;
  kind: string;
  country: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  geonamesId: number | null;
  slug: string;
  wikidataId: string | null;
  lauCode: string | null;
  nutsCode: string | null;
  /** Memberships, partnerships, project partnerships and activity participations. */
  relations: number;
  /** Its names in the reader's language, when one was asked for. */
  namesInLanguage: string[] | null;
}

export interface ProjectDetails {
  id: string;
  slug: string;
  displayTitle: string;
  status: string;
}

export interface ActivityDetails {
  id: string;
  displayTitle: string;
  type: string;
  country: string | null;
}

/** What one search reads from the database in one statement. */
export interface SearchReading {
  /** The version of the place terms, to tell whether the in-memory index is current. */
  placesVersion: number;
  registryTerms: RegistryTermMatch[];
  /** The organisations that represent any of the candidate places. */
  representatives: { id: string; geonamesId: number }[];
}

/** The registry's records that hits show. */
export interface RecordDetails {
  organisations: OrganisationDetails[];
  projects: ProjectDetails[];
  activities: ActivityDetails[];
}

export interface RegistryQuery {
  /** The registry types to search; none skips the registry. */
  types: readonly SearchEntityType[];
  country?: string | undefined;
  /** The query's key and its base forms. */
  keys: readonly string[];
  /** Completions: the `limit` most important terms whose key starts so. */
  prefix?: { key: string; limit: number } | undefined;
  /** One-edit variants of the key. */
  variants: readonly string[];
  /** A trigram search, with pg_trgm's similarity threshold. */
  similarTo?: { key: string; threshold: number; limit: number } | undefined;
}

/** How many terms of one key are read, most important first (`san antonio` names 51 places). */
export const termsPerKey = 50;
/** The smallest string greater than every string starting with `prefix` (keys are ASCII). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** An organisation as a hit shows it, with its relations and its names in the reader's language. */
function organisationJson(language: string | undefined): RawBuilder<unknown> {
  const namesInLanguage = language
    ? sql`(select array_agg(distinct n.name order by n.name) from search_terms n
        where n.entity_type = 'organisation' and n.entity_id = o.id::text and ${language} = any(n.languages))`
    : sql`null`;
  return sql`json_build_object(
    'id', o.id, 'displayName', o.display_name, 'kind', o.kind, 'country', o.country,
    'population', o.population, 'latitude', o.latitude, 'longitude', o.longitude,
    'geonamesId', o.geonames_id, 'slug', o.slug, 'wikidataId', o.wikidata_id,
    'lauCode', o.lau_code, 'nutsCode', o.nuts_code,
    'relations', (select count(*) from memberships m where m.member_id = o.id)
      + (select count(*) from memberships m where m.organisation_id = o.id)
      + (select count(*) from partnerships p where p.organisation_a_id = o.id)
      + (select count(*) from partnerships p where p.organisation_b_id = o.id)
      + (select count(*) from project_partners pp where pp.organisation_id = o.id)
      + (select count(*) from activity_participants ap where ap.organisation_id = o.id),
    'namesInLanguage', ${namesInLanguage})`;
}

/**
 * What every search needs from the database, in one call of `search_read` (migration 0008; the embedded
 * database answers one statement at a time, so each round trip counts, and a function's statements are
 * planned once): the version of the places, the registry's terms that the query meets through the
 * registry-only indexes, and the organisations that represent any of `candidatePlaceIds`.
 */
export async function readSearch(
  db: Executor,
  { registry, candidatePlaceIds }: { registry: RegistryQuery; candidatePlaceIds: readonly number[] },
): Promise<SearchReading> {
  const { prefix, similarTo } = registry;
  // As text, parsed here: cheaper than the embedded database's thread parsing it and handing over objects.
  const { rows } = await sql<{ reading: string }>`select search_read(
      ${[...new Set(registry.keys)]}::text[], ${prefix?.key ?? null}::text,
      ${prefix ? prefixUpperBound(prefix.key) : null}::text, ${prefix?.limit ?? 0}::integer,
      ${[...registry.variants]}::text[], ${similarTo?.key ?? null}::text,
      ${similarTo?.threshold ?? 0}::real, ${similarTo?.limit ?? 0}::integer,
      ${[...registry.types]}::text[], ${registry.country ?? null}::text,
      ${[...candidatePlaceIds]}::bigint[])::text as reading`.execute(db);
  const reading = JSON.parse(rows[0]!.reading) as Omit<SearchReading, 'registryTerms'> & {
    registryTerms: (RegistryTermMatch & { similarity: number | null })[];
  };
  return {
    ...reading,
    placesVersion: Number(reading.placesVersion),
    registryTerms: reading.registryTerms.map(({ similarity, ...term }) =>
      similarity === null ? term : { ...term, similarity },
    ),
  };
}

/** The registry's records that hits show, with what ranks them (relations) and names them. */
export async function readRecords(
  db: Executor,
  {
    organisationIds,
    projectIds,
    activityIds,
    language,
  }: {
    organisationIds: readonly string[];
    projectIds: readonly string[];
    activityIds: readonly string[];
    language: string | undefined;
  },
): Promise<RecordDetails> {
  if (organisationIds.length + projectIds.length + activityIds.length === 0) {
    return { organisations: [], projects: [], activities: [] };
  }
  const { rows } = await sql<RecordDetails>`
    select
      (select coalesce(json_agg(${organisationJson(language)}), '[]') from organisations o
        where o.id = any(${[...organisationIds]}::uuid[])) as organisations,
      (select coalesce(json_agg(json_build_object(
          'id', p.id, 'slug', p.slug, 'displayTitle', p.display_title, 'status', p.status)), '[]')
        from projects p where p.id = any(${[...projectIds]}::uuid[])) as projects,
      (select coalesce(json_agg(json_build_object(
          'id', a.id, 'displayTitle', a.display_title, 'type', a.type, 'country', a.country)), '[]')
        from activities a where a.id = any(${[...activityIds]}::uuid[])) as activities`.execute(db);
  return rows[0]!;
}

const unitSeparator = '\u001f';
const recordSeparator = '\u001e';

type PlaceIndexRow = { version: number | string; terms: string | null; places: string | null };

/**
 * Reads every place term and what a hit shows of every place, with the version they are at, as two texts
 * of separated records: a quarter of a million rows as objects would take the embedded database seconds
 * to hand over. The stored snapshot of the current version is read when there is one (migration 0009);
 * otherwise the texts are built from the terms and places and stored, in one statement (so in one
 * snapshot of the data). The terms come in the index's order, by key in byte order (code-unit order for
 * all but a few keys; the index sorts again if any is out of order) and the more important first.
 */
export async function readPlaceIndex(db: Executor): Promise<PlaceIndex> {
  for (let attempt = 1; ; attempt++) {
    const stored = await sql<PlaceIndexRow>`
      select v.version, s.terms, s.places
      from search_index_versions v
        left join search_index_snapshots s on s.part = v.part and s.version = v.version
      where v.part = 'places'`.execute(db);
    const found = stored.rows[0];
    if (found && found.terms !== null) return placeIndexOf(found);
    // An older snapshot is replaced; a newer one, stored by another server meanwhile, is kept and read.
    const built = await sql<PlaceIndexRow>`
      insert into search_index_snapshots as s (part, version, terms, places)
      select v.part, v.version,
        coalesce((select string_agg(concat_ws(chr(31), t.entity_id, t.key, t.importance, coalesce(t.country, ''),
            array_to_string(t.languages, ','), translate(t.name, chr(30) || chr(31), '  ')), chr(30)
            order by t.key collate "C", t.importance desc, t.entity_id)
          from search_terms t where t.entity_type = 'place'), ''),
        coalesce((select string_agg(concat_ws(chr(31), p.geonames_id, p.population, p.latitude, p.longitude,
            p.country, coalesce(p.feature_code, ''), coalesce(p.lau_code, ''), coalesce(p.nuts_code, ''),
            translate(coalesce(p.name_en, p.name), chr(30) || chr(31), '  ')), chr(30) order by p.geonames_id)
          from places p), '')
      from search_index_versions v
      where v.part = 'places'
      on conflict (part) do update
        set version = excluded.version, terms = excluded.terms, places = excluded.places, built_at = now()
        where s.version <= excluded.version
      returning version, terms, places`.execute(db);
    if (built.rows[0]) return placeIndexOf(built.rows[0]);
    if (attempt === 3) throw new Error('The place index kept being replaced while it was read.');
  }
}

/** Decodes and builds the index in slices, so that a listening server answers requests meanwhile. */
async function placeIndexOf(row: PlaceIndexRow): Promise<PlaceIndex> {
  const pace = createPacer();
  const terms = await decodeTerms(row.terms || null, pace);
  const places = await decodePlaces(row.places || null, pace);
  return PlaceIndex.build(Number(row.version), terms, places, pace);
}

/** Counts the records of a text of `recordSeparator`-separated records. */
function countRecords(text: string | null): number {
  let count = 0;
  for (let at = text ? 0 : -1; at !== -1; at = text!.indexOf(recordSeparator, at + 1)) count++;
  return count;
}

/** Reads the fields of a text of records one after the other. */
function fieldReader(text: string) {
  let at = 0;
  return (separator: string) => {
    const end = text.indexOf(separator, at);
    const value = text.slice(at, end === -1 ? undefined : end);
    at = end + 1;
    return value;
  };
}

async function decodeTerms(text: string | null, pace: () => Promise<void>): Promise<PlaceTermColumns> {
  const count = countRecords(text);
  const columns: PlaceTermColumns = {
    placeId: new Int32Array(count),
    key: new Array<string>(count),
    importance: new Float64Array(count),
    country: new Array<string | null>(count),
    languages: new Array<string[]>(count),
    name: new Array<string>(count),
  };
  // Lists of languages and countries repeat: each distinct one is kept once.
  const languageLists = new Map<string, string[]>();
  const countries = new Map<string, string>();
  const field = fieldReader(text ?? '');
  for (let term = 0; term < count; term++) {
    if (term % paceEvery === 0) await pace();
    columns.placeId[term] = Number(field(unitSeparator));
    columns.key[term] = field(unitSeparator);
    columns.importance[term] = Number(field(unitSeparator));
    const country = field(unitSeparator);
    columns.country[term] = country
      ? (countries.get(country) ?? countries.set(country, country).get(country)!)
      : null;
    const languages = field(unitSeparator);
    let list = languageLists.get(languages);
    if (!list) {
      list = languages ? languages.split(',') : [];
      languageLists.set(languages, list);
    }
    columns.languages[term] = list;
    columns.name[term] = field(recordSeparator);
  }
  return columns;
}

async function decodePlaces(text: string | null, pace: () => Promise<void>): Promise<PlaceDetailColumns> {
  const count = countRecords(text);
  const columns: PlaceDetailColumns = {
    placeId: new Int32Array(count),
    name: new Array<string>(count),
    featureCode: new Array<string | null>(count),
    country: new Array<string>(count),
    population: new Float64Array(count),
    latitude: new Float64Array(count),
    longitude: new Float64Array(count),
    lauCode: new Array<string | null>(count),
    nutsCode: new Array<string | null>(count),
  };
  // Countries and feature codes repeat: each distinct one is kept once.
  const strings = new Map<string, string>();
  const shared = (value: string) => strings.get(value) ?? strings.set(value, value).get(value)!;
  const field = fieldReader(text ?? '');
  for (let position = 0; position < count; position++) {
    if (position % paceEvery === 0) await pace();
    columns.placeId[position] = Number(field(unitSeparator));
    columns.population[position] = Number(field(unitSeparator));
    columns.latitude[position] = Number(field(unitSeparator));
    columns.longitude[position] = Number(field(unitSeparator));
    columns.country[position] = shared(field(unitSeparator));
    const featureCode = field(unitSeparator);
    columns.featureCode[position] = featureCode ? shared(featureCode) : null;
    columns.lauCode[position] = field(unitSeparator) || null;
    columns.nutsCode[position] = field(unitSeparator) || null;
    columns.name[position] = field(recordSeparator);
  }
  return columns;
}

/** Replaces the search terms of one entity. */
export async function replaceTerms(
  db: Executor,
  entity: { type: SearchEntityType; id: string; importance: number; country: string | null },
  terms: readonly SearchTerm[],
): Promise<void> {
  await deleteTerms(db, entity.type, entity.id);
  if (terms.length === 0) return;
  await db
    .insertInto('searchTerms')
    .values(
      terms.map((term) => ({
        entityType: entity.type,
        entityId: entity.id,
        name: term.name,
        languages: term.languages,
        key: term.key,
        importance: entity.importance,
        country: entity.country,
      })),
    )
    .execute();
}

export async function deleteTerms(db: Executor, type: SearchEntityType, id: string): Promise<void> {
  await db.deleteFrom('searchTerms').where('entityType', '=', type).where('entityId', '=', id).execute();
}

/** How many registry records of each type the index holds, to tell whether it needs building. */
export async function countIndexedRegistryRecords(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('searchTerms')
    .select(sql<number>`count(distinct entity_id)::int`.as('count'))
    .where('entityType', 'in', ['organisation', 'project', 'activity'])
    .executeTakeFirst();
  return row?.count ?? 0;
}
