import type { Insertable, Selectable, Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { SourcesTable } from '../../platform/db/tables.js';
import type { SourceListQuery, SourceSummary } from './sources.schemas.js';

export type SourceRow = Selectable<SourcesTable>;

/** The search text of a source: its title and publisher. */
export function sourceSearchText(source: { title: string; publisher?: string | null }): string {
  return toSearchKey(`${source.title} ${source.publisher ?? ''}`);
}

export function findSource(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SourceRow | undefined> {
  let query = db.selectFrom('sources').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findSourceByKey(db: Executor, key: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('key', '=', key).executeTakeFirst();
}

export function listSources(db: Executor, query: SourceListQuery): Promise<PageResult<SourceRow>> {
  let filtered = db.selectFrom('sources');
  if (query.name) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.name)));
  if (query.kind) filtered = filtered.where('kind', '=', query.kind);
  const sort = query.sort ?? 'title';
  const column = sort.replace(/^-/, '') as 'title' | 'createdAt';
  return fetchPage(filtered.selectAll(), query, (page) =>
    page.orderBy(column, sort.startsWith('-') ? 'desc' : 'asc').orderBy('id'),
  );
}

export async function insertSource(db: Executor, row: Insertable<SourcesTable>): Promise<SourceRow> {
  return db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSource(
  db: Executor,
  id: string,
  values: Updateable<SourcesTable>,
): Promise<SourceRow> {
  return db
    .updateTable('sources')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSource(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sources').where('id', '=', id).execute();
}

/** Summaries of the given sources, by id, for records that cite them. */
export async function findSourceSummaries(
  db: Executor,
  ids: (string | null)[],
): Promise<Map<string, SourceSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'title', 'url'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The tables whose records cite a source through `source_id`. */
const citingTables = [
  'organisations',
  'memberships',
  'partnerships',
  'projects',
  'activities',
  'programmes',
  'themes',
] as const;

/** The tables that hold records citing the source, in a fixed order; empty when nothing cites it. */
export async function findTablesCitingSource(db: Executor, id: string): Promise<string[]> {
  const cited = await Promise.all(
    citingTables.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select('id')
        .where('sourceId', '=', id)
        .limit(1)
        .executeTakeFirst();
      return row ? table : undefined;
    }),
  );
  return cited.filter((table): table is (typeof citingTables)[number] => table !== undefined);
}
