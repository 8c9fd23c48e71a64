import { parse } from 'csv-parse/sync';
import { buildCountryNameIndex } from '../../domain/country-names.js';
import {
  missingTwinTownColumns,
  pairKey,
  toTwinTownRow,
  type TownRefusal,
  type TwinTownRow,
  type TwinTownSide,
} from '../../domain/twin-towns.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError } from '../../platform/errors.js';
import type { PlacesService } from '../places/places.service.js';
import type { SearchService } from '../search/search.service.js';
import { findSourceByKey, insertSource, sourceSearchText } from '../sources/sources.repository.js';
import { createListedTownAuthorities, ensurePlaceAuthorities } from './twin-towns.authorities.js';
import { createTownResolver } from './twin-towns.resolution.js';
import {
  findCountries,
  findPartnershipPairs,
  insertPartnerships,
  lockOrganisations,
} from './twin-towns.repository.js';

/** The source every imported pair cites. */
export const twinTownSource = {
  key: 'wikipedia-twin-towns',
  kind: 'dataset',
  title: 'Wikipedia: lists of twin towns and sister cities',
  url: 'https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities',
  language: 'en',
  publisher: 'Wikipedia contributors',
  notes:
    'Pairs as reported by the English Wikipedia lists (CC BY-SA 4.0), geocoded by Hekman/twincities ' +
    '(Wikipedia API and Nominatim, OpenStreetMap ODbL). Reported by the source, not confirmed by either side.',
} as const;

/** The list's source record, created with the first import that cites it. */
async function ensureListSource(trx: Executor) {
  return (
    (await findSourceByKey(trx, twinTownSource.key)) ??
    (await insertSource(trx, {
      id: newId(),
      ...twinTownSource,
      searchText: sourceSearchText(twinTownSource),
    }))
  );
}

export type TwinTownPhase = 'reading' | 'resolving' | 'authorities' | 'partnerships';

export interface TwinTownProgress {
  phase: TwinTownPhase;
  done: number;
  total: number;
}

export interface TwinTownImportOptions {
  onProgress?: (event: TwinTownProgress) => void;
  /** How far from a row's coordinates a town may be found (25 km by default). */
  maxDistanceKm?: number;
  /** Towns resolved at the same time (several connections on PostgreSQL). */
  concurrency?: number;
  /**
   * Whether a located town of a known country that the gazetteer lacks (or whose only namesake is far
   * away) becomes an authority of its own, made from the list's name and coordinates (true by default).
   */
  listedTowns?: boolean;
  /** Told each distinct town of the list and the organisation it became, if any (for measurements). */
  onTownResolved?: (side: TwinTownSide, organisationId: string | undefined) => void;
}

/** A town of a row that was not resolved, with the reason; its row was not imported. */
export interface RefusedTown {
  line: number;
  city: string;
  country: string;
  reason: TownRefusal['reason'] | 'country_unknown';
  detail: string;
}

/** A row whose two towns were both resolved, yet could not be a partnership. */
export interface RefusedRow {
  line: number;
  city: string;
  country: string;
  reason: 'same_place';
  detail: string;
}

export interface TwinTownImportResult {
  rows: number;
  towns: {
    total: number;
    /** Towns that are an organisation now: a gazetteer place's authority or one made from the list. */
    resolved: number;
    /** Of those, the towns made from the list's own name and coordinates (the gazetteer lacks them). */
    listed: number;
  };
  authorities: {
    created: number;
    /** Of those created, the authorities made from the list's name and coordinates. */
    createdFromList: number;
    existing: number;
  };
  partnerships: {
    created: number;
    /** Pairs already recorded as twinnings (by an earlier import or by hand). */
    existing: number;
    /** Rows naming a pair that an earlier row of the file already named. */
    repeated: number;
  };
  /** Lines of the rows that were not imported. */
  refusedRows: number;
  refused: (RefusedTown | RefusedRow)[];
  seconds: number;
  /** Seconds spent in each phase. */
  phaseSeconds: Partial<Record<TwinTownPhase, number>>;
}

const forbidden = () =>
  new AppError('twin_towns.forbidden', 403, 'Only the system may import twin-town lists.');

/** Parses the CSV text of a twin-town list; throws a 400 for a file without the layout's columns. */
export function parseTwinTownList(text: string): TwinTownRow[] {
  const records = parse(text, {
    columns: (header: string[]) => {
      const missing = missingTwinTownColumns(header);
      if (missing.length > 0) {
        throw new AppError(
          'twin_towns.columns_missing',
          400,
          `The file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected: city1, country1, lat1, lng1, city2, country2, lat2, lng2).`,
        );
      }
      return header.map((column) => column.trim().toLowerCase());
    },
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => toTwinTownRow(record, info.lines));
}

function describeRefusal(refusal: TownRefusal | { reason: 'country_unknown' }, side: TwinTownSide): string {
  switch (refusal.reason) {
    case 'city_missing':
      return 'The row names no town.';
    case 'country_unknown':
      return `Unknown country "${side.country}".`;
    case 'no_match':
      return 'No place or organisation of this name.';
    case 'ambiguous':
      return 'No coordinates, and the name is not sure enough without them.';
    case 'too_far':
      return `The nearest place of this name, ${refusal.nearest.name} (${refusal.nearest.country ?? '?'}), is ${refusal.nearest.distanceKm} km from the row's coordinates.`;
  }
}

/**
 * Import of twin-town lists (the CSV layout of Wikipedia-derived lists): each town is resolved through
 * the search's name resolution, checked against the row's coordinates, and becomes the authority of its
 * place (created once); each pair becomes an active twinning citing the list as its source. Pairs already
 * recorded are left alone, so importing the same list again changes nothing.
 */
export function createTwinTownsService(
  database: Database,
  dependencies: { search: SearchService; places: PlacesService },
) {
  const { search, places } = dependencies;
  const resolver = createTownResolver(database, search);

  async function importTwinTowns(
    actor: Actor,
    text: string,
    {
      onProgress = () => {},
      maxDistanceKm = 25,
      concurrency,
      listedTowns = true,
      onTownResolved,
    }: TwinTownImportOptions = {},
  ): Promise<TwinTownImportResult> {
    if (actor.kind !== 'system') throw forbidden();
    const started = performance.now();
    const phaseSeconds: Partial<Record<TwinTownPhase, number>> = {};
    let phase: TwinTownPhase | undefined;
    let phaseStarted = started;
    const report = onProgress;
    onProgress = (event) => {
      if (event.phase !== phase) {
        const now = performance.now();
        if (phase) phaseSeconds[phase] = Math.round((now - phaseStarted) / 100) / 10;
        phase = event.phase;
        phaseStarted = now;
      }
      report(event);
    };
    const parallel = concurrency ?? (database.kind === 'postgres' ? 4 : 2);
    onProgress({ phase: 'reading', done: 0, total: 1 });
    const rows = parseTwinTownList(text);
    const countries = buildCountryNameIndex(await findCountries(database.db));
    onProgress({ phase: 'reading', done: 1, total: 1 });

    // Each distinct town once, however many rows name it.
    const townKey = (side: TwinTownSide) =>
      [side.city, side.country, side.latitude ?? '', side.longitude ?? ''].join('|');
    const towns = new Map<string, TwinTownSide>();
    for (const row of rows) for (const side of row.sides) towns.set(townKey(side), side);
    const townList = [...towns.entries()];
    const resolutions = await resolver.resolveTowns(actor, townList, countries, {
      maxDistanceKm,
      parallel,
      listedTowns,
      onProgress: (done) => onProgress({ phase: 'resolving', done, total: townList.length }),
    });

    // The authority of every resolved place, created once.
    const placeIds = [...resolutions.values()].flatMap((resolution) =>
      'geonamesId' in resolution ? [resolution.geonamesId] : [],
    );
    const { organisationOf: authorityOf, created } = await ensurePlaceAuthorities(
      database,
      places,
      actor,
      placeIds,
      { onProgress: (done) => onProgress({ phase: 'authorities', done, total: new Set(placeIds).size }) },
    );
    // The towns the gazetteer lacks, each an authority made from the list and citing it.
    const listed = [...resolutions].flatMap(([key, resolution]) =>
      'listedTown' in resolution ? [{ key, town: resolution.listedTown }] : [],
    );
    const listedOf = new Map<string, string>();
    let createdFromList = 0;
    if (listed.length > 0) {
      const source = await inTransaction(database, actor, ensureListSource);
      const made = await createListedTownAuthorities(
        database,
        actor,
        listed.map(({ town }) => town),
        { sourceId: source.id, maxDistanceKm },
      );
      createdFromList = made.created;
      listed.forEach(({ key }, index) => listedOf.set(key, made.organisationOf[index]!));
    }
    const organisationOf = (side: TwinTownSide): string | undefined => {
      const key = townKey(side);
      const resolution = resolutions.get(key);
      if (!resolution || 'refusal' in resolution) return undefined;
      if ('organisationId' in resolution) return resolution.organisationId;
      if ('listedTown' in resolution) return listedOf.get(key);
      return authorityOf.get(resolution.geonamesId);
    };

    // The rows' pairs, each once, and the refusals in the order of the file.
    const refused: (RefusedTown | RefusedRow)[] = [];
    const refusedLines = new Set<number>();
    const pairs = new Map<string, [string, string]>();
    let repeated = 0;
    for (const row of rows) {
      const ids = row.sides.map(organisationOf);
      row.sides.forEach((side, index) => {
        const resolution = resolutions.get(townKey(side));
        if (ids[index] || !resolution || !('refusal' in resolution)) return;
        refused.push({
          line: row.line,
          city: side.city,
          country: side.country,
          reason: resolution.refusal.reason,
          detail: describeRefusal(resolution.refusal, side),
        });
        refusedLines.add(row.line);
      });
      const [a, b] = ids;
      if (!a || !b) continue;
      if (a === b) {
        refused.push({
          line: row.line,
          city: row.sides[1].city,
          country: row.sides[1].country,
          reason: 'same_place',
          detail: `${row.sides[0].city} and ${row.sides[1].city} are the same place.`,
        });
        refusedLines.add(row.line);
        continue;
      }
      const key = pairKey(a, b);
      if (pairs.has(key)) repeated++;
      else pairs.set(key, [a, b]);
    }

    const { createdPairs, existingPairs } = await inTransaction(database, actor, async (trx) => {
      const involved = [...new Set([...pairs.values()].flat())].sort();
      await lockOrganisations(trx, involved);
      const recorded = new Set(
        (await findPartnershipPairs(trx, 'twinning', involved)).map((pair) =>
          pairKey(pair.organisationAId, pair.organisationBId),
        ),
      );
      const fresh = [...pairs.entries()].filter(([key]) => !recorded.has(key));
      if (fresh.length === 0) return { createdPairs: 0, existingPairs: pairs.size };
      const source = await ensureListSource(trx);
      onProgress({ phase: 'partnerships', done: 0, total: fresh.length });
      await insertPartnerships(
        trx,
        fresh.map(([, [organisationAId, organisationBId]]) => ({
          id: newId(),
          organisationAId,
          organisationBId,
          type: 'twinning',
          status: 'active',
          confirmation: 'reported_by_source',
          description: {},
          themes: [],
          sourceId: source.id,
        })),
      );
      onProgress({ phase: 'partnerships', done: fresh.length, total: fresh.length });
      return { createdPairs: fresh.length, existingPairs: pairs.size - fresh.length };
    });

    const resolved = [...resolutions.values()].filter((resolution) => !('refusal' in resolution)).length;
    const authorities = new Set<string>();
    for (const [, side] of townList) {
      const id = organisationOf(side);
      if (id) authorities.add(id);
      onTownResolved?.(side, id);
    }
    return {
      rows: rows.length,
      towns: { total: townList.length, resolved, listed: listed.length },
      authorities: {
        created: created + createdFromList,
        createdFromList,
        existing: authorities.size - created - createdFromList,
      },
      partnerships: { created: createdPairs, existing: existingPairs, repeated },
      refusedRows: refusedLines.size,
      refused,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      phaseSeconds: phase
        ? { ...phaseSeconds, [phase]: Math.round((performance.now() - phaseStarted) / 100) / 10 }
        : phaseSeconds,
    };
  }

  return { importTwinTowns };
}

export type TwinTownsService = ReturnType<typeof createTwinTownsService>;
