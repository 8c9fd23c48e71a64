/**
 * What the cooperation maps show, fetched through the API client in a few requests: the registry's
 * organisations with a location (the largest 200), its partnerships and memberships for the home map; for
 * an organisation's map, its partners' locations from the same list (shared in the query cache), the
 * members of a network or association by `memberOf`, and the few partners found in neither one by one.
 */
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap, type QueryOf, type Schemas } from '../api/client';
import { organisationListQuery, organisationQuery } from '../api/organisations';
import { partnershipListQuery } from '../api/partnerships';
import { chooseName } from '../i18n/choose-text';
import { useLocale } from '../i18n/locale-provider';
import { hasLocation, type MapPlace, type MapTie, type TieKind } from './map-features';

type Organisation = Schemas['Organisation'];
type OrganisationSummary = Schemas['OrganisationSummary'];
type Relations = Schemas['OrganisationRelations'];

/** The most a list endpoint gives in one page. */
const pageSize = 200;
/** Partners looked up one by one when neither list has them; more than this are left off the map. */
const maxSingleLookups = 40;

/** The registry's organisations the maps place, the largest first (the home map's list uses it too). */
export const mappedOrganisationsQuery = () => organisationListQuery({ sort: '-population', pageSize });

/**
 * Memberships as the home map reads them. The api folder has no memberships file yet; the key has the
 * shape of the other resources' list keys, so invalidating `['memberships']` after a change refreshes it.
 */
const membershipListQuery = (query: QueryOf<'listMemberships'>) =>
  queryOptions({
    queryKey: ['memberships', 'list', query] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/memberships', { params: { query }, signal })),
  });

function toPlace(organisation: Organisation, name: string, isFocus = false): MapPlace | undefined {
  if (!hasLocation(organisation)) return undefined;
  return {
    id: organisation.id,
    slug: organisation.slug,
    name,
    longitude: organisation.longitude,
    latitude: organisation.latitude,
    isFocus,
  };
}

/** The home map: organisations with a location and the partnerships and memberships among them. */
export function useRegistryMap(organisations: readonly Organisation[]): {
  places: MapPlace[];
  ties: MapTie[];
} {
  const { locale } = useLocale();
  const partnerships = useQuery(partnershipListQuery({ pageSize }));
  const memberships = useQuery(membershipListQuery({ pageSize }));
  const places = useMemo(
    () =>
      organisations.flatMap(
        (organisation) =>
          toPlace(organisation, chooseName(organisation.names, locale, organisation.name)) ?? [],
      ),
    [organisations, locale],
  );
  const ties = useMemo(
    (): MapTie[] => [
      ...(partnerships.data?.items ?? []).map((partnership) => ({
        fromId: partnership.organisationA.id,
        toId: partnership.organisationB.id,
        kind: 'partnership' as const,
      })),
      ...(memberships.data?.items ?? []).map((membership) => ({
        fromId: membership.member.id,
        toId: membership.organisation.id,
        kind: 'membership' as const,
      })),
    ],
    [partnerships.data, memberships.data],
  );
  return { places, ties };
}

/** An organisation's partners, each with the kinds of tie it has with the organisation. */
export function partnersOf(
  organisation: Pick<Organisation, 'id'>,
  relations: Relations,
): { other: OrganisationSummary; kinds: TieKind[] }[] {
  const partners = new Map<string, { other: OrganisationSummary; kinds: TieKind[] }>();
  const add = (other: OrganisationSummary, kind: TieKind) => {
    if (other.id === organisation.id) return;
    const entry = partners.get(other.id) ?? { other, kinds: [] };
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    partners.set(other.id, entry);
  };
  for (const partnership of relations.partnerships) add(partnership.other, 'partnership');
  for (const membership of relations.memberships) add(membership.other, 'membership');
  for (const project of relations.projects) {
    for (const partner of project.partners) add(partner.organisation, 'project');
  }
  return [...partners.values()];
}

/**
 * An organisation's map: itself (when it has a location) and its partners, members and project partners
 * with a location, each tied to it by a line when it has one itself. `unplaced` counts partners that have
 * no recorded location (or were not looked up), so the page can say that the map does not show them.
 */
export function usePartnerMap(
  organisation: Organisation,
  relations: Relations,
): { places: MapPlace[]; ties: MapTie[]; unplaced: number; isLoading: boolean } {
  const { locale } = useLocale();
  const partners = useMemo(() => partnersOf(organisation, relations), [organisation, relations]);
  const hasMembers = relations.memberships.some((membership) => membership.direction === 'has_member');
  const registry = useQuery(mappedOrganisationsQuery());
  const members = useQuery({
    ...organisationListQuery({ memberOf: organisation.id, pageSize }),
    enabled: hasMembers,
  });

  const listed = useMemo(() => {
    const byId = new Map<string, Organisation>();
    for (const item of [...(registry.data?.items ?? []), ...(members.data?.items ?? [])]) {
      byId.set(item.id, item);
    }
    return byId;
  }, [registry.data, members.data]);

  const listsSettled = !registry.isPending && (!hasMembers || !members.isPending);
  const missing = listsSettled ? partners.filter(({ other }) => !listed.has(other.id)) : [];
  const singles = useQueries({
    queries: missing.slice(0, maxSingleLookups).map(({ other }) => organisationQuery(other.slug)),
  });
  const singleData = singles.map((single) => single.data);
  const singlesKey = singleData.map((single) => single?.id ?? '').join(' ');

  const result = useMemo(() => {
    const found = new Map(listed);
    for (const single of singleData) if (single) found.set(single.id, single);
    const places: MapPlace[] = [];
    const focus = toPlace(organisation, chooseName(organisation.names, locale, organisation.name), true);
    if (focus) places.push(focus);
    const ties: MapTie[] = [];
    let unplaced = 0;
    for (const { other, kinds } of partners) {
      const located = found.get(other.id);
      // The relations name the partner in the reader's language already.
      const place = located && toPlace(located, other.name);
      if (!place) {
        unplaced += 1;
        continue;
      }
      places.push(place);
      for (const kind of kinds) ties.push({ fromId: organisation.id, toId: other.id, kind });
    }
    return { places, ties, unplaced };
    // singleData changes identity each render; its content is keyed by singlesKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listed, singlesKey, organisation, partners, locale]);

  const isLoading = !listsSettled || singles.some((single) => single.isPending);
  return { ...result, isLoading };
}
