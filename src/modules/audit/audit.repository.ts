import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { PageResult } from '../../platform/db/helpers.js';
import type { AuditEventsTable } from '../../platform/db/tables.js';

export type AuditEventRow = Selectable<AuditEventsTable>;

export interface HistoryFilter {
  entity: string;
  id: string;
  /** The kinds of parts (children) whose events belong to the record's history for this reader. */
  childEntities: readonly string[];
  page: number;
  pageSize: number;
}

/**
 * The events of a record and of its parts, newest first. A part replaced by an identical one in the same
 * transaction (an organisation's names are rewritten on every change) is left out: nothing changed.
 */
export async function listHistory(db: Executor, filter: HistoryFilter): Promise<PageResult<AuditEventRow>> {
  const query = db
    .selectFrom('auditEvents as event')
    .where((eb) =>
      eb.or([
        eb.and([eb('event.entity', '=', filter.entity), eb('event.entityId', '=', filter.id)]),
        ...(filter.childEntities.length > 0
          ? [
              eb.and([
                eb('event.parentEntity', '=', filter.entity),
                eb('event.parentId', '=', filter.id),
                eb('event.entity', 'in', filter.childEntities),
              ]),
            ]
          : []),
      ]),
    )
    .where(
      sql<boolean>`not exists (
        select from audit_events twin
        where twin.transaction_id = event.transaction_id and twin.entity = event.entity
          and twin.parent_id = event.parent_id
          and ((event.action = 'insert' and twin.action = 'delete' and twin.before - 'id' = event.after - 'id')
            or (event.action = 'delete' and twin.action = 'insert' and twin.after - 'id' = event.before - 'id')))`,
    );
  const [{ total } = { total: 0 }] = await query.select(sql<number>`count(*)::int`.as('total')).execute();
  const items = await query
    .selectAll('event')
    .orderBy('event.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/** The organisation a contact belongs (or belonged) to, from its events: a deleted contact has no row. */
export async function findContactOrganisation(db: Executor, contactId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('auditEvents')
    .select('parentId')
    .where('entity', '=', 'contact')
    .where('entityId', '=', contactId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.parentId ?? undefined;
}

/** Display names of users, by id; users without one are left out. */
export async function findDisplayNames(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', ids)
    .where('displayName', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.id, row.displayName!]));
}
