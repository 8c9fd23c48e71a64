import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ExpressionsOfInterestTable } from '../../platform/db/tables.js';

export type InterestRow = Selectable<ExpressionsOfInterestTable>;

export function findInterest(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InterestRow | undefined> {
  let query = db.selectFrom('expressionsOfInterest').selectAll().where('id', '=', id.toLowerCase());
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The interests in an initiative, oldest first; only those of `organisationIds` when given. */
export function listInterests(
  db: Executor,
  initiativeId: string,
  organisationIds?: readonly string[],
): Promise<InterestRow[]> {
  if (organisationIds && organisationIds.length === 0) return Promise.resolve([]);
  let query = db.selectFrom('expressionsOfInterest').selectAll().where('initiativeId', '=', initiativeId);
  if (organisationIds) query = query.where('organisationId', 'in', [...organisationIds]);
  return query.orderBy('createdAt').orderBy('id').execute();
}

/** The pending or accepted interest of an organisation in an initiative, if there is one. */
export function findLiveInterest(
  db: Executor,
  initiativeId: string,
  organisationId: string,
): Promise<InterestRow | undefined> {
  return db
    .selectFrom('expressionsOfInterest')
    .selectAll()
    .where('initiativeId', '=', initiativeId)
    .where('organisationId', '=', organisationId)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirst();
}

export function insertInterest(
  db: Executor,
  row: Insertable<ExpressionsOfInterestTable>,
): Promise<InterestRow> {
  return db.insertInto('expressionsOfInterest').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateInterest(
  db: Executor,
  id: string,
  values: Updateable<ExpressionsOfInterestTable>,
): Promise<InterestRow> {
  return db
    .updateTable('expressionsOfInterest')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
