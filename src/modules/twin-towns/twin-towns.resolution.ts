import { countryCodeOf, type CountryNameIndex } from '../../domain/country-names.js';
import { distanceKm } from '../../domain/geo.js';
import { analyseQuery, toSearchKey } from '../../domain/search-key.js';
import { classifyMatch } from '../../domain/search-ranking.js';
import {
  chooseTownCandidate,
  townNameVariants,
  type TownCandidate,
  type TownMatchKind,
  type ListedTown,
  type TownRefusal,
  type TwinTownSide,
} from '../../domain/twin-towns.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import type { SearchService } from '../search/search.service.js';
import {
  findExactTownMatches,
  findPlaceTerms,
  type ExactTownMatch,
  type PlaceTerm,
} from './twin-towns.repository.js';

/** A town as resolved: the organisation that is it, or the gazetteer place whose authority it is. */
export type Resolution =
  | { organisationId: string }
  | { geonamesId: number }
  | { listedTown: ListedTown }
  | { refusal: TownRefusal | { reason: 'country_unknown' } };

/**
 * A town refused as `too_far` whose same-named place lies within this many times the allowed distance is
 * most likely that place with the list's coordinates a little off: it stays refused rather than becoming
 * a second authority beside it.
 */
const nearMissFactor = 2;

/** Towns in one statement of the exact tier. */
const exactBatchSize = 2000;
/** Grid cells of the nearby tier, in degrees. */
const cellDegrees = 0.25;

const cellKey = (latitude: number, longitude: number) =>
  `${Math.floor(latitude / cellDegrees)}:${Math.floor(longitude / cellDegrees)}`;

/** Runs `work` over `items` with at most `concurrency` running at once. */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  onDone: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      await work(items[next++]!);
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function resolutionOf(candidate: {
  organisationId?: string | null;
  geonamesId?: number | null;
}): Resolution | undefined {
  if (candidate.organisationId) return { organisationId: candidate.organisationId };
  if (candidate.geonamesId) return { geonamesId: candidate.geonamesId };
  return undefined;
}

/**
 * Resolves the towns of a list to places or organisations by the search's keys and match kinds, checked
 * against each row's coordinates, in three tiers:
 * 1. exact: every town's name as written, in its country, one batched index probe per town (most towns);
 * 2. nearby: the names of the gazetteer places within reach of the row, compared as the search compares a
 *    query with a name (inflected, one letter off, the name with more words), with the name's variants;
 * 3. a town without coordinates: the search's name resolution, taking only a sure match.
 * The nearby tier reads the gazetteer's names once rather than asking the search for each town: with
 * thousands of organisations in the registry, each search costs a hundred milliseconds on the embedded
 * database, and a list has thousands of towns that are not named exactly.
 */
export function createTownResolver(database: Database, search: SearchService) {
  async function exactTier(
    towns: readonly [string, TwinTownSide][],
    countries: CountryNameIndex,
    maxDistanceKm: number,
  ): Promise<Map<string, Resolution>> {
    const resolutions = new Map<string, Resolution>();
    for (let start = 0; start < towns.length; start += exactBatchSize) {
      const batch = towns.slice(start, start + exactBatchSize);
      const matches = await findExactTownMatches(
        database.db,
        batch.map(([, side]) => ({
          key: toSearchKey(side.city),
          country: countryCodeOf(countries, side.country) ?? null,
        })),
      );
      const byPosition = new Map<number, ExactTownMatch[]>();
      for (const match of matches) {
        const list = byPosition.get(match.position) ?? [];
        list.push(match);
        byPosition.set(match.position, list);
      }
      batch.forEach(([key, side], index) => {
        const found = byPosition.get(index + 1) ?? [];
        // Without coordinates, only a name that means one place is sure.
        const candidates = found.map((match) => ({
          ...match,
          matched: { name: match.name, kind: 'exact' as const },
          confidence: found.length === 1 ? 1 : 0.5,
        }));
        const choice = chooseTownCandidate(side, side.city, candidates, maxDistanceKm);
        const resolution = 'candidate' in choice ? resolutionOf(choice.candidate) : { refusal: choice };
        if (resolution) resolutions.set(key, resolution);
      });
    }
    return resolutions;
  }

  /** The gazetteer's place terms by grid cell. */
  function gridOf(terms: readonly PlaceTerm[]): Map<string, PlaceTerm[]> {
    const grid = new Map<string, PlaceTerm[]>();
    for (const term of terms) {
      const key = cellKey(term.latitude, term.longitude);
      const cell = grid.get(key);
      if (cell) cell.push(term);
      else grid.set(key, [term]);
    }
    return grid;
  }

  /** The place terms of the grid cells within `km` of a point (some a little farther). */
  function termsNear(grid: Map<string, PlaceTerm[]>, latitude: number, longitude: number, km: number) {
    const latitudeSpan = Math.ceil(km / 111 / cellDegrees);
    const longitudeSpan = Math.ceil(latitudeSpan / Math.max(0.1, Math.cos((latitude * Math.PI) / 180)));
    const latitudeCell = Math.floor(latitude / cellDegrees);
    const longitudeCell = Math.floor(longitude / cellDegrees);
    const nearby: PlaceTerm[] = [];
    for (let lat = latitudeCell - latitudeSpan; lat <= latitudeCell + latitudeSpan; lat++)
      for (let lng = longitudeCell - longitudeSpan; lng <= longitudeCell + longitudeSpan; lng++)
        nearby.push(...(grid.get(`${lat}:${lng}`) ?? []));
    return nearby;
  }

  function nearbyTier(
    towns: readonly [string, TwinTownSide][],
    grid: Map<string, PlaceTerm[]>,
    maxDistanceKm: number,
  ): Map<string, Resolution> {
    const resolutions = new Map<string, Resolution>();
    for (const [key, side] of towns) {
      if (side.latitude === null || side.longitude === null) continue;
      const nearby = termsNear(grid, side.latitude, side.longitude, maxDistanceKm);
      for (const name of townNameVariants(side.city)) {
        const { key: query, stems } = analyseQuery(name);
        const candidates: (TownCandidate & { geonamesId: number })[] = nearby.map((term) => ({
          name: term.name,
          matched: { name: term.name, kind: classifyMatch(query, stems, term.key) as TownMatchKind },
          country: term.country,
          latitude: term.latitude,
          longitude: term.longitude,
          confidence: 1,
          geonamesId: term.geonamesId,
        }));
        const choice = chooseTownCandidate(side, name, candidates, maxDistanceKm);
        if ('candidate' in choice) {
          resolutions.set(key, { geonamesId: choice.candidate.geonamesId });
          break;
        }
      }
    }
    return resolutions;
  }

  /** A town without coordinates: the search's resolution, when it is sure. */
  async function searchTier(
    actor: Actor,
    side: TwinTownSide,
    country: string | undefined,
  ): Promise<Resolution> {
    let refusal: TownRefusal = { reason: 'no_match' };
    for (const name of townNameVariants(side.city)) {
      const { candidates } = await search.resolve(actor, {
        name: name.slice(0, 200),
        ...(country ? { country } : {}),
        limit: 5,
      });
      const choice = chooseTownCandidate(
        side,
        name,
        candidates.map((candidate) => ({
          ...candidate,
          matched: { name: candidate.matched.name, kind: candidate.matched.kind as TownMatchKind },
        })),
        0,
      );
      if ('candidate' in choice) {
        const resolution = resolutionOf(choice.candidate.ids);
        if (resolution) return resolution;
      } else if (refusal.reason === 'no_match') refusal = choice;
    }
    return { refusal };
  }

  return {
    async resolveTowns(
      actor: Actor,
      towns: readonly [string, TwinTownSide][],
      countries: CountryNameIndex,
      options: {
        maxDistanceKm: number;
        parallel: number;
        /** Whether a located town the gazetteer lacks becomes an authority of its own (see below). */
        listedTowns: boolean;
        onProgress: (done: number) => void;
      },
    ): Promise<Map<string, Resolution>> {
      const resolutions = new Map<string, Resolution>();
      const named: [string, TwinTownSide][] = [];
      for (const [key, side] of towns) {
        if (side.city === '') resolutions.set(key, { refusal: { reason: 'city_missing' } });
        // A town of an unknown country can still be found by its name and coordinates.
        else if (side.latitude === null && !countryCodeOf(countries, side.country))
          resolutions.set(key, { refusal: { reason: 'country_unknown' } });
        else named.push([key, side]);
      }
      const isResolved = (key: string) => {
        const resolution = resolutions.get(key);
        return resolution !== undefined && !('refusal' in resolution);
      };

      for (const [key, resolution] of await exactTier(named, countries, options.maxDistanceKm))
        resolutions.set(key, resolution);
      options.onProgress(named.filter(([key]) => isResolved(key)).length);

      const located = named.filter(([key, side]) => !isResolved(key) && side.latitude !== null);
      const grid = located.length > 0 ? gridOf(await findPlaceTerms(database.db)) : new Map();
      if (located.length > 0) {
        const found = nearbyTier(located, grid, options.maxDistanceKm);
        for (const [key, resolution] of found) resolutions.set(key, resolution);
      }
      const unlocated = named.filter(([key, side]) => !isResolved(key) && side.latitude === null);
      const before = towns.length - unlocated.length;
      options.onProgress(before);
      await forEachConcurrently(
        unlocated,
        options.parallel,
        async ([key, side]) => {
          resolutions.set(key, await searchTier(actor, side, countryCodeOf(countries, side.country)));
        },
        (done) => options.onProgress(before + done),
      );
      // Towns no tier resolved and no tier refused: nothing of their name anywhere.
      for (const [key] of named)
        if (!resolutions.has(key)) resolutions.set(key, { refusal: { reason: 'no_match' } });
      // A town the gazetteer lacks (a village under 1,000 inhabitants, a county, a city district) or whose
      // only namesake is far away is still a town: with the list's coordinates and a known country, it
      // becomes an authority of its own, which the next import finds by its name.
      if (options.listedTowns)
        for (const [key, side] of named) {
          const resolution = resolutions.get(key);
          const country = countryCodeOf(countries, side.country);
          if (!resolution || !('refusal' in resolution) || !country) continue;
          if (side.latitude === null || side.longitude === null) continue;
          const { refusal } = resolution;
          const isListed =
            refusal.reason === 'no_match' ||
            (refusal.reason === 'too_far' &&
              refusal.nearest.distanceKm > nearMissFactor * options.maxDistanceKm);
          // Coordinates in another country (a geocoder's mistake) would make a town where none is.
          const reach = nearMissFactor * options.maxDistanceKm;
          const here = { latitude: side.latitude, longitude: side.longitude };
          const isInCountry = termsNear(grid, side.latitude, side.longitude, reach).some(
            (term) => term.country === country && distanceKm(here, term) <= reach,
          );
          if (isListed && isInCountry)
            resolutions.set(key, {
              listedTown: { name: side.city, country, latitude: side.latitude, longitude: side.longitude },
            });
        }
      return resolutions;
    },
  };
}
