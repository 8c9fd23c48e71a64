import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from './client';

/** Query keys of activities: invalidate `activityKeys.all` (and organisations) after a change. */
export const activityKeys = {
  all: ['activities'] as const,
  list: (query: QueryOf<'listActivities'>) => ['activities', 'list', query] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
};

export const activityListQuery = (query: QueryOf<'listActivities'>) =>
  queryOptions({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query }, signal })),
  });

export const activityQuery = (id: string) =>
  queryOptions({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal })),
  });
