import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from './client';

/** Query keys of partnerships: invalidate `partnershipKeys.all` (and organisations) after a change. */
export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: (query: QueryOf<'listPartnerships'>) => ['partnerships', 'list', query] as const,
  detail: (id: string) => ['partnerships', 'detail', id] as const,
};

export const partnershipListQuery = (query: QueryOf<'listPartnerships'>) =>
  queryOptions({
    queryKey: partnershipKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/partnerships', { params: { query }, signal })),
  });

export const partnershipQuery = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/partnerships/{id}', { params: { path: { id } }, signal })),
  });
