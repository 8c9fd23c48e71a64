import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from './client';

export const searchKeys = {
  all: ['search'] as const,
  query: (query: QueryOf<'search'>) => ['search', query] as const,
};

/** One box for every name: places, organisations, projects and activities, in any language or script. */
export const searchQuery = (query: QueryOf<'search'>) =>
  queryOptions({
    queryKey: searchKeys.query(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/search', { params: { query }, signal })),
    enabled: query.q.trim() !== '',
    staleTime: 60 * 1000,
  });
