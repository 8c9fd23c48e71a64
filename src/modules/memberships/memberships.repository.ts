import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { MembershipsTable } from '../../platform/db/tables.js';
import type { MembershipListQuery } from './memberships.schemas.js';

export type MembershipRow = Selectable<MembershipsTable>;

export function findMembership(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MembershipRow | undefined> {
  let query = db.selectFrom('memberships').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every membership of a member in one organisation, whatever its period. */
export function findMembershipsOfPair(
  db: Executor,
  memberId: string,
  organisationId: string,
): Promise<MembershipRow[]> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('organisationId', '=', organisationId)
    .execute();
}

export function listMemberships(
  db: Executor,
  query: MembershipListQuery,
): Promise<PageResult<MembershipRow>> {
  let filtered = db.selectFrom('memberships');
  if (query.member) filtered = filtered.where('memberId', '=', query.member);
  if (query.organisation) filtered = filtered.where('organisationId', '=', query.organisation);
  if (query.party) {
    const party = query.party;
    filtered = filtered.where((eb) => eb.or([eb('memberId', '=', party), eb('organisationId', '=', party)]));
  }
  if (query.role) filtered = filtered.where('role', '=', query.role);
  if (query.year !== undefined) {
    // Partial dates begin with a four-digit year, so their first four characters compare as years.
    const year = String(query.year);
    filtered = filtered.where(
      sql<boolean>`(since is not null or until is not null)
        and (since is null or left(since, 4) <= ${year})
        and (until is null or left(until, 4) >= ${year})`,
    );
  }
  if (query.country) {
    const country = query.country;
    filtered = filtered.where('memberId', 'in', (eb) =>
      eb.selectFrom('organisations').select('organisations.id').where('organisations.country', '=', country),
    );
  }
  if (query.name) {
    const pattern = likeContains(toSearchKey(query.name));
    filtered = filtered.where((eb) => {
      const named = eb
        .selectFrom('organisations')
        .select('organisations.id')
        .where('organisations.searchText', 'like', pattern);
      return eb.or([eb('memberId', 'in', named), eb('organisationId', 'in', named)]);
    });
  }
  const sort = query.sort ?? 'since';
  const column = sort.replace(/^-/, '') as 'since' | 'createdAt';
  const descending = sort.startsWith('-');
  return fetchPage(filtered.selectAll(), query, (page) =>
    page
      .orderBy(column, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id', descending ? 'desc' : 'asc'),
  );
}

export async function insertMembership(
  db: Executor,
  row: Insertable<MembershipsTable>,
): Promise<MembershipRow> {
  return db.insertInto('memberships').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMembership(
  db: Executor,
  id: string,
  values: Updateable<MembershipsTable>,
): Promise<MembershipRow> {
  return db
    .updateTable('memberships')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMembership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}
