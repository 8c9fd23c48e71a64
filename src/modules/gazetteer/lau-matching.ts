/**
 * Matches gazetteer places to Eurostat LAU units (and so to NUTS 3 regions) by country and normalised
 * name, using the units' population-weighted centres to choose among namesakes. Pure: used by the
 * gazetteer build script, tested on its own.
 */

/** A LAU unit. Coordinates are absent where only the concordance table is known (France). */
export interface LauUnit {
  /** ISO 3166 alpha-2 (GR and GB, not Eurostat's EL and UK). */
  country: string;
  lauId: string;
  name: string;
  nuts3: string;
  latitude: number | null;
  longitude: number | null;
}

export interface MatchablePlace {
  geonamesId: number;
  country: string;
  /** The default name first, then its other names (any language). */
  names: string[];
  latitude: number;
  longitude: number;
}

/**
 * How a place was matched: `name` when a unit's whole name (or one of its slash-separated official
 * variants) is the place's name, `name-part` when a simplified form matched ("Flensburg, Stadt",
 * "Niš - Medijana", "Benken (ZH)"), `unique-name` when the unit has no coordinates and is the only one.
 */
export type LauMatchKind = 'name' | 'name-part' | 'unique-name';

export interface LauMatch {
  lauCode: string;
  nutsCode: string;
  kind: LauMatchKind;
  distanceKm: number | null;
}

export interface LauMatchOptions {
  /** Normalises a name into a comparable key (the product's `toSearchKey`). */
  toKey: (name: string) => string;
  /** How far a unit's population-weighted centre may be from the place. */
  maxDistanceKm: number;
}

/** Eurostat writes Greece and the United Kingdom as EL and UK. */
export function isoCountryOfEurostat(code: string): string {
  return ({ EL: 'GR', UK: 'GB' } as Record<string, string>)[code] ?? code;
}

/** Articles that Spanish, Catalan, Galician and Portuguese LAU names put after a comma ("Bonillo, El"). */
const trailingArticles = new Set([
  'el',
  'la',
  'los',
  'las',
  'les',
  'l',
  'es',
  'sa',
  'ses',
  'o',
  'a',
  'os',
  'as',
]);

const greekCommunityPrefix = /^(?:Ψευδοδημοτική |Δημοτική |Τοπική )?Κοινότητα /u;

/**
 * Units whose name is not the name of their town: the Metropolitan Municipality is Sofia, Centar is the
 * centre of Skopje, the Pseudo-municipal Community of the Athenians is Athens.
 */
const unitAliases: Record<string, string[]> = {
  'BG:SOF46': ['София'],
  'MK:MK00814': ['Скопје'],
  'GR:45010000': ['Αθήνα'],
  'NL:GM0518': ['Den Haag'],
};

/** Suffixes naming the kind of unit, after a genitive: "Vilniaus miesto savivaldybė", "Siguldas novads". */
const unitKindSuffixes: Record<string, RegExp> = {
  LT: / (?:miesto |rajono )?savivaldybė$/u,
  LV: / novads$/u,
  EE: / (?:vald|linn)$/u,
  HR: /^Grad /u,
  GB: /^City of | City$/u,
};

/** Nominatives a genitive may come from, by language: [genitive ending, nominative ending]. */
const genitiveEndings: Record<string, [string, string][]> = {
  LT: [
    ['aus', 'us'],
    ['o', 'as'],
    ['os', 'a'],
    ['ių', 'iai'],
    ['io', 'ys'],
    ['ės', 'ė'],
    ['ų', 'ai'],
  ],
  LV: [
    ['as', 'a'],
    ['a', 's'],
    ['u', 'i'],
    ['es', 'e'],
  ],
  // Greek endings without accents; the most specific first.
  GR: [
    ['αιων', 'α'],
    ['εων', 'α'],
    ['ιου', 'ι'],
    ['εως', 'η'],
    ['ως', 'ας'],
    ['ων', 'ες'],
    ['ων', 'α'],
    ['ου', 'ος'],
    ['ου', 'ο'],
    ['ς', ''],
  ],
};

/** Every nominative a (possibly several-word) genitive may come from, one ending rule per word. */
function nominatives(genitive: string, country: string): string[] {
  const rules = genitiveEndings[country] ?? [];
  const base = country === 'GR' ? genitive.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : genitive;
  const forms = rules.map(([from, to]) =>
    base
      .split(' ')
      .map((word) =>
        word.endsWith(from) && word.length > from.length + 1 ? word.slice(0, -from.length) + to : word,
      )
      .join(' '),
  );
  return forms.filter((form) => form !== base);
}

/**
 * The names a LAU unit may be known by, each with its tier: 1 for its name or its official language
 * variants ("Biel/Bienne"), 2 for forms with qualifiers removed ("Flensburg, Stadt", "Niš - Medijana",
 * "Benken (ZH)", "Vilniaus miesto savivaldybė", "Κοινότητα Κομοτηνής") and the few aliases above.
 */
export function lauNameVariants(
  unit: Pick<LauUnit, 'country' | 'lauId' | 'name'>,
): { name: string; tier: 1 | 2 }[] {
  const variants = new Map<string, 1 | 2>([[unit.name, 1]]);
  const queue = [unit.name];
  const add = (variant: string, tier: 1 | 2) => {
    const trimmed = variant.trim();
    if (trimmed !== '' && !variants.has(trimmed)) {
      variants.set(trimmed, tier);
      queue.push(trimmed);
    }
  };
  for (const alias of unitAliases[`${unit.country}:${unit.lauId}`] ?? []) add(alias, 2);
  const kindSuffix = unitKindSuffixes[unit.country];
  for (let index = 0; index < queue.length && index < 50; index++) {
    const current = queue[index]!;
    const tier = variants.get(current)!;
    const slashParts = current.split('/');
    if (slashParts.length > 1) for (const part of slashParts) add(part, tier);
    if (current.includes('(')) add(current.replace(/\s*\([^)]*\)/gu, ' ').replace(/\s+/gu, ' '), 2);
    const commaParts = current.split(', ');
    if (commaParts.length > 1) {
      add(commaParts[0]!, 2);
      const article = commaParts[1]!;
      if (commaParts.length === 2 && trailingArticles.has(article.toLowerCase().replace(/'$/u, ''))) {
        add(article.endsWith("'") ? `${article}${commaParts[0]}` : `${article} ${commaParts[0]}`, 2);
      }
    }
    const dashParts = current.split(' - ');
    if (dashParts.length > 1) for (const part of dashParts) add(part, 2);
    if (kindSuffix?.test(current)) {
      const bare = current.replace(kindSuffix, '');
      add(bare, 2);
      for (const form of nominatives(bare, unit.country)) add(form, 2);
    }
    if (unit.country === 'GR' && greekCommunityPrefix.test(current)) {
      const bare = current.replace(greekCommunityPrefix, '');
      add(bare, 2);
      for (const form of nominatives(bare, unit.country)) add(form, 2);
    }
  }
  return [...variants].map(([name, tier]) => ({ name, tier }));
}

/**
 * A looser key for matching names across romanisations: the digraphs of English-style romanisations of
 * Cyrillic folded into the Serbian Latin letters the search key uses, "ij" as "i", and no spaces
 * ("Kozloduy" and "Козлодуй" both become "kozloduj", "Probishtip" and "Пробиштип" "probistip",
 * "Provadia" and "Провадия" "provadia").
 */
export function looseKey(searchKey: string): string {
  return searchKey
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/zh/g, 'z')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/y/g, 'j')
    .replace(/ij/g, 'i')
    .replace(/ /g, '');
}

/** Great-circle distance in kilometres. */
export function distanceKm(latA: number, lonA: number, latB: number, lonB: number): number {
  const rad = Math.PI / 180;
  const dLat = (latB - latA) * rad;
  const dLon = (lonB - lonA) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface LauMatchStatistics {
  /** Places in countries that have LAU units. */
  candidates: number;
  matched: number;
  byKind: Record<LauMatchKind, number>;
  /** Namesake units exist, but none within the distance; by the nearest one's distance in km. */
  tooFar: number;
  tooFarNearestKm: Record<string, number>;
  /** No coordinates and several units or several places share the name (France). */
  ambiguous: number;
  noNamesake: number;
  byCountry: Record<string, { places: number; matched: number }>;
}

/**
 * Matches places to LAU units. With coordinates: among the units whose name variants equal one of the
 * place's names, the nearest centre within `maxDistanceKm` wins, tier 1 before tier 2. Without
 * coordinates: only when exactly one unit has the place's default name and no other place of the
 * country has that name.
 */
export function matchPlacesToLau(
  places: readonly MatchablePlace[],
  units: readonly LauUnit[],
  options: LauMatchOptions,
): { matches: Map<number, LauMatch>; statistics: LauMatchStatistics } {
  const { toKey, maxDistanceKm } = options;
  const index = new Map<string, { unit: LauUnit; tier: 1 | 2 }[]>();
  for (const unit of units) {
    const seen = new Set<string>();
    for (const { name, tier } of lauNameVariants(unit)) {
      const key = looseKey(toKey(name));
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const indexKey = `${unit.country}|${key}`;
      const entries = index.get(indexKey) ?? [];
      entries.push({ unit, tier });
      index.set(indexKey, entries);
    }
  }
  const lauCountries = new Set(units.map((unit) => unit.country));

  // Without coordinates, a name shared by two places of the country cannot be given to either.
  const defaultKeyCount = new Map<string, number>();
  for (const place of places) {
    const key = `${place.country}|${looseKey(toKey(place.names[0] ?? ''))}`;
    defaultKeyCount.set(key, (defaultKeyCount.get(key) ?? 0) + 1);
  }

  const matches = new Map<number, LauMatch>();
  const statistics: LauMatchStatistics = {
    candidates: 0,
    matched: 0,
    byKind: { name: 0, 'name-part': 0, 'unique-name': 0 },
    tooFar: 0,
    tooFarNearestKm: {},
    ambiguous: 0,
    noNamesake: 0,
    byCountry: {},
  };
  for (const place of places) {
    if (!lauCountries.has(place.country)) continue;
    statistics.candidates++;
    const country = (statistics.byCountry[place.country] ??= { places: 0, matched: 0 });
    country.places++;
    const match = matchPlace(place);
    if (typeof match === 'string') {
      statistics[match]++;
      continue;
    }
    matches.set(place.geonamesId, match);
    statistics.matched++;
    statistics.byKind[match.kind]++;
    country.matched++;
  }
  return { matches, statistics };

  function matchPlace(place: MatchablePlace): LauMatch | 'tooFar' | 'ambiguous' | 'noNamesake' {
    const candidates = new Map<LauUnit, 1 | 2>();
    for (const name of place.names) {
      for (const { unit, tier } of index.get(`${place.country}|${looseKey(toKey(name))}`) ?? []) {
        candidates.set(unit, Math.min(tier, candidates.get(unit) ?? 2) as 1 | 2);
      }
    }
    if (candidates.size === 0) return 'noNamesake';
    const located = [...candidates].filter(
      ([unit]) => Number.isFinite(unit.latitude) && Number.isFinite(unit.longitude),
    );
    if (located.length === 0) return matchByUniqueName(place);
    let best: { unit: LauUnit; tier: 1 | 2; distance: number } | undefined;
    let nearest = Infinity;
    for (const [unit, tier] of located) {
      const distance = distanceKm(place.latitude, place.longitude, unit.latitude!, unit.longitude!);
      nearest = Math.min(nearest, distance);
      if (!(distance <= maxDistanceKm)) continue;
      if (!best || tier < best.tier || (tier === best.tier && distance < best.distance)) {
        best = { unit, tier, distance };
      }
    }
    if (!best) {
      const bucket = nearest < 20 ? '15-20' : nearest < 30 ? '20-30' : nearest < 50 ? '30-50' : '50+';
      statistics.tooFarNearestKm[bucket] = (statistics.tooFarNearestKm[bucket] ?? 0) + 1;
      return 'tooFar';
    }
    return {
      lauCode: best.unit.lauId,
      nutsCode: best.unit.nuts3,
      kind: best.tier === 1 ? 'name' : 'name-part',
      distanceKm: Math.round(best.distance * 10) / 10,
    };
  }

  function matchByUniqueName(place: MatchablePlace): LauMatch | 'ambiguous' | 'noNamesake' {
    const key = looseKey(toKey(place.names[0] ?? ''));
    const namesakes = index.get(`${place.country}|${key}`) ?? [];
    if (namesakes.length === 0) return 'noNamesake';
    if (namesakes.length > 1 || (defaultKeyCount.get(`${place.country}|${key}`) ?? 0) > 1) return 'ambiguous';
    const { unit } = namesakes[0]!;
    return { lauCode: unit.lauId, nutsCode: unit.nuts3, kind: 'unique-name', distanceKm: null };
  }
}
