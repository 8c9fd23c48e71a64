import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const notificationKeys = { all: ['notifications'] as const };

/** The signed-in user's newest notifications and how many are unread; checked again every minute. */
export const notificationListQuery = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/notifications', { params: { query: { limit: 20 } }, signal })),
    refetchInterval: 60 * 1000,
  });

export const notificationWrites = {
  markRead: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: () => unwrap(api.POST('/api/notifications/read')),
};
