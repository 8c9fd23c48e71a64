/**
 * The writes the forms make, one group per kind of record, and the reads the API folder has no query for
 * yet (memberships, programmes, sources). Every call goes through the generated client and `unwrap`, so a
 * refusal arrives as an ApiError carrying the problem details.
 */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type QueryOf, type Schemas } from '../api/client';

export const membershipQuery = (id: string) =>
  queryOptions({
    queryKey: ['memberships', 'detail', id] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/memberships/{id}', { params: { path: { id } }, signal })),
  });

export const programmeQuery = (id: string, lang: string) =>
  queryOptions({
    queryKey: ['programmes', 'detail', id, lang] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/programmes/{id}', { params: { path: { id }, query: { lang } }, signal })),
  });

export const sourceQuery = (id: string) =>
  queryOptions({
    queryKey: ['sources', 'detail', id] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/sources/{id}', { params: { path: { id } }, signal })),
  });

export const sourceListQuery = (query: QueryOf<'listSources'>) =>
  queryOptions({
    queryKey: ['sources', 'list', query] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/sources', { params: { query }, signal })),
    staleTime: 60 * 1000,
  });

const version = (value: number) => ({ query: { version: value } });

export const organisationWrites = {
  create: (body: Schemas['OrganisationCreate']) => unwrap(api.POST('/api/organisations', { body })),
  update: (id: string, body: Schemas['OrganisationUpdate']) =>
    unwrap(api.PATCH('/api/organisations/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/organisations/{id}', { params: { path: { id }, ...version(at) } })),
};

export const membershipWrites = {
  create: (body: Schemas['MembershipCreate']) => unwrap(api.POST('/api/memberships', { body })),
  update: (id: string, body: Schemas['MembershipUpdate']) =>
    unwrap(api.PATCH('/api/memberships/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/memberships/{id}', { params: { path: { id }, ...version(at) } })),
};

export const partnershipWrites = {
  create: (body: Schemas['PartnershipCreate']) => unwrap(api.POST('/api/partnerships', { body })),
  update: (id: string, body: Schemas['PartnershipUpdate']) =>
    unwrap(api.PATCH('/api/partnerships/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/partnerships/{id}', { params: { path: { id }, ...version(at) } })),
};

export const projectWrites = {
  create: (body: Schemas['ProjectCreate']) => unwrap(api.POST('/api/projects', { body })),
  update: (id: string, body: Schemas['ProjectUpdate']) =>
    unwrap(api.PATCH('/api/projects/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/projects/{id}', { params: { path: { id }, ...version(at) } })),
};

export const activityWrites = {
  create: (body: Schemas['ActivityCreate']) => unwrap(api.POST('/api/activities', { body })),
  update: (id: string, body: Schemas['ActivityUpdate']) =>
    unwrap(api.PATCH('/api/activities/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/activities/{id}', { params: { path: { id }, ...version(at) } })),
};

export const programmeWrites = {
  create: (body: Schemas['ProgrammeCreate']) => unwrap(api.POST('/api/programmes', { body })),
  update: (id: string, body: Schemas['ProgrammeUpdate']) =>
    unwrap(api.PATCH('/api/programmes/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/programmes/{id}', { params: { path: { id }, ...version(at) } })),
};

export const themeWrites = {
  create: (body: Schemas['ThemeCreate']) => unwrap(api.POST('/api/themes', { body })),
  update: (id: string, body: Schemas['ThemeUpdate']) =>
    unwrap(api.PATCH('/api/themes/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/themes/{id}', { params: { path: { id }, ...version(at) } })),
};

export const sourceWrites = {
  create: (body: Schemas['SourceCreate']) => unwrap(api.POST('/api/sources', { body })),
  update: (id: string, body: Schemas['SourceUpdate']) =>
    unwrap(api.PATCH('/api/sources/{id}', { params: { path: { id } }, body })),
  remove: (id: string, at: number) =>
    unwrap(api.DELETE('/api/sources/{id}', { params: { path: { id }, ...version(at) } })),
};

/**
 * Marks every query stale after a write. A single change reaches far (a partnership shows on two
 * profiles, in lists, counts, the latest changes and search), and only the queries on screen refetch.
 */
export function useAfterWrite(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(), [queryClient]);
}
