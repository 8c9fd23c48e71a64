import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { InitiativeStatusChangesTable, InitiativesTable, Tables } from '../../platform/db/tables.js';
import type { InitiativeListQuery } from './initiatives.schemas.js';

export type InitiativeRow = Selectable<InitiativesTable>;
export type InitiativeStatusChangeRow = Selectable<InitiativeStatusChangesTable>;

/** The organisations whose non-public initiatives a reader may see, or `all` (administrators, system). */
export type ReaderScope = 'all' | ReadonlySet<string>;

/** Memberships that count: confirmed by the member, or reported by a source (not a mere claim). */
const trustedMemberships = ['confirmed', 'reported_by_source'] as const;

/**
 * Which initiatives a reader sees. Everyone: published public ones. People of the owner: all of the
 * owner's, drafts included. People of an association the owner belongs to, or of another current member
 * of it: published `association` ones. `private` ones only the owner's people.
 */
function visibleTo(scope: ReaderScope) {
  return (eb: ExpressionBuilder<Tables, 'initiatives'>) => {
    if (scope === 'all') return eb.lit(true);
    const ids = [...scope];
    const published = eb('initiatives.status', '!=', 'draft');
    const isPublic = eb('initiatives.visibility', '=', 'public');
    if (ids.length === 0) return eb.and([published, isPublic]);
    const sharesAnAssociation = eb.exists(
      eb
        .selectFrom('memberships as owned')
        .select(sql<number>`1`.as('one'))
        .whereRef('owned.memberId', '=', 'initiatives.ownerOrganisationId')
        .where('owned.until', 'is', null)
        .where('owned.confirmation', 'in', [...trustedMemberships])
        .where((inner) =>
          inner.or([
            inner('owned.organisationId', 'in', ids),
            inner.exists(
              inner
                .selectFrom('memberships as fellow')
                .select(sql<number>`1`.as('one'))
                .whereRef('fellow.organisationId', '=', 'owned.organisationId')
                .where('fellow.until', 'is', null)
                .where('fellow.confirmation', 'in', [...trustedMemberships])
                .where('fellow.memberId', 'in', ids),
            ),
          ]),
        ),
    );
    return eb.or([
      eb('initiatives.ownerOrganisationId', 'in', ids),
      eb.and([
        published,
        eb.or([isPublic, eb.and([eb('initiatives.visibility', '=', 'association'), sharesAnAssociation])]),
      ]),
    ]);
  };
}

/** Finds an initiative the reader may see. */
export function findVisibleInitiative(
  db: Executor,
  id: string,
  scope: ReaderScope,
): Promise<InitiativeRow | undefined> {
  return db
    .selectFrom('initiatives')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .where(visibleTo(scope))
    .executeTakeFirst();
}

/** Finds an initiative whoever may see it; for writes, which check their own policy. */
export function findInitiative(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InitiativeRow | undefined> {
  let query = db.selectFrom('initiatives').selectAll().where('id', '=', id.toLowerCase());
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Lists the initiatives the reader may see, filtered and sorted. */
export function listInitiatives(
  db: Executor,
  query: InitiativeListQuery,
  scope: ReaderScope,
): Promise<PageResult<InitiativeRow>> {
  let filtered = db.selectFrom('initiatives').where(visibleTo(scope));
  if (query.q) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.q)));
  if (query.status) filtered = filtered.where('status', '=', query.status);
  if (query.theme) filtered = filtered.where(sql<boolean>`${query.theme} = any(initiatives.themes)`);
  if (query.seeks) {
    const country = query.seeks;
    filtered = filtered.where(
      sql<boolean>`(cardinality(initiatives.countries) = 0 or ${country} = any(initiatives.countries))`,
    );
  }
  if (query.country) {
    const country = query.country;
    filtered = filtered.where('ownerOrganisationId', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('country', '=', country),
    );
  }
  if (query.programme) filtered = filtered.where('fundingProgramme', '=', query.programme);
  if (query.owner) filtered = filtered.where('ownerOrganisationId', '=', query.owner.toLowerCase());
  if (query.visibility) filtered = filtered.where('visibility', '=', query.visibility);
  const sort = query.sort ?? '-createdAt';
  const field = sort.replace(/^-/, '');
  const column = field === 'title' ? 'displayTitle' : (field as 'deadline' | 'createdAt');
  const descending = sort.startsWith('-');
  return fetchPage(filtered.selectAll(), query, (page) =>
    page.orderBy(column, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast())).orderBy('id'),
  );
}

export function insertInitiative(db: Executor, row: Insertable<InitiativesTable>): Promise<InitiativeRow> {
  return db.insertInto('initiatives').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes an initiative and raises its version. */
export function updateInitiative(
  db: Executor,
  id: string,
  values: Updateable<InitiativesTable>,
): Promise<InitiativeRow> {
  return db
    .updateTable('initiatives')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStatusChange(
  db: Executor,
  row: Insertable<InitiativeStatusChangesTable>,
): Promise<void> {
  await db.insertInto('initiativeStatusChanges').values(row).execute();
}

/** The status history of an initiative, oldest first. */
export function findStatusChanges(db: Executor, initiativeId: string): Promise<InitiativeStatusChangeRow[]> {
  return db
    .selectFrom('initiativeStatusChanges')
    .selectAll()
    .where('initiativeId', '=', initiativeId)
    .orderBy('changedAt')
    .orderBy('id')
    .execute();
}

/** How many expressions of interest of each initiative are pending and accepted. */
export async function countInterests(
  db: Executor,
  initiativeIds: string[],
): Promise<Map<string, { pending: number; accepted: number }>> {
  const counts = new Map<string, { pending: number; accepted: number }>();
  if (initiativeIds.length === 0) return counts;
  const rows = await db
    .selectFrom('expressionsOfInterest')
    .select([
      'initiativeId',
      sql<number>`count(*) filter (where status = 'pending')::int`.as('pending'),
      sql<number>`count(*) filter (where status = 'accepted')::int`.as('accepted'),
    ])
    .where('initiativeId', 'in', initiativeIds)
    .groupBy('initiativeId')
    .execute();
  for (const row of rows) counts.set(row.initiativeId, { pending: row.pending, accepted: row.accepted });
  return counts;
}

/** Initiatives whose deadline reminder may be due: in a reminding status, deadline within the window. */
export function findInitiativesWithDeadlineBetween(
  db: Executor,
  statuses: readonly string[],
  firstDay: string,
  lastDay: string,
): Promise<InitiativeRow[]> {
  return db
    .selectFrom('initiatives')
    .selectAll()
    .where('status', 'in', [...statuses])
    .where('deadline', '>=', firstDay)
    .where('deadline', '<=', lastDay)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}
