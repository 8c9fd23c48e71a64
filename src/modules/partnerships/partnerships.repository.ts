import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { PartnershipsTable } from '../../platform/db/tables.js';
import type { PartnershipListQuery } from './partnerships.schemas.js';

export type PartnershipRow = Selectable<PartnershipsTable>;

export function findPartnership(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnershipRow | undefined> {
  let query = db.selectFrom('partnerships').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every partnership of a type between two organisations, in either order and whatever its status. */
export function findPartnershipsBetween(
  db: Executor,
  organisationId: string,
  otherId: string,
  type: string,
): Promise<PartnershipRow[]> {
  return db
    .selectFrom('partnerships')
    .selectAll()
    .where('type', '=', type)
    .where((eb) =>
      eb.or([
        eb.and([eb('organisationAId', '=', organisationId), eb('organisationBId', '=', otherId)]),
        eb.and([eb('organisationAId', '=', otherId), eb('organisationBId', '=', organisationId)]),
      ]),
    )
    .execute();
}

export function listPartnerships(
  db: Executor,
  query: PartnershipListQuery,
): Promise<PageResult<PartnershipRow>> {
  let filtered = db.selectFrom('partnerships');
  if (query.organisation) {
    const organisation = query.organisation;
    filtered = filtered.where((eb) =>
      eb.or([eb('organisationAId', '=', organisation), eb('organisationBId', '=', organisation)]),
    );
  }
  if (query.type) filtered = filtered.where('type', '=', query.type);
  if (query.status) filtered = filtered.where('status', '=', query.status);
  if (query.year !== undefined) {
    // A partnership begins when it started or, failing that, when it was signed. Partial dates begin
    // with a four-digit year, so their first four characters compare as years.
    const year = String(query.year);
    filtered = filtered.where(
      sql<boolean>`(coalesce(started_on, signed_on) is not null or ended_on is not null)
        and (coalesce(started_on, signed_on) is null or left(coalesce(started_on, signed_on), 4) <= ${year})
        and (ended_on is null or left(ended_on, 4) >= ${year})`,
    );
  }
  if (query.theme) filtered = filtered.where(sql<boolean>`${query.theme} = any(themes)`);
  if (query.country) {
    const country = query.country;
    filtered = filtered.where((eb) => {
      const ofCountry = eb
        .selectFrom('organisations')
        .select('organisations.id')
        .where('organisations.country', '=', country);
      return eb.or([eb('organisationAId', 'in', ofCountry), eb('organisationBId', 'in', ofCountry)]);
    });
  }
  if (query.name) {
    const pattern = likeContains(toSearchKey(query.name));
    filtered = filtered.where((eb) => {
      const named = eb
        .selectFrom('organisations')
        .select('organisations.id')
        .where('organisations.searchText', 'like', pattern);
      return eb.or([eb('organisationAId', 'in', named), eb('organisationBId', 'in', named)]);
    });
  }
  const sort = query.sort ?? '-createdAt';
  const column = sort.replace(/^-/, '') as 'startedOn' | 'createdAt';
  const descending = sort.startsWith('-');
  return fetchPage(filtered.selectAll(), query, (page) =>
    page
      .orderBy(column, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id', descending ? 'desc' : 'asc'),
  );
}

export async function insertPartnership(
  db: Executor,
  row: Insertable<PartnershipsTable>,
): Promise<PartnershipRow> {
  return db.insertInto('partnerships').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePartnership(
  db: Executor,
  id: string,
  values: Updateable<PartnershipsTable>,
): Promise<PartnershipRow> {
  return db
    .updateTable('partnerships')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deletePartnership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('partnerships').where('id', '=', id).execute();
}
