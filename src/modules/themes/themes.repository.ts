import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { ThemesTable } from '../../platform/db/tables.js';
import type { ThemeListQuery } from './themes.schemas.js';

export type ThemeRow = Selectable<ThemesTable>;

/** The codes among `codes` that name no theme. */
export async function findUnknownThemeCodes(db: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('themes')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

export function findTheme(
  db: Executor,
  idOrCode: string,
  options: { forUpdate?: boolean } = {},
): Promise<ThemeRow | undefined> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  let query = db
    .selectFrom('themes')
    .selectAll()
    .where(isId ? 'id' : 'code', '=', idOrCode);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertTheme(db: Executor, row: Insertable<ThemesTable>): Promise<ThemeRow> {
  return db.insertInto('themes').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTheme(
  db: Executor,
  id: string,
  values: Updateable<ThemesTable>,
): Promise<ThemeRow> {
  return db
    .updateTable('themes')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTheme(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('themes').where('id', '=', id).execute();
}

export function listThemes(db: Executor, query: ThemeListQuery): Promise<PageResult<ThemeRow>> {
  let filtered = db.selectFrom('themes');
  if (query.taxonomy) filtered = filtered.where('taxonomy', '=', query.taxonomy);
  if (query.name) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.name)));
  const sort = query.sort ?? 'position';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return fetchPage(filtered.selectAll(), query, (page) =>
    sort.replace(/^-/, '') === 'code'
      ? page.orderBy('code', direction)
      : page.orderBy('taxonomy').orderBy('position', direction).orderBy('code', direction),
  );
}

/** The themes with the given codes, by code. */
export async function findThemesByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, ThemeRow>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('themes').selectAll().where('code', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.code, row]));
}

export async function isThemeCodeTaken(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('themes').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** The tables whose records carry a theme in their `themes` array. */
const themedTables = ['organisations', 'partnerships', 'projects', 'activities'] as const;

/**
 * The tables holding records that use a theme code: in their `themes`, or in a programme's `areas`.
 * Empty when nothing uses it.
 */
export async function findTablesUsingTheme(db: Executor, code: string): Promise<string[]> {
  const uses: (string | undefined)[] = await Promise.all([
    ...themedTables.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select('id')
        .where(sql<boolean>`${code} = any(themes)`)
        .limit(1)
        .executeTakeFirst();
      return row ? table : undefined;
    }),
    db
      .selectFrom('programmes')
      .select('id')
      .where(sql<boolean>`${code} = any(areas)`)
      .limit(1)
      .executeTakeFirst()
      .then((row) => (row ? 'programmes' : undefined)),
  ]);
  return uses.filter((table): table is string => table !== undefined);
}
