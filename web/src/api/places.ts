import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { organisationKeys } from './organisations';
import { searchKeys } from './search';

export const placeKeys = {
  all: ['places'] as const,
  detail: (geonamesId: number) => ['places', 'detail', geonamesId] as const,
};

export const placeQuery = (geonamesId: number) =>
  queryOptions({
    queryKey: placeKeys.detail(geonamesId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/places/{geonamesId}', { params: { path: { geonamesId } }, signal })),
  });

/** Adds a gazetteer place to the registry as an authority (or finds the one already there). */
export function useAddPlaceToRegistry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (geonamesId: number) =>
      unwrap(api.POST('/api/places/{geonamesId}/organisation', { params: { path: { geonamesId } } })),
    onSuccess: async (_organisation, geonamesId) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: placeKeys.detail(geonamesId) }),
        queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
        queryClient.invalidateQueries({ queryKey: searchKeys.all }),
      ]);
    },
  });
}
