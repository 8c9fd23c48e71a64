import { distanceKm, isValidCoordinates } from './geo.js';
import { toSearchKey } from './search-key.js';

/**
 * Rules of the twin-town list import: the CSV layout (one pair of towns per row, each with its country's
 * English name and coordinates), the names tried for a town, and which resolution candidate a row's town
 * is.
 */

export const twinTownColumns = [
  'city1',
  'country1',
  'lat1',
  'lng1',
  'city2',
  'country2',
  'lat2',
  'lng2',
] as const;

/** One town of a row, as the list gives it. */
export interface TwinTownSide {
  city: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

/** One pair of the list, with its line in the file (the header is line 1). */
export interface TwinTownRow {
  line: number;
  sides: [TwinTownSide, TwinTownSide];
}

function coordinate(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function sideOf(record: Readonly<Record<string, string>>, suffix: '1' | '2'): TwinTownSide {
  const latitude = coordinate(record[`lat${suffix}`]);
  const longitude = coordinate(record[`lng${suffix}`]);
  const hasCoordinates = latitude !== null && longitude !== null && isValidCoordinates(latitude, longitude);
  return {
    city: (record[`city${suffix}`] ?? '').trim(),
    country: (record[`country${suffix}`] ?? '').trim(),
    latitude: hasCoordinates ? latitude : null,
    longitude: hasCoordinates ? longitude : null,
  };
}

/** A parsed CSV record (column → text) as a row of the list. */
export function toTwinTownRow(record: Readonly<Record<string, string>>, line: number): TwinTownRow {
  return { line, sides: [sideOf(record, '1'), sideOf(record, '2')] };
}

/** The columns of the layout that a header lacks. */
export function missingTwinTownColumns(header: readonly string[]): string[] {
  const present = new Set(header.map((column) => column.trim().toLowerCase()));
  return twinTownColumns.filter((column) => !present.has(column));
}

/**
 * The names to look a town up by, surest first: as written, then without a parenthesised qualifier
 * (`Gangdong (Seoul)`, `Teltow-Fläming (district)`), then before a comma (`Coventry, Connecticut`).
 */
export function townNameVariants(city: string): string[] {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const variants = [clean(city), clean(city.replace(/\([^)]*\)/g, ' ')), clean(city.split(',')[0] ?? '')];
  return [...new Set(variants.filter((variant) => variant !== ''))];
}

/** How a candidate's name met the town's name, surest first (the search's match kinds). */
export const townMatchKinds = ['exact', 'stem', 'typo', 'prefix', 'fuzzy'] as const;
export type TownMatchKind = (typeof townMatchKinds)[number];

/** A place or organisation that name resolution offered for a town. */
export interface TownCandidate {
  name: string;
  /** The name of the candidate that the town's name met, and how. */
  matched: { name: string; kind: TownMatchKind };
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  confidence: number;
}

/** Why a town of a row was not resolved. */
export type TownRefusal =
  | { reason: 'city_missing' }
  | { reason: 'no_match' }
  | { reason: 'too_far'; nearest: { name: string; country: string | null; distanceKm: number } }
  | { reason: 'ambiguous' };

/** Without coordinates to check against, only a sure match is taken. */
export const sureConfidence = 0.9;

/**
 * Whether a candidate's name is the town's: the same name (inflected or one letter off included), or one
 * of the two names is the other followed by more words (`Purgstall an der Erlauf` and `Purgstall`,
 * `Herzberg` and `Herzberg am Harz`). A looser likeness names another town too often: `Heinersreuth` is
 * not `Bayreuth`, `Chūō (Tokyo)` is not Tokyo.
 */
export function isSameTownName(town: string, matched: TownCandidate['matched']): boolean {
  if (matched.kind === 'exact' || matched.kind === 'stem' || matched.kind === 'typo') return true;
  const townKey = toSearchKey(town);
  const matchedKey = toSearchKey(matched.name);
  return townKey.startsWith(`${matchedKey} `) || matchedKey.startsWith(`${townKey} `);
}

/**
 * The candidate a town is: among those whose name is the town's (see {@link isSameTownName}) and that lie
 * within `maxDistanceKm` of the town's coordinates, the surest match, then the nearest. A town without
 * coordinates takes the first candidate only when resolution is sure of it.
 */
export function chooseTownCandidate<C extends TownCandidate>(
  side: TwinTownSide,
  name: string,
  candidates: readonly C[],
  maxDistanceKm: number,
): { candidate: C } | TownRefusal {
  const named = candidates.filter((candidate) => isSameTownName(name, candidate.matched));
  if (named.length === 0) return { reason: 'no_match' };
  if (side.latitude === null || side.longitude === null) {
    const [first] = named;
    return first && first.confidence >= sureConfidence ? { candidate: first } : { reason: 'ambiguous' };
  }
  const here = { latitude: side.latitude, longitude: side.longitude };
  const placed = named.flatMap((candidate) =>
    candidate.latitude === null || candidate.longitude === null
      ? []
      : [
          {
            candidate,
            rank: townMatchKinds.indexOf(candidate.matched.kind),
            distance: distanceKm(here, { latitude: candidate.latitude, longitude: candidate.longitude }),
          },
        ],
  );
  const near = placed
    .filter(({ distance }) => distance <= maxDistanceKm)
    .sort((a, b) => a.rank - b.rank || a.distance - b.distance);
  if (near[0]) return { candidate: near[0].candidate };
  const nearest = placed.sort((a, b) => a.distance - b.distance)[0];
  if (!nearest) return { reason: 'no_match' };
  return {
    reason: 'too_far',
    nearest: {
      name: nearest.candidate.name,
      country: nearest.candidate.country,
      distanceKm: Math.round(nearest.distance),
    },
  };
}

/** The key of an unordered pair of ids: the same for (a, b) and (b, a). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Words that make a listed name a county or district rather than a town (`Cobb County`, `Norfolk County`). */
const countyWords = /\b(county|district|borough|shire|municipality|kommune|kommun|raion|rayon|okrug)\b/i;
/** Words that make a listed name a region (`Kaliningrad Oblast`, `Friuli-Venezia Giulia Region`). */
const regionWords =
  /\b(region|oblast|province|prefecture|voivodeship|state|kraj|krai|canton|governorate|regione)\b/i;

/** The kind of authority a town the gazetteer lacks becomes, from the words of its listed name. */
export function listedTownKind(city: string): 'municipality' | 'county' | 'region' {
  if (regionWords.test(city)) return 'region';
  if (countyWords.test(city)) return 'county';
  return 'municipality';
}

/** A town the gazetteer lacks, to become an authority from the list's own name, country and coordinates. */
export interface ListedTown {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}

/**
 * Groups towns the gazetteer lacks so that each becomes one authority: towns of the same name (compared as
 * search keys) in the same country within `maxDistanceKm` of the group's first are one town. Returns, for
 * each town's position in `towns`, the position of the town that stands for its group.
 */
export function groupListedTowns(towns: readonly ListedTown[], maxDistanceKm: number): number[] {
  const groups = new Map<string, number[]>();
  return towns.map((town, index) => {
    const key = `${toSearchKey(town.name)}|${town.country}`;
    const heads = groups.get(key) ?? [];
    const head = heads.find((other) => distanceKm(towns[other]!, town) <= maxDistanceKm);
    if (head !== undefined) return head;
    heads.push(index);
    groups.set(key, heads);
    return index;
  });
}
