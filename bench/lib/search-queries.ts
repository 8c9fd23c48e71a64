/**
 * The search benchmark's query set: queries of seven kinds generated from the imported gazetteer with a
 * seeded generator, each with its right answer (a GeoNames id). The definitions are fixed; they describe
 * what a reader types, not what the search engine happens to do.
 */
import { toSearchKey } from '../../src/domain/search-key.js';
import type { Random } from './prng.js';

export const queryKinds = [
  'exact',
  'prefix',
  'cyrillic',
  'no-diacritics',
  'exonym',
  'inflected',
  'typo',
] as const;
export type QueryKind = (typeof queryKinds)[number];

/** What each kind of query is, for the report. */
export const queryKindDefinitions: Record<QueryKind, string> = {
  exact: "the target's English name (its default name when it has none)",
  prefix:
    "the first three letters of a sampled target's English name; the right answer is the most populous place whose English or default name starts with those letters (compared as search keys, ignoring case and diacritics). It measures that completion proposes the largest place",
  cyrillic: "one of the target's Cyrillic names (sr, bg, mk, ru or uk)",
  'no-diacritics':
    "the target's local or English name with its diacritics removed, for targets whose name has some (Niš → Nis, Kraków → Krakow)",
  exonym:
    "a Latin-script name of the target in another language whose search key differs from the English and default names' (Beč, Dunaj, Lisabon)",
  inflected:
    'a South Slavic locative of the target\'s one-word hr/sr/bs/sl Latin name, half of them after "u " (hr, sr, bs) or "v " (sl): -ica → -ici, -a → -i, -o/-e → -u, consonant → +u (Sofija → Sofiji, Sarajevo → Sarajevu, Zagreb → Zagrebu)',
  typo: "the target's English name of 6+ characters with one random edit (substitution, transposition or deletion, never of the first letter); names of 9+ characters get two edits half of the time",
};

/** A place of the gazetteer as the generator needs it. */
export interface PlaceRow {
  geonamesId: number;
  name: string;
  nameEn: string | null;
  population: number;
}

/** One name of a place in the search index, with the languages that write it so. */
export interface PlaceNameRow {
  geonamesId: number;
  name: string;
  languages: string[];
}

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  /** GeoNames id of the right answer. */
  target: number;
  /** The target's English name, for reports. */
  targetName: string;
}

export interface QuerySet {
  queries: BenchQuery[];
  /** Places with population ≥ 15,000. */
  populousPlaces: number;
  /** Of those, places whose English name a larger place shares (no single right answer without a country). */
  sharedNameExclusions: number;
  /** Targets eligible for each kind. */
  eligible: Record<QueryKind, number>;
}

export const minimumTargetPopulation = 15_000;
const cyrillicLanguages = new Set(['sr', 'bg', 'mk', 'ru', 'uk']);
const southSlavicLatinLanguages = new Set(['hr', 'sr', 'bs', 'sl']);
const lowerLetters = 'abcdefghijklmnopqrstuvwxyz';

const englishName = (place: PlaceRow): string => place.nameEn ?? place.name;

/** Letters without a combining mark that still carry a diacritic. */
const strippedLetters: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

/** A name with its diacritics removed: Niš → Nis, Łódź → Lodz. */
export function removeDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁđĐøØıħĦ]/g, (letter) => strippedLetters[letter]!)
    .normalize('NFC');
}

function hasDiacritics(name: string): boolean {
  return removeDiacritics(name) !== name.normalize('NFC');
}

function isCyrillicName(name: string): boolean {
  return /\p{Script=Cyrillic}/u.test(name) && !/\p{Script=Latin}/u.test(name);
}

function isLatinName(name: string): boolean {
  return /\p{Script=Latin}/u.test(name) && /^[\p{Script=Latin}\p{M}\p{N}\p{Zs}\p{P}]+$/u.test(name);
}

/**
 * The South Slavic locative of a one-word name by the benchmark's rules, or undefined when no rule
 * applies (a name ending in -i, -u, a digit...).
 */
export function locativeOf(name: string): string | undefined {
  if (!/^\p{L}+$/u.test(name) || name.length < 3) return undefined;
  const lower = name.toLowerCase();
  if (lower.endsWith('ica')) return `${name.slice(0, -1)}i`;
  if (lower.endsWith('a')) return `${name.slice(0, -1)}i`;
  if (lower.endsWith('o') || lower.endsWith('e')) return `${name.slice(0, -1)}u`;
  const last = removeDiacritics(lower.at(-1)!);
  if (/^[a-z]$/.test(last) && !'aeiouy'.includes(last)) return `${name}u`;
  return undefined;
}

/** One random edit of a name at a position after the first letter, or undefined when none is possible. */
function randomEdit(name: string[], random: Random): string[] | undefined {
  const isLetter = (index: number) => /\p{L}/u.test(name[index] ?? '');
  const operation = random.pick(['substitution', 'transposition', 'deletion'] as const);
  for (let attempt = 0; attempt < 20; attempt++) {
    const index = random.integer(1, name.length - 1);
    if (!isLetter(index)) continue;
    const edited = [...name];
    if (operation === 'deletion') {
      edited.splice(index, 1);
    } else if (operation === 'substitution') {
      const current = name[index]!.toLowerCase();
      const replacement = random.pick([...lowerLetters].filter((letter) => letter !== current));
      edited[index] = replacement;
    } else {
      if (!isLetter(index + 1) || name[index]!.toLowerCase() === name[index + 1]!.toLowerCase()) continue;
      [edited[index], edited[index + 1]] = [name[index + 1]!, name[index]!];
    }
    return edited;
  }
  return undefined;
}

/** The English name with one or two edits; undefined for names shorter than six characters. */
export function typoOf(name: string, random: Random): string | undefined {
  const letters = [...name];
  if (letters.length < 6) return undefined;
  const edits = letters.length >= 9 && random.next() < 0.5 ? 2 : 1;
  for (let attempt = 0; attempt < 10; attempt++) {
    let edited: string[] | undefined = letters;
    for (let edit = 0; edit < edits && edited; edit++) edited = randomEdit(edited, random);
    if (edited && toSearchKey(edited.join('')) !== toSearchKey(name)) return edited.join('');
  }
  return undefined;
}

/** How many queries of each kind make `total`: 1,000 → 143 of the first six kinds and 142 typos. */
function kindCounts(total: number): Record<QueryKind, number> {
  const base = Math.floor(total / queryKinds.length);
  const extra = total % queryKinds.length;
  return Object.fromEntries(
    queryKinds.map((kind, index) => [kind, base + (index < extra ? 1 : 0)]),
  ) as Record<QueryKind, number>;
}

/**
 * Generates `total` queries from the gazetteer's places (all of them) and the names of the populous ones.
 * Everything is sorted by GeoNames id before sampling, so the set depends only on the data and the seed.
 */
export function generateQueries(
  allPlaces: readonly PlaceRow[],
  names: readonly PlaceNameRow[],
  random: Random,
  total = 1000,
): QuerySet {
  const places = [...allPlaces].sort((a, b) => a.geonamesId - b.geonamesId);
  const byId = new Map(places.map((place) => [place.geonamesId, place]));

  // Targets: populous places that are the most populous place of their English name.
  const largestByEnglishKey = new Map<string, { population: number; count: number }>();
  for (const place of places) {
    const key = toSearchKey(englishName(place));
    const current = largestByEnglishKey.get(key);
    if (!current || place.population > current.population)
      largestByEnglishKey.set(key, { population: place.population, count: 1 });
    else if (place.population === current.population) current.count++;
  }
  const populous = places.filter((place) => place.population >= minimumTargetPopulation);
  const targets = populous.filter((place) => {
    const largest = largestByEnglishKey.get(toSearchKey(englishName(place)))!;
    return largest.population === place.population && largest.count === 1;
  });

  const namesById = new Map<number, PlaceNameRow[]>();
  for (const row of [...names].sort((a, b) => a.geonamesId - b.geonamesId || a.name.localeCompare(b.name))) {
    const list = namesById.get(row.geonamesId) ?? [];
    list.push(row);
    namesById.set(row.geonamesId, list);
  }
  const namesOf = (place: PlaceRow) => namesById.get(place.geonamesId) ?? [];

  const counts = kindCounts(total);
  const queries: BenchQuery[] = [];
  const eligible = {} as Record<QueryKind, number>;
  const add = (kind: QueryKind, place: PlaceRow, q: string) =>
    queries.push({ kind, q, target: place.geonamesId, targetName: englishName(place) });

  // The names each kind may use for a target (none: the target is not eligible for that kind).
  const cyrillicNames = (place: PlaceRow) =>
    namesOf(place)
      .filter((row) => isCyrillicName(row.name) && row.languages.some((code) => cyrillicLanguages.has(code)))
      .map((row) => row.name);
  const namesWithDiacritics = (place: PlaceRow) =>
    [...new Set([place.name, englishName(place)])].filter(hasDiacritics);
  const exonyms = (place: PlaceRow) => {
    const own = new Set([toSearchKey(place.name), toSearchKey(englishName(place))]);
    return namesOf(place)
      .filter(
        (row) =>
          isLatinName(row.name) &&
          row.languages.some((code) => code !== 'en' && code !== 'und') &&
          !own.has(toSearchKey(row.name)),
      )
      .map((row) => row.name);
  };
  const locatives = (place: PlaceRow) =>
    namesOf(place).flatMap((row) => {
      const languages = row.languages.filter((code) => southSlavicLatinLanguages.has(code));
      const locative = isLatinName(row.name) ? locativeOf(row.name) : undefined;
      return languages.length && locative ? [{ locative, languages }] : [];
    });

  const generators: Record<
    Exclude<QueryKind, 'prefix'>,
    { isEligible(place: PlaceRow): boolean; make(place: PlaceRow): string | undefined }
  > = {
    exact: { isEligible: () => true, make: (place) => englishName(place) },
    cyrillic: {
      isEligible: (place) => cyrillicNames(place).length > 0,
      make: (place) => random.pick(cyrillicNames(place)),
    },
    'no-diacritics': {
      isEligible: (place) => namesWithDiacritics(place).length > 0,
      make: (place) => removeDiacritics(random.pick(namesWithDiacritics(place))),
    },
    exonym: {
      isEligible: (place) => exonyms(place).length > 0,
      make: (place) => random.pick(exonyms(place)),
    },
    inflected: {
      isEligible: (place) => locatives(place).length > 0,
      make: (place) => {
        const { locative, languages } = random.pick(locatives(place));
        if (random.next() < 0.5) return locative;
        return `${random.pick(languages) === 'sl' ? 'v' : 'u'} ${locative}`;
      },
    },
    typo: {
      isEligible: (place) => [...englishName(place)].length >= 6,
      make: (place) => typoOf(englishName(place), random),
    },
  };

  for (const kind of queryKinds) {
    if (kind === 'prefix') continue;
    const { isEligible, make } = generators[kind];
    const candidates = targets.filter(isEligible);
    eligible[kind] = candidates.length;
    let made = 0;
    for (const place of random.sample(candidates, candidates.length)) {
      if (made >= counts[kind]) break;
      const q = make(place);
      if (q === undefined) continue;
      add(kind, place, q);
      made++;
    }
  }

  // Prefix: three letters of a target's English name; the answer is the largest place starting so.
  const startKeys = places.map(
    (place) => [toSearchKey(englishName(place)), toSearchKey(place.name)] as const,
  );
  const largestStartingWith = (prefixKey: string): PlaceRow | undefined => {
    let best: PlaceRow | undefined;
    let isTied = false;
    places.forEach((place, index) => {
      const [english, local] = startKeys[index]!;
      if (!english.startsWith(prefixKey) && !local.startsWith(prefixKey)) return;
      if (!best || place.population > best.population) {
        best = place;
        isTied = false;
      } else if (place.population === best.population) isTied = true;
    });
    return isTied ? undefined : best;
  };
  const prefixCandidates = targets.filter((place) => /^\p{L}{3}/u.test(englishName(place)));
  eligible.prefix = prefixCandidates.length;
  const usedPrefixes = new Set<string>();
  for (const place of random.sample(prefixCandidates, prefixCandidates.length)) {
    if (usedPrefixes.size >= counts.prefix) break;
    const prefix = [...englishName(place)].slice(0, 3).join('');
    const prefixKey = toSearchKey(prefix);
    if (usedPrefixes.has(prefixKey)) continue;
    usedPrefixes.add(prefixKey);
    const answer = largestStartingWith(prefixKey);
    if (answer) add('prefix', byId.get(answer.geonamesId)!, prefix);
    else usedPrefixes.delete(prefixKey);
  }

  queries.sort((a, b) => queryKinds.indexOf(a.kind) - queryKinds.indexOf(b.kind));
  return {
    queries,
    populousPlaces: populous.length,
    sharedNameExclusions: populous.length - targets.length,
    eligible,
  };
}
