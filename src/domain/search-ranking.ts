import { damerauLevenshtein } from './search-key.js';

/**
 * How a query met a name, best first: the whole key; a base form of an inflected query (Beču → Beč);
 * the start of the name; the name with one typo; a name that shares most of its trigrams.
 */
export type MatchKind = 'exact' | 'stem' | 'prefix' | 'typo' | 'fuzzy';

export interface MatchFacts {
  kind: MatchKind;
  /** log10(population + 1) for places and authorities, 0 when unknown. */
  importance: number;
  /** Trigram similarity for fuzzy matches (0..1). */
  similarity?: number;
  /** Whether the hit is one of the registry's own records rather than a bare gazetteer place. */
  isRegistryRecord: boolean;
  /** Relations of a registry record (memberships, partnerships, projects, activities). */
  relations?: number;
  /** Damerau-Levenshtein distance between the query's key and a fuzzy match's key, when known. */
  distance?: number;
  /**
   * Whether the name is none of a place's own names for the reader: not its local (default) name, not its
   * English name, not a name in the reader's language (Latvian `Maskava` for Moscow, to a reader of `en`).
   */
  isForeignName?: boolean;
  /** Whether the query is so short (up to {@link shortQueryLength} characters) that it is likely unfinished. */
  isShortQuery?: boolean;
}

/** Queries of at most this many characters are treated as unfinished words: `Mas` is not the village Mas. */
export const shortQueryLength = 3;

const kindWeights: Record<MatchKind, number> = { exact: 1000, stem: 900, typo: 800, prefix: 700, fuzzy: 400 };

/** A fuzzy match two edits away (Daatmuth → Dartmouth) ranks below every prefix, above other fuzzy ones. */
const twoEditsWeight = 600;
/**
 * An exact match of a short query counts as a completion with a lead of one order of magnitude of
 * population: `Par` proposes Paris before the hamlet Par, but `Nis` Niš before Nishinomiya, twice as large.
 */
const shortExactLead = 10;
/** Five orders of magnitude of population: completions and near misses through exonyms come last. */
const foreignNamePenalty = 50;

/**
 * The rank of a hit: the kind of match decides first, then importance: population, then being a record
 * of the registry with relations. A prefix of three letters finds the largest place whose own name (local,
 * English, or in the reader's language) starts so; uncertain matches (prefixes, typos, fuzzy ones) through
 * names in other languages rank below those through a place's own names.
 */
export function scoreMatch(facts: MatchFacts): number {
  const isShortExact = facts.kind === 'exact' && facts.isShortQuery === true;
  const isTwoEdits = facts.kind === 'fuzzy' && facts.distance !== undefined && facts.distance <= 2;
  const weight = isShortExact
    ? kindWeights.prefix + shortExactLead
    : isTwoEdits
      ? twoEditsWeight
      : kindWeights[facts.kind];
  const similarity = facts.kind === 'fuzzy' ? (facts.similarity ?? 0) * (isTwoEdits ? 50 : 200) : 0;
  const isUncertain = isShortExact || (facts.kind !== 'exact' && facts.kind !== 'stem');
  const foreign = facts.isForeignName && isUncertain ? foreignNamePenalty : 0;
  const registry = facts.isRegistryRecord ? 15 + Math.log10(1 + (facts.relations ?? 0)) * 10 : 0;
  return weight + similarity - foreign + facts.importance * 10 + registry;
}

/** A confidence between 0 and 1 for name resolution: how sure a form or an import may be of a hit. */
export function confidenceOf(kind: MatchKind, similarity = 0, isSoleBest = false): number {
  const base = {
    exact: 0.9,
    stem: 0.8,
    typo: 0.7,
    prefix: 0.5,
    fuzzy: Math.min(0.6, 0.2 + similarity * 0.5),
  }[kind];
  return Math.round(Math.min(1, base + (isSoleBest ? 0.08 : 0)) * 100) / 100;
}

/** Classifies a stored key matched by a query, once the candidate has been found by an index. */
export function classifyMatch(queryKey: string, stems: readonly string[], matchedKey: string): MatchKind {
  if (matchedKey === queryKey) return 'exact';
  if (stems.includes(matchedKey)) return 'stem';
  if (queryKey.length >= 4 && damerauLevenshtein(queryKey, matchedKey, 1) <= 1) return 'typo';
  if (matchedKey.startsWith(queryKey)) return 'prefix';
  return 'fuzzy';
}
