import { chooseDisplayName, organisationSearchText, prepareNames } from '../../domain/organisation.js';
import { chooseAuthorityKind, placeNamesForOrganisation } from '../../domain/place.js';
import { toSlug } from '../../domain/search-key.js';
import { importanceOf, termsForNames } from '../../domain/search-terms.js';
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
