import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type QueryOf } from './client';

/** Query keys of organisations: invalidate `organisationKeys.all` after any change to one. */
export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: QueryOf<'listOrganisations'>) => ['organisations', 'list', query] as const,
  detail: (idOrSlug: string) => ['organisations', 'detail', idOrSlug] as const,
  relations: (idOrSlug: string, lang: string) => ['organisations', 'relations', idOrSlug, lang] as const,
};

export const organisationListQuery = (query: QueryOf<'listOrganisations'>) =>
  queryOptions({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/organisations', { params: { query }, signal })),
  });

export const organisationQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: organisationKeys.detail(idOrSlug),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/organisations/{id}', { params: { path: { id: idOrSlug } }, signal })),
  });

/** Everything an organisation is tied to, other organisations named in the reader's language. */
export const organisationRelationsQuery = (idOrSlug: string, lang: string) =>
  queryOptions({
    queryKey: organisationKeys.relations(idOrSlug, lang),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations/{id}/relations', {
          params: { path: { id: idOrSlug }, query: { lang } },
          signal,
        }),
      ),
  });

/** Organisations that would make good partners, best first and explained; the left-out on request. */
export const suggestedPartnersQuery = (id: string, query: QueryOf<'suggestPartners'>) =>
  queryOptions({
    queryKey: [...organisationKeys.all, 'suggested-partners', id, query] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations/{id}/suggested-partners', {
          params: { path: { id }, query },
          signal,
        }),
      ),
  });
