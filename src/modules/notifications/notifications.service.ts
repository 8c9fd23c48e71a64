import type { NotificationKind, NotificationPayload } from '../../domain/notification.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import {
  countUnread,
  findActingUsers,
  insertNotifications,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './notifications.repository.js';
import type { Notification, NotificationList, NotificationListQuery } from './notifications.schemas.js';

/**
 * Tells the people acting for `organisationIds` about something, in the caller's transaction, so a
 * notice exists exactly when the change it reports does. The acting user is not told of their own act.
 */
export async function notifyOrganisations(
  db: Executor,
  actor: Actor,
  organisationIds: readonly string[],
  kind: NotificationKind,
  payload: NotificationPayload,
): Promise<void> {
  const users = await findActingUsers(db, [...new Set(organisationIds)]);
  const recipients = actor.kind === 'user' ? users.filter((id) => id !== actor.userId) : users;
  await insertNotifications(db, recipients, kind, payload);
}

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    payload: row.payload as Notification['payload'],
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'Sign in to read your notifications.');
  return actor.userId;
}

/** A signed-in user's notifications: list them, mark them read. */
export function createNotificationsService(database: Database) {
  return {
    async list(actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
      const userId = userOf(actor);
      const [rows, unread] = await Promise.all([
        listNotifications(database.db, userId, {
          unreadOnly: query.unread ?? false,
          limit: query.limit ?? 20,
        }),
        countUnread(database.db, userId),
      ]);
      return { items: rows.map(present), unread };
    },

    /** Marks one of the actor's notifications read (again, harmlessly). Others' are not found. */
    async markRead(actor: Actor, id: string): Promise<Notification> {
      const row = await markRead(database.db, userOf(actor), id.toLowerCase());
      if (!row) throw notFound('notification', id);
      return present(row);
    },

    async markAllRead(actor: Actor): Promise<{ marked: number }> {
      return { marked: await markAllRead(database.db, userOf(actor)) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
