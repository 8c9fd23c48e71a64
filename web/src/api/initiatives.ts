import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf } from './client';

/** Query keys of initiatives, their interests and candidates: invalidate `initiativeKeys.all` after a change. */
export const initiativeKeys = {
  all: ['initiatives'] as const,
  list: (query: QueryOf<'listInitiatives'>) => ['initiatives', 'list', query] as const,
  detail: (id: string) => ['initiatives', 'detail', id] as const,
  history: (id: string) => ['initiatives', 'history', id] as const,
  interests: (id: string) => ['initiatives', 'interests', id] as const,
};

export const initiativeListQuery = (query: QueryOf<'listInitiatives'>) =>
  queryOptions({
    queryKey: initiativeKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/initiatives', { params: { query }, signal })),
  });

export const initiativeQuery = (id: string) =>
  queryOptions({
    queryKey: initiativeKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/initiatives/{id}', { params: { path: { id } }, signal })),
  });

export const initiativeHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: initiativeKeys.history(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/initiatives/{id}/history', { params: { path: { id } }, signal })),
  });

export const interestListQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: initiativeKeys.interests(initiativeId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/initiatives/{id}/interests', { params: { path: { id: initiativeId } }, signal })),
  });

/** Every write about initiatives and the interest in them; each answers with the changed record. */
export const initiativeWrites = {
  create: (body: BodyOf<'createInitiative'>) => unwrap(api.POST('/api/initiatives', { body })),
  update: (id: string, body: BodyOf<'updateInitiative'>) =>
    unwrap(api.PATCH('/api/initiatives/{id}', { params: { path: { id } }, body })),
  transition: (id: string, body: BodyOf<'transitionInitiative'>) =>
    unwrap(api.POST('/api/initiatives/{id}/transitions', { params: { path: { id } }, body })),
  expressInterest: (id: string, body: BodyOf<'createInterest'>) =>
    unwrap(api.POST('/api/initiatives/{id}/interests', { params: { path: { id } }, body })),
  accept: (id: string, body: BodyOf<'acceptInterest'>) =>
    unwrap(api.POST('/api/interests/{id}/accept', { params: { path: { id } }, body })),
  decline: (id: string, body: BodyOf<'declineInterest'>) =>
    unwrap(api.POST('/api/interests/{id}/decline', { params: { path: { id } }, body })),
  withdraw: (id: string, body: BodyOf<'withdrawInterest'>) =>
    unwrap(api.POST('/api/interests/{id}/withdraw', { params: { path: { id } }, body })),
};

export const candidateListQuery = (initiativeId: string, query: QueryOf<'listInitiativeCandidates'>) =>
  queryOptions({
    queryKey: ['initiatives', 'candidates', initiativeId, query] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/initiatives/{id}/candidates', {
          params: { path: { id: initiativeId }, query },
          signal,
        }),
      ),
    // Ranking reads the whole registry; it changes slowly.
    staleTime: 5 * 60 * 1000,
  });
