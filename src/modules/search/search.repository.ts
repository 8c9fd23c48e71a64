import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import type { SearchTerm } from '../../domain/search-terms.js';

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

/** The smallest string greater than every string starting with `prefix` (keys are ASCII). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** How many terms of one key are read, most important first (`san antonio` names 51 places). */
const termsPerKey = 50;
/**
 * Beyond this many keys, PostgreSQL's estimate of the probes (before statistics exist, as after a bulk
 * import) is high enough to compile the statement with JIT, which takes 100 ms for a 1 ms query.
 */
const manyKeys = 64;

function filterSql(filter: TermFilter) {
  const types = filter.types ? sql`and t.entity_type in (${sql.join([...filter.types])})` : sql``;
  const country = filter.country ? sql`and t.country = ${filter.country}` : sql``;
  return sql`${types} ${country}`;
}

/**
 * Terms of the keys, one index probe per key through a lateral subquery: a plain join or `key in (...)`
 * lets the planner hash the keys and scan the whole table, which it does on a table without statistics.
 */
function termsOfKeys(keys: readonly string[], filter: TermFilter) {
  return sql<TermMatch>`
    select matched.* from unnest(${[...new Set(keys)]}::text[]) as wanted(key)
    cross join lateral (
      select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country
      from search_terms t
      where t.key = wanted.key ${filterSql(filter)}
      order by t.importance desc
      limit ${termsPerKey}
    ) as matched`;
}

/** The most important terms starting with `prefix` (a btree range read), primary names first. */
function termsStartingWith(
  prefix: string,
  limit: number,
  primaryLanguages: readonly string[],
  filter: TermFilter,
) {
  return sql<TermMatch>`
    select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country
    from search_terms t
    where t.key ~>=~ ${prefix} and t.key ~<~ ${prefixUpperBound(prefix)} ${filterSql(filter)}
    order by (t.entity_type <> 'place' or cardinality(t.languages) = 0
        or t.languages && ${[...primaryLanguages]}::text[]) desc,
      t.importance desc
    limit ${limit}`;
}

/**
 * Terms whose key equals one of `keys` (a query's key, its base forms or a thousand one-edit variants of
 * a long name), at most {@link termsPerKey} of each key, most important first.
 */
export async function findTermsByKeys(
  db: Executor,
  { keys, filter }: { keys: readonly string[]; filter: TermFilter },
): Promise<TermMatch[]> {
  if (keys.length === 0) return [];
  const query = termsOfKeys(keys, filter);
  if (keys.length <= manyKeys) return (await query.execute(db)).rows;
  const withoutJit = async (trx: Executor) => {
    await sql`select set_config('jit', 'off', true)`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  return db.isTransaction ? withoutJit(db) : db.transaction().execute(withoutJit);
}

/**
 * In one statement, the terms of a few `keys` (as {@link findTermsByKeys}) and the `prefixLimit` most
 * important terms whose key starts with `prefix`, names in `primaryLanguages` (and every name of a
 * registry record) first, so that a place's own names are not crowded out by the exonyms of larger
 * places (`dzi`: Dzierżoniów before Lithuanian `Dzinanas`, Jinan).
 */
export async function findTermsByKeysOrPrefix(
  db: Executor,
  {
    keys,
    prefix,
    prefixLimit,
    primaryLanguages,
    filter,
  }: {
    keys: readonly string[];
    prefix: string;
    prefixLimit: number;
    primaryLanguages: readonly string[];
    filter: TermFilter;
  },
): Promise<TermMatch[]> {
  if (keys.length > manyKeys) throw new Error('Too many keys for one statement with a prefix.');
  const { rows } = await sql<TermMatch>`
    (${termsOfKeys(keys, filter)})
    union all
    (${termsStartingWith(prefix, prefixLimit, primaryLanguages, filter)})`.execute(db);
  return rows;
}

/** Terms whose key shares enough trigrams with `key`, most similar first (the trigram GIN index). */
export async function findFuzzyMatches(
  db: Executor,
  { key, threshold, limit, filter }: { key: string; threshold: number; limit: number; filter: TermFilter },
): Promise<TermMatch[]> {
  const types = filter.types ? sql`and entity_type in (${sql.join([...filter.types])})` : sql``;
  const country = filter.country ? sql`and country = ${filter.country}` : sql``;
  // `%` uses the GIN index with the session's threshold; set it for this statement's transaction only.
  const run = async (trx: Executor) => {
    await sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`.execute(trx);
    const { rows } = await sql<TermMatch>`
      select entity_type, entity_id, name, languages, key, importance, country, similarity(key, ${key}) as similarity
      from search_terms
      where key % ${key} ${types} ${country}
      order by similarity desc, importance desc
      limit ${limit}`.execute(trx);
    return rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
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
