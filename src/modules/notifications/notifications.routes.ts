import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, problemResponses } from '../../platform/http/schemas.js';
import { signedIn } from '../access/access.service.js';
import { Notification, NotificationList, NotificationListQuery } from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];

/** The signed-in user's notifications under /api/notifications. */
export function notificationsRoutes(
  app: App,
  { notifications }: { notifications: NotificationsService },
): void {
  app.get('/api/notifications', {
    schema: {
      operationId: 'listNotifications',
      summary: 'List your notifications',
      description: 'Newest first, with the number of unread ones. Signed-in users only.',
      tags,
      querystring: NotificationListQuery,
      response: { 200: Type.Ref(NotificationList), ...problemResponses(400, 401) },
    },
    handler: (request) => notifications.list(request.actor, request.query),
  });

  app.post('/api/notifications/:id/read', {
    config: { policy: signedIn },
    schema: {
      operationId: 'markNotificationRead',
      summary: 'Mark a notification read',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Notification), ...problemResponses(401, 404) },
    },
    handler: (request) => notifications.markRead(request.actor, request.params.id),
  });

  app.post('/api/notifications/read', {
    config: { policy: signedIn },
    schema: {
      operationId: 'markAllNotificationsRead',
      summary: 'Mark all your notifications read',
      tags,
      response: {
        200: Type.Object(
          { marked: Type.Integer({ minimum: 0, description: 'How many were unread.' }) },
          { description: 'Done' },
        ),
        ...problemResponses(401),
      },
    },
    handler: (request) => notifications.markAllRead(request.actor),
  });
}
