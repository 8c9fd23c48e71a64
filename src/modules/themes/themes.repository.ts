import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ThemesTable } from '../../platform/db/tables.js';

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
