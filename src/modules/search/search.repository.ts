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

const termColumns = ['entityType', 'entityId', 'name', 'languages', 'key', 'importance', 'country'] as const;

/** The smallest string greater than every string starting with `prefix` (keys are ASCII). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Terms whose key equals one of `keys`, and (when given) the most important terms starting with
 * `prefix`. Both use the btree index on `key`.
 */
export async function findKeyMatches(
  db: Executor,
  {
    keys,
    prefix,
    prefixLimit,
    filter,
  }: { keys: string[]; prefix?: string; prefixLimit: number; filter: TermFilter },
): Promise<TermMatch[]> {
  let exact = db
    .selectFrom('searchTerms')
    .select(termColumns)
    .where('key', 'in', keys.length > 0 ? keys : ['']);
  if (filter.types) exact = exact.where('entityType', 'in', [...filter.types]);
  if (filter.country) exact = exact.where('country', '=', filter.country);
  const exactRows = (await exact.limit(500).execute()) as TermMatch[];
  if (!prefix) return exactRows;

  let starting = db
    .selectFrom('searchTerms')
    .select(termColumns)
    .where(sql<boolean>`key ~>=~ ${prefix}`)
    .where(sql<boolean>`key ~<~ ${prefixUpperBound(prefix)}`);
  if (filter.types) starting = starting.where('entityType', 'in', [...filter.types]);
  if (filter.country) starting = starting.where('country', '=', filter.country);
  const prefixRows = (await starting
    .orderBy('importance', 'desc')
    .limit(prefixLimit)
    .execute()) as TermMatch[];
  return [...exactRows, ...prefixRows];
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
