import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from './client';

/** Query keys of projects: invalidate `projectKeys.all` (and organisations) after a change. */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: QueryOf<'listProjects'>) => ['projects', 'list', query] as const,
  detail: (idOrSlug: string) => ['projects', 'detail', idOrSlug] as const,
};

export const projectListQuery = (query: QueryOf<'listProjects'>) =>
  queryOptions({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/projects', { params: { query }, signal })),
  });

export const projectQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: projectKeys.detail(idOrSlug),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/projects/{id}', { params: { path: { id: idOrSlug } }, signal })),
  });
