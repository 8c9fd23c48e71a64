import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { NamesTable, OrganisationsTable } from '../../platform/db/tables.js';
import type { OrganisationListQuery, OrganisationSummary } from './organisations.schemas.js';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NameRow = Selectable<NamesTable>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an organisation by id or by slug. */
export function findOrganisation(
  db: Executor,
  idOrSlug: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrganisationRow | undefined> {
  let query = db
    .selectFrom('organisations')
    .selectAll()
    .where(
      uuidPattern.test(idOrSlug) ? 'id' : 'slug',
      '=',
      uuidPattern.test(idOrSlug) ? idOrSlug.toLowerCase() : idOrSlug,
    );
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function listOrganisations(
  db: Executor,
  query: OrganisationListQuery,
): Promise<PageResult<OrganisationRow>> {
  let filtered = db.selectFrom('organisations');
  if (query.name) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.name)));
  if (query.kind) filtered = filtered.where('kind', '=', query.kind);
  if (query.country) filtered = filtered.where('country', '=', query.country);
  if (query.theme) filtered = filtered.where(sql<boolean>`${query.theme} = any(themes)`);
  if (query.memberOf) {
    const memberOf = query.memberOf;
    filtered = filtered.where('id', 'in', (eb) =>
      eb.selectFrom('memberships').select('memberId').where('organisationId', '=', memberOf),
    );
  }
  const sort = query.sort ?? 'name';
  const field = sort.replace(/^-/, '');
  const column = field === 'name' ? 'displayName' : (field as 'population' | 'createdAt' | 'updatedAt');
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return fetchPage(filtered.selectAll(), query, (page) =>
    page
      .orderBy(column, (ob) => (direction === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id'),
  );
}

export async function insertOrganisation(
  db: Executor,
  row: Insertable<OrganisationsTable>,
): Promise<OrganisationRow> {
  return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Executor,
  id: string,
  values: Updateable<OrganisationsTable>,
): Promise<OrganisationRow> {
  return db
    .updateTable('organisations')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteOrganisation(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('organisations').where('id', '=', id).execute();
}

/** Replaces every name of an organisation. */
export async function replaceNames(
  db: Executor,
  organisationId: string,
  names: Insertable<NamesTable>[],
): Promise<void> {
  await db.deleteFrom('names').where('organisationId', '=', organisationId).execute();
  if (names.length > 0) await db.insertInto('names').values(names).execute();
}

/** The names of the given organisations, in their stored order. */
export async function findNames(db: Executor, organisationIds: string[]): Promise<Map<string, NameRow[]>> {
  const byOrganisation = new Map<string, NameRow[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const rows = await db
    .selectFrom('names')
    .selectAll()
    .where('organisationId', 'in', organisationIds)
    .orderBy('organisationId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byOrganisation.get(row.organisationId) ?? [];
    list.push(row);
    byOrganisation.set(row.organisationId, list);
  }
  return byOrganisation;
}

export async function isSlugTaken(db: Executor, slug: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Summaries of organisations for the records that mention them. */
export async function findOrganisationSummaries(
  db: Executor,
  ids: string[],
): Promise<Map<string, OrganisationSummary>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'displayName as name', 'kind', 'country'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
