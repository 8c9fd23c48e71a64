import type { Insertable, Selectable, Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { ProgrammesTable } from '../../platform/db/tables.js';
import type { ProgrammeListQuery } from './programmes.schemas.js';

export type ProgrammeRow = Selectable<ProgrammesTable>;

export function findProgramme(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProgrammeRow | undefined> {
  let query = db.selectFrom('programmes').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The programme of an organisation for a year, if there is one. */
export function findProgrammeOfYear(
  db: Executor,
  organisationId: string,
  year: number,
): Promise<Pick<ProgrammeRow, 'id'> | undefined> {
  return db
    .selectFrom('programmes')
    .select('id')
    .where('organisationId', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function listProgrammes(db: Executor, query: ProgrammeListQuery): Promise<PageResult<ProgrammeRow>> {
  let filtered = db.selectFrom('programmes');
  if (query.organisation) filtered = filtered.where('organisationId', '=', query.organisation);
  if (query.year !== undefined) filtered = filtered.where('year', '=', query.year);
  if (query.country || query.name) {
    const { country, name } = query;
    filtered = filtered.where('organisationId', 'in', (eb) => {
      let organisations = eb.selectFrom('organisations').select('id');
      if (country) organisations = organisations.where('country', '=', country);
      if (name) organisations = organisations.where('searchText', 'like', likeContains(toSearchKey(name)));
      return organisations;
    });
  }
  const sort = query.sort ?? '-year';
  const field = sort.replace(/^-/, '');
  const column = field === 'title' ? 'displayTitle' : (field as 'year' | 'createdAt');
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return fetchPage(filtered.selectAll(), query, (page) =>
    page.orderBy(column, direction).orderBy('displayTitle').orderBy('id'),
  );
}

export async function insertProgramme(db: Executor, row: Insertable<ProgrammesTable>): Promise<ProgrammeRow> {
  return db.insertInto('programmes').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProgramme(
  db: Executor,
  id: string,
  values: Updateable<ProgrammesTable>,
): Promise<ProgrammeRow> {
  return db
    .updateTable('programmes')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteProgramme(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('programmes').where('id', '=', id).execute();
}
