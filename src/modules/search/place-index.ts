import type { TermMatch } from './search.repository.js';
import { createPacer, paceEvery } from '../../platform/pacing.js';
import { TrigramIndex } from './trigram-index.js';

/**
 * The gazetteer in memory: a quarter of a million names of 135,000 places and what a hit shows of each,
 * read-only between imports, searched by every query. Holding them in the server process answers the
 * exact, prefix, one-edit and trigram tiers in well under a millisecond without a database round trip
 * (the embedded database answers one statement at a time). It is read again from the database whenever
 * `search_index_versions` says the places changed (migration 0008), so every server process sees an
 * import by another. See docs/decisions/0012-search-places-in-memory.md.
 */

/** The place terms as the repository reads them, one array per column, one entry per term. */
export interface PlaceTermColumns {
  placeId: Int32Array;
  key: string[];
  importance: Float64Array;
  country: (string | null)[];
  languages: string[][];
  name: string[];
}

/** What a hit shows of each place, sorted by place; its name is its English one, else its local one. */
export interface PlaceDetailColumns {
  placeId: Int32Array;
  name: string[];
  featureCode: (string | null)[];
  country: string[];
  population: Float64Array;
  latitude: Float64Array;
  longitude: Float64Array;
  lauCode: (string | null)[];
  nutsCode: (string | null)[];
}

/** What a hit shows of a place. */
export interface PlaceDetails {
  geonamesId: number;
  name: string;
  featureCode: string | null;
  country: string;
  population: number;
  latitude: number;
  longitude: number;
  lauCode: string | null;
  nutsCode: string | null;
}

/** A country to keep, if any (the term filter of the index; places have no other type). */
export interface PlaceFilter {
  country?: string | undefined;
}

/** A term and its trigram similarity to the query. */
interface Scored {
  term: number;
  similarity: number;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lowerBoundOf(sorted: Int32Array, value: number, order?: Int32Array): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[order ? order[middle]! : middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether the terms are in the index's order already (the repository reads them so). */
function isSorted(terms: PlaceTermColumns): boolean {
  const { key, importance } = terms;
  for (let term = 1; term < key.length; term++) {
    if (key[term - 1]! > key[term]!) return false;
    if (key[term - 1] === key[term] && importance[term - 1]! < importance[term]!) return false;
  }
  return true;
}

/**
 * Puts the terms in the index's order: by key in code-unit order (a native sort of the distinct keys),
 * then the more important first. Returns the distinct keys in that order.
 */
function sortTerms(terms: PlaceTermColumns): string[] {
  if (isSorted(terms)) return terms.key.filter((key, term) => term === 0 || key !== terms.key[term - 1]);
  const termsOfKey = new Map<string, number[]>();
  terms.key.forEach((key, term) => {
    const list = termsOfKey.get(key);
    if (list) list.push(term);
    else termsOfKey.set(key, [term]);
  });
  const keys = [...termsOfKey.keys()].sort();
  const order: number[] = [];
  for (const key of keys) {
    const list = termsOfKey.get(key)!;
    if (list.length > 1) list.sort((a, b) => terms.importance[b]! - terms.importance[a]!);
    for (const term of list) order.push(term);
  }
  const permute = <T>(values: ArrayLike<T>) => order.map((term) => values[term]!);
  terms.placeId.set(permute(terms.placeId));
  terms.importance.set(permute(terms.importance));
  terms.key = permute(terms.key);
  terms.country = permute(terms.country);
  terms.languages = permute(terms.languages);
  terms.name = permute(terms.name);
  return keys;
}

/** Languages whose names are a place's own for every reader: its local name (`und`), its English one. */
const ownLanguages: readonly string[] = ['und', 'en'];

/** More than the terms the index may hold (a quarter of a million today). */
const termSpan = 2 ** 21;

/** What the index derives from the terms, once. */
interface IndexParts {
  keys: string[];
  keyStart: Int32Array;
  keyNumbers: Map<string, number>;
  termsByPlace: Int32Array;
  trigrams: TrigramIndex;
  isOwnName: Uint8Array;
}

/** The gazetteer's place terms, searchable by key, prefix, and trigram similarity. */
export class PlaceIndex {
  /** Distinct keys in code-unit order; the terms of key k are `keyStart[k]` to `keyStart[k + 1]`. */
  private readonly keys: string[];
  private readonly keyStart: Int32Array;
  /** Each distinct key's number: a thousand one-edit variants are looked up per misspelt query. */
  private readonly keyNumbers: Map<string, number>;
  /** Term numbers in place order, to find a place's names. */
  private readonly termsByPlace: Int32Array;
  private readonly trigrams: TrigramIndex;
  /** Whether a term is a name of the place's own for every reader: its local name or its English one. */
  private readonly isOwnName: Uint8Array;

  private constructor(
    readonly version: number,
    private readonly terms: PlaceTermColumns,
    private readonly places: PlaceDetailColumns,
    parts: IndexParts,
  ) {
    this.keys = parts.keys;
    this.keyStart = parts.keyStart;
    this.keyNumbers = parts.keyNumbers;
    this.termsByPlace = parts.termsByPlace;
    this.trigrams = parts.trigrams;
    this.isOwnName = parts.isOwnName;
  }

  /**
   * Builds the index: half a second of work for the whole gazetteer, done in slices (`pace` yields to the
   * event loop now and then) so that a server answers requests meanwhile.
   * @param version The `places` version of `search_index_versions` that the terms were read at.
   * @param terms In any order: they are sorted here, by key and then importance (unless they already are).
   * @param places Sorted by place.
   */
  static async build(
    version: number,
    terms: PlaceTermColumns,
    places: PlaceDetailColumns,
    pace: () => Promise<void> = createPacer(),
  ): Promise<PlaceIndex> {
    for (let position = 1; position < places.placeId.length; position++) {
      if (places.placeId[position - 1]! >= places.placeId[position]!)
        throw new Error('The places’ details must be sorted by place.');
    }
    const keys = sortTerms(terms);
    const count = terms.key.length;
    if (count >= termSpan) throw new Error(`Too many place terms for the index (${count}).`);
    await pace();

    const keyStart = new Int32Array(keys.length + 1);
    const keyNumbers = new Map<string, number>();
    let keyNumber = -1;
    for (let term = 0; term < count; term++) {
      if (term % paceEvery === 0) await pace();
      if (term === 0 || terms.key[term] !== terms.key[term - 1]) {
        keyNumber++;
        keyStart[keyNumber] = term;
        keyNumbers.set(terms.key[term]!, keyNumber);
      }
    }
    keyStart[keys.length] = count;
    await pace();

    // Sorted as numbers place * 2^21 + term (exact in a double), which needs no comparison function.
    const byPlace = new Float64Array(count);
    for (let term = 0; term < count; term++) byPlace[term] = terms.placeId[term]! * termSpan + term;
    byPlace.sort();
    const termsByPlace = new Int32Array(count);
    for (let position = 0; position < count; position++)
      termsByPlace[position] = byPlace[position]! % termSpan;
    await pace();

    const trigrams = await TrigramIndex.build(keys, pace);
    const isOwnName = new Uint8Array(count);
    for (let term = 0; term < count; term++) {
      const languages = terms.languages[term]!;
      const isOwn = languages.length === 0 || languages.some((language) => ownLanguages.includes(language));
      isOwnName[term] = isOwn ? 1 : 0;
    }
    return new PlaceIndex(version, terms, places, {
      keys,
      keyStart,
      keyNumbers,
      termsByPlace,
      trigrams,
      isOwnName,
    });
  }

  get size(): number {
    return this.terms.key.length;
  }

  private matchOf(term: number, similarity?: number): TermMatch {
    const { terms } = this;
    const match: TermMatch = {
      entityType: 'place',
      entityId: String(terms.placeId[term]),
      name: terms.name[term]!,
      languages: terms.languages[term]!,
      key: terms.key[term]!,
      importance: terms.importance[term]!,
      country: terms.country[term] ?? null,
    };
    if (similarity !== undefined) match.similarity = similarity;
    return match;
  }

  private isWanted(term: number, filter: PlaceFilter): boolean {
    return !filter.country || this.terms.country[term] === filter.country;
  }

  private keyNumberOf(key: string): number | undefined {
    return this.keyNumbers.get(key);
  }

  /** The terms of each key, at most `perKey` of each, most important first. */
  termsOfKeys(keys: readonly string[], filter: PlaceFilter, perKey: number): TermMatch[] {
    const matches: TermMatch[] = [];
    for (const key of new Set(keys)) {
      const keyNumber = this.keyNumberOf(key);
      if (keyNumber === undefined) continue;
      let taken = 0;
      for (
        let term = this.keyStart[keyNumber]!;
        term < this.keyStart[keyNumber + 1]! && taken < perKey;
        term++
      ) {
        if (!this.isWanted(term, filter)) continue;
        matches.push(this.matchOf(term));
        taken++;
      }
    }
    return matches;
  }

  /**
   * The `limit` most important terms whose key starts with `prefix`, a place's own names first: names
   * of no language, in `und` (local) or `en`, and in any of `primaryLanguages` (the reader's).
   */
  termsStartingWith(
    prefix: string,
    limit: number,
    primaryLanguages: readonly string[],
    filter: PlaceFilter,
  ): TermMatch[] {
    const { terms } = this;
    const others = primaryLanguages.filter((language) => !ownLanguages.includes(language));
    // The best `limit` so far in a heap, worst at the root; rank = (own name ? 1000 : 0) + importance.
    const ranks = new Float64Array(limit);
    const heap = new Int32Array(limit);
    let size = 0;
    const isWorse = (a: number, b: number) =>
      ranks[a]! < ranks[b]! || (ranks[a] === ranks[b] && heap[a]! > heap[b]!);
    const swap = (a: number, b: number) => {
      [ranks[a], ranks[b]] = [ranks[b]!, ranks[a]!];
      [heap[a], heap[b]] = [heap[b]!, heap[a]!];
    };
    for (
      let keyNumber = lowerBound(this.keys, prefix);
      this.keys[keyNumber]?.startsWith(prefix);
      keyNumber++
    ) {
      for (let term = this.keyStart[keyNumber]!; term < this.keyStart[keyNumber + 1]!; term++) {
        if (!this.isWanted(term, filter)) continue;
        const isPrimary =
          this.isOwnName[term] === 1 || others.some((language) => terms.languages[term]!.includes(language));
        const rank = (isPrimary ? 1000 : 0) + terms.importance[term]!;
        let at: number;
        if (size < limit) {
          at = size++;
          ranks[at] = rank;
          heap[at] = term;
          // Sift up.
          while (at > 0 && isWorse(at, (at - 1) >> 1)) {
            swap(at, (at - 1) >> 1);
            at = (at - 1) >> 1;
          }
        } else if (rank > ranks[0]!) {
          ranks[0] = rank;
          heap[0] = term;
          // Sift down.
          for (at = 0; ;) {
            const left = 2 * at + 1;
            const right = left + 1;
            let worst = at;
            if (left < size && isWorse(left, worst)) worst = left;
            if (right < size && isWorse(right, worst)) worst = right;
            if (worst === at) break;
            swap(at, worst);
            at = worst;
          }
        }
      }
    }
    const order = Array.from({ length: size }, (_, position) => position).sort(
      (a, b) => ranks[b]! - ranks[a]! || heap[a]! - heap[b]!,
    );
    return order.map((position) => this.matchOf(heap[position]!));
  }

  /**
   * The `limit` terms whose keys share at least `threshold` of their trigrams with `key` (pg_trgm's
   * similarity), most similar first, then most important.
   */
  similarTerms(key: string, threshold: number, limit: number, filter: PlaceFilter): TermMatch[] {
    const scored: Scored[] = [];
    for (const { keyNumber, similarity } of this.trigrams.similarKeys(key, threshold)) {
      for (let term = this.keyStart[keyNumber]!; term < this.keyStart[keyNumber + 1]!; term++) {
        if (this.isWanted(term, filter)) scored.push({ term, similarity });
      }
    }
    const { importance } = this.terms;
    scored.sort((a, b) => b.similarity - a.similarity || importance[b.term]! - importance[a.term]!);
    return scored.slice(0, limit).map(({ term, similarity }) => this.matchOf(term, similarity));
  }

  /** Every name of a place with the languages that write it so. */
  namesOf(placeId: number): { name: string; languages: string[] }[] {
    const { terms, termsByPlace } = this;
    const names = new Map<string, string[]>();
    for (
      let position = lowerBoundOf(terms.placeId, placeId, termsByPlace);
      position < termsByPlace.length && terms.placeId[termsByPlace[position]!] === placeId;
      position++
    ) {
      const term = termsByPlace[position]!;
      names.set(terms.name[term]!, terms.languages[term]!);
    }
    return [...names].map(([name, languages]) => ({ name, languages }));
  }

  /** What a hit shows of a place, if the gazetteer holds it. */
  detailsOf(placeId: number): PlaceDetails | undefined {
    const { places } = this;
    const position = lowerBoundOf(places.placeId, placeId);
    if (places.placeId[position] !== placeId) return undefined;
    return {
      geonamesId: placeId,
      name: places.name[position]!,
      featureCode: places.featureCode[position] ?? null,
      country: places.country[position]!,
      population: places.population[position]!,
      latitude: places.latitude[position]!,
      longitude: places.longitude[position]!,
      lauCode: places.lauCode[position] ?? null,
      nutsCode: places.nutsCode[position] ?? null,
    };
  }
}

/**
 * The index of one database: loaded on first use, and loaded again, once for every concurrent caller,
 * when a search reads a newer version of the place terms than the index holds.
 */
export class PlaceIndexHolder {
  private current: PlaceIndex | undefined;
  private loading: Promise<PlaceIndex> | undefined;

  constructor(private readonly load: () => Promise<PlaceIndex>) {}

  /** The index, loading it if none is held yet. */
  get(): Promise<PlaceIndex> {
    return this.current ? Promise.resolve(this.current) : this.reload();
  }

  /** The index of the place terms at `version`: the held one if it is of that version, else a fresh one. */
  at(version: number): Promise<PlaceIndex> {
    return this.current?.version === version ? Promise.resolve(this.current) : this.reload();
  }

  private reload(): Promise<PlaceIndex> {
    this.loading ??= this.load().then(
      (index) => {
        this.current = index;
        this.loading = undefined;
        return index;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
