import { chooseDisplayName, organisationSearchText, prepareNames } from '../../domain/organisation.js';
import { chooseAuthorityKind, placeNamesForOrganisation } from '../../domain/place.js';
import { toSlug } from '../../domain/search-key.js';
import { importanceOf, termsForNames } from '../../domain/search-terms.js';
import { groupListedTowns, listedTownKind, type ListedTown } from '../../domain/twin-towns.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { inTransaction, newId } from '../../platform/db/helpers.js';
import type { PlacesService } from '../places/places.service.js';
import { findSourceByKey } from '../sources/sources.repository.js';
import {
  findOrganisationsOfPlaces,
  findPlaceNames,
  findPlaces,
  findSlugs,
  insertNames,
  insertListedOrganisations,
  insertPlaceOrganisations,
  insertSearchTerms,
} from './twin-towns.repository.js';

/** The key of the gazetteer's source, which the places service creates with the first authority. */
const gazetteerSourceKey = 'geonames';

/** `base`, else `base-2`, `base-3` ...: the first slug not taken, as the organisations service picks it. */
function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  taken.add(slug);
  return slug;
}

/**
 * The authority organisation of each place, made as `places.organisationFor` makes one (the same names,
 * kind, slug, figures, source and search terms) but a thousand at a time: one by one, the 14,000 towns
 * of a twin-town list take three minutes on the embedded database. Never a duplicate: a place that has
 * an organisation keeps it, also when another writer creates it meanwhile.
 */
export async function ensurePlaceAuthorities(
  database: Database,
  places: PlacesService,
  actor: Actor,
  geonamesIds: readonly number[],
  {
    batchSize = 1000,
    onProgress = () => {},
  }: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<{ organisationOf: Map<number, string>; created: number }> {
  const wanted = [...new Set(geonamesIds)];
  const organisationOf = await findOrganisationsOfPlaces(database.db, wanted);
  let missing = wanted.filter((id) => !organisationOf.has(id));
  let created = 0;
  let source = await findSourceByKey(database.db, gazetteerSourceKey);
  if (!source && missing.length > 0) {
    const [first, ...others] = missing;
    const result = await places.organisationFor(actor, first!);
    organisationOf.set(first!, result.organisation.id);
    if (result.created) created++;
    missing = others;
    source = await findSourceByKey(database.db, gazetteerSourceKey);
  }
  const sourceId = source?.id ?? null;
  onProgress(wanted.length - missing.length);

  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    await inTransaction(database, actor, async (trx) => {
      const [rows, namesOfPlaces, slugs] = await Promise.all([
        findPlaces(trx, batch),
        findPlaceNames(trx, batch),
        findSlugs(trx),
      ]);
      const prepared = rows.map((place) => {
        const names = prepareNames(
          placeNamesForOrganisation(place, namesOfPlaces.get(place.geonamesId) ?? []),
        );
        const displayName = chooseDisplayName(names);
        const slug = uniqueSlug(toSlug(displayName), slugs);
        return { place, names, displayName, slug, id: newId() };
      });
      const inserted = await insertPlaceOrganisations(
        trx,
        prepared.map(({ place, names, displayName, slug, id }) => ({
          id,
          slug,
          kind: chooseAuthorityKind(place),
          displayName,
          country: place.country,
          geonamesId: place.geonamesId,
          population: place.population > 0 ? place.population : null,
          latitude: place.latitude,
          longitude: place.longitude,
          lauCode: place.lauCode,
          nutsCode: place.nutsCode,
          sourceId,
          description: {},
          themes: [],
          searchText: organisationSearchText(names, slug),
        })),
      );
      const insertedIds = new Set(inserted.map((row) => row.id));
      const made = prepared.filter((organisation) => insertedIds.has(organisation.id));
      await insertNames(
        trx,
        made.flatMap(({ id, names }) => names.map((name) => ({ id: newId(), organisationId: id, ...name }))),
      );
      await insertSearchTerms(
        trx,
        made.flatMap(({ id, names, place }) =>
          termsForNames(names).map((term) => ({
            entityType: 'organisation',
            entityId: id,
            ...term,
            importance: importanceOf(place.population > 0 ? place.population : null),
            country: place.country,
          })),
        ),
      );
      created += made.length;
      for (const { id, place } of made) organisationOf.set(place.geonamesId, id);
      // Places that another writer gave an organisation while this batch was being made.
      const others = batch.filter((id) => !organisationOf.has(id));
      for (const [geonamesId, id] of await findOrganisationsOfPlaces(trx, others))
        organisationOf.set(geonamesId, id);
    });
    onProgress(wanted.length - missing.length + Math.min(start + batchSize, missing.length));
  }
  return { organisationOf, created };
}

/**
 * An authority for each town of a list that the gazetteer lacks, made from the list's own name, country
 * and coordinates and citing the list: towns of one name in one country within `maxDistanceKm` of each
 * other are one authority. Returns the organisation of each town, by its position in `towns`.
 */
export async function createListedTownAuthorities(
  database: Database,
  actor: Actor,
  towns: readonly ListedTown[],
  {
    sourceId,
    maxDistanceKm,
    batchSize = 1000,
  }: { sourceId: string; maxDistanceKm: number; batchSize?: number },
): Promise<{ organisationOf: string[]; created: number }> {
  const heads = groupListedTowns(towns, maxDistanceKm);
  const idOf = new Map<number, string>();
  const made = [...new Set(heads)];
  for (let start = 0; start < made.length; start += batchSize) {
    const batch = made.slice(start, start + batchSize);
    await inTransaction(database, actor, async (trx) => {
      const slugs = await findSlugs(trx);
      const prepared = batch.map((position) => {
        const town = towns[position]!;
        const names = prepareNames([{ name: town.name, language: 'en', kind: 'official' }]);
        const slug = uniqueSlug(toSlug(town.name), slugs);
        return { position, town, names, slug, id: newId() };
      });
      await insertListedOrganisations(
        trx,
        prepared.map(({ town, names, slug, id }) => ({
          id,
          slug,
          kind: listedTownKind(town.name),
          displayName: town.name,
          country: town.country,
          latitude: town.latitude,
          longitude: town.longitude,
          sourceId,
          description: {},
          themes: [],
          searchText: organisationSearchText(names, slug),
        })),
      );
      await insertNames(
        trx,
        prepared.flatMap(({ id, names }) =>
          names.map((name) => ({ id: newId(), organisationId: id, ...name })),
        ),
      );
      await insertSearchTerms(
        trx,
        prepared.flatMap(({ id, names, town }) =>
          termsForNames(names).map((term) => ({
            entityType: 'organisation',
            entityId: id,
            ...term,
            importance: importanceOf(null),
            country: town.country,
          })),
        ),
      );
      for (const { position, id } of prepared) idOf.set(position, id);
    });
  }
  return { organisationOf: heads.map((head) => idOf.get(head)!), created: made.length };
}
