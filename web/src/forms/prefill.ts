import { useQuery } from '@tanstack/react-query';
import { organisationQuery } from '../api/organisations';
import { pickedOrganisation, type PickedOrganisation } from './picked';

/**
 * An organisation named in a new record's address (`?a=`, `?member=`, by id or slug), as a picker's choice
 * once it has loaded; the form waits for it so it starts filled in.
 */
export function usePrefilledOrganisation(idOrSlug: string | null): {
  isLoading: boolean;
  organisation: PickedOrganisation | null;
} {
  const query = useQuery({ ...organisationQuery(idOrSlug ?? ''), enabled: !!idOrSlug });
  return {
    isLoading: !!idOrSlug && query.isPending,
    organisation: query.data ? pickedOrganisation(query.data) : null,
  };
}
