import { sql, type Selectable } from 'kysely';
import type { NotificationPayload } from '../../domain/notification.js';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/db/helpers.js';
import type { NotificationsTable } from '../../platform/db/tables.js';

export type NotificationRow = Selectable<NotificationsTable>;

/**
 * The people to tell about an organisation's initiatives and answers: the active users who act for it
 * (editors and coordinators). Viewers read, they are not asked to act, so they are not notified.
 */
export async function findActingUsers(db: Executor, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .distinct()
    .where('userRoles.organisationId', 'in', [...organisationIds])
    .where('userRoles.role', 'in', ['editor', 'coordinator'])
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
  return rows.map((row) => row.id);
}

/** Records one notification per user with its e-mail in the outbox, in the caller's transaction. */
export async function insertNotifications(
  db: Executor,
  userIds: readonly string[],
  kind: string,
  payload: NotificationPayload,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = userIds.map((userId) => ({
    id: newId(),
    userId,
    kind,
    payload: { ...payload } as Record<string, unknown>,
  }));
  await db.insertInto('notifications').values(rows).execute();
  await db
    .insertInto('notificationDeliveries')
    .values(rows.map((row) => ({ id: newId(), notificationId: row.id })))
    .execute();
  return rows.map((row) => row.id);
}

/** A user's newest notifications. */
export function listNotifications(
  db: Executor,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (options.unreadOnly) query = query.where('readAt', 'is', null);
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Marks one of the user's notifications read; undefined when the user has no such notification. */
export function markRead(db: Executor, userId: string, id: string): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', sql<Date>`now()`) }))
    .where('id', '=', id)
    .where('userId', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: sql<Date>`now()` })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An e-mail to send: the delivery, its notification and the address. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  kind: string;
  payload: Record<string, unknown>;
  email: string;
  userStatus: string;
  /** The recipient's language for mails; null: English. */
  language: string | null;
}

/**
 * Claims up to `limit` unsent deliveries for `leaseSeconds`: counts the attempt and leases them, so a
 * second runner (another server on PostgreSQL) skips them. Rows another transaction is claiming are
 * skipped rather than waited for. Deliveries that failed `maxAttempts` times are left alone.
 */
export async function claimDeliveries(
  db: Executor,
  options: { limit: number; leaseSeconds: number; maxAttempts: number },
): Promise<ClaimedDelivery[]> {
  const claimable = await db
    .selectFrom('notificationDeliveries')
    .select('id')
    .where('sentAt', 'is', null)
    .where('attempts', '<', options.maxAttempts)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', sql<Date>`now()`)]))
    .orderBy('createdAt')
    .orderBy('id')
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (claimable.length === 0) return [];
  const claimed = await db
    .updateTable('notificationDeliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      claimedUntil: sql<Date>`now() + make_interval(secs => ${options.leaseSeconds})`,
    }))
    .where(
      'id',
      'in',
      claimable.map((row) => row.id),
    )
    .returning(['id', 'notificationId', 'attempts'])
    .execute();
  const details = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.userId')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.payload',
      'users.email',
      'users.status as userStatus',
      'users.language',
    ])
    .where(
      'notifications.id',
      'in',
      claimed.map((row) => row.notificationId),
    )
    .execute();
  const byNotification = new Map(details.map((row) => [row.id, row]));
  return claimed
    .flatMap((row) => {
      const detail = byNotification.get(row.notificationId);
      if (!detail) return [];
      return [
        {
          id: row.id,
          attempts: row.attempts,
          kind: detail.kind,
          payload: detail.payload,
          email: detail.email,
          userStatus: detail.userStatus,
          language: detail.language,
        },
      ];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function markDelivered(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('notificationDeliveries')
    .set({ sentAt: sql<Date>`now()`, claimedUntil: null, lastError: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt; the delivery is tried again after `retryAfterSeconds`. */
export async function markFailed(
  db: Executor,
  id: string,
  error: string,
  retryAfterSeconds: number,
): Promise<void> {
  await db
    .updateTable('notificationDeliveries')
    .set({
      lastError: error.slice(0, 1000),
      claimedUntil: sql<Date>`now() + make_interval(secs => ${retryAfterSeconds})`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records that a scheduled notice was issued; false when it already was (by an earlier run, another
 * server or before a restart), in which case the caller issues nothing.
 */
export async function recordScheduledNotice(
  db: Executor,
  notice: { initiativeId: string; kind: string; dueOn: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('scheduledNotices')
    .values(notice)
    .onConflict((oc) => oc.columns(['initiativeId', 'kind', 'dueOn']).doNothing())
    .returning('initiativeId')
    .executeTakeFirst();
  return inserted !== undefined;
}
