import { analyseQuery, damerauLevenshtein, detectScript, editVariants } from '../../domain/search-key.js';
import {
  classifyMatch,
  confidenceOf,
  scoreMatch,
  shortQueryLength,
  type MatchKind,
} from '../../domain/search-ranking.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import { PlaceIndexHolder, type PlaceIndex } from './place-index.js';
import {
  readPlaceIndex,
  readRecords,
  readSearch,
  registryTypes,
  termsPerKey,
  type TermFilter,
  type TermMatch,
  type Tier,
} from './search.repository.js';
import { rankHits, type Candidate } from './search.presenter.js';
import type {
  ResolveCandidate,
  ResolveQuery,
  ResolveResults,
  SearchHit,
  SearchQuery,
  SearchResults,
} from './search.schemas.js';

/** How many terms starting with the query are considered, most important first. */
const prefixLimit = 60;
/** Low enough for names two edits away (`daatmuth` and `dartmouth` share a quarter of their trigrams). */
const fuzzyThreshold = 0.2;
/** Shorter keys share trigrams with too many names for a trigram search to be telling. */
const fuzzyMinimumLength = 5;
/** How many of the most similar terms a trigram search considers. */
const fuzzyLimit = 40;
/** How often a search starts again when the place terms changed while it ran (an import elsewhere). */
const maxAttempts = 3;

interface TieredMatch {
  match: TermMatch;
  tier: Tier;
  kind: MatchKind;
}

/** The languages whose names are a place's own for a reader: its local (default) name, English, the reader's. */
function primaryLanguagesFor(lang: string | undefined): string[] {
  const reader = lang?.split('-')[0];
  return ['und', 'en', ...(reader && reader !== 'en' ? [reader] : [])];
}

function countEntities(matches: readonly { match: TermMatch }[]): number {
  return new Set(matches.map(({ match }) => `${match.entityType}:${match.entityId}`)).size;
}

interface AnalysedSearch {
  q: string;
  key: string;
  stems: string[];
  isShortQuery: boolean;
  primaryLanguages: string[];
  filter: TermFilter;
  limit: number;
}

/**
 * Places that meet the query, from the in-memory index, through tiers, surest and cheapest first: the
 * query's key and its base forms, and a prefix; one-edit variants of the key only when it meets no
 * name as typed or inflected; trigrams only when nothing close was found and fewer places than the
 * hits asked for. The registry's terms may still meet the query exactly, so the variants and the
 * trigram search are run here as if they will not (they cost little in memory), and
 * {@link keepDecidedTiers} drops them afterwards if they did.
 */
function findPlaceMatches(index: PlaceIndex | undefined, search: AnalysedSearch) {
  const { key, stems, filter, limit } = search;
  const classify = (tier: Tier) => (match: TermMatch) => ({
    match,
    tier,
    kind: classifyMatch(key, stems, match.key),
  });
  const matches: TieredMatch[] = [];
  if (index) {
    matches.push(...index.termsOfKeys([key, ...stems], filter, termsPerKey).map(classify('key')));
    if (key.length >= 2) {
      const completions = index.termsStartingWith(key, prefixLimit, search.primaryLanguages, filter);
      matches.push(...completions.map(classify('prefix')));
    }
  }
  const isMet = matches.some(({ kind }) => kind === 'exact' || kind === 'stem');
  const variants = isMet ? [] : editVariants(key);
  if (index) matches.push(...index.termsOfKeys(variants, filter, termsPerKey).map(classify('variant')));
  const mayBeFuzzy =
    !isMet &&
    !matches.some(({ kind }) => kind === 'typo') &&
    key.length >= fuzzyMinimumLength &&
    countEntities(matches) < limit;
  if (index && mayBeFuzzy) {
    matches.push(...index.similarTerms(key, fuzzyThreshold, fuzzyLimit, filter).map(classify('fuzzy')));
  }
  return { matches, variants, mayBeFuzzy };
}

/**
 * Drops the tiers that should not have run: variants when the query met a name as typed or inflected
 * (it gets completions rather than spelling neighbours after it), trigrams when a close match was found
 * or enough entities without them (a fuzzy match ranks below every prefix, so the skipped trigram
 * search could not change the first hits).
 */
function keepDecidedTiers(matches: TieredMatch[], { key, limit }: AnalysedSearch): TieredMatch[] {
  const isMet = matches.some(
    ({ tier, kind }) => (tier === 'key' || tier === 'prefix') && (kind === 'exact' || kind === 'stem'),
  );
  const withoutVariants = isMet ? matches.filter(({ tier }) => tier !== 'variant') : matches;
  const close = withoutVariants.filter(({ tier }) => tier !== 'fuzzy');
  const isFuzzyWanted =
    !isMet &&
    !close.some(({ kind }) => kind === 'typo') &&
    key.length >= fuzzyMinimumLength &&
    countEntities(close) < limit;
  return isFuzzyWanted ? withoutVariants : close;
}

/** The best-matching term of each entity, with its rank as far as the term alone tells. */
function bestCandidates(matches: readonly TieredMatch[], search: AnalysedSearch): Candidate[] {
  const { key, q, isShortQuery, primaryLanguages } = search;
  // Among an entity's names that meet the query equally, show the one written as the query was.
  const typed = q.trim().toLocaleLowerCase();
  const typedScript = detectScript(q);
  const best = new Map<string, Candidate>();
  for (const { match, kind } of matches) {
    const id = `${match.entityType}:${match.entityId}`;
    const nameScript = detectScript(match.name);
    const facts: Candidate['facts'] = {
      isShortQuery,
      // A query in Cyrillic or Greek shows a reader of that script: its names are theirs too.
      isForeignName:
        match.entityType === 'place' &&
        match.languages.length > 0 &&
        !match.languages.some((language) => primaryLanguages.includes(language)) &&
        !(typedScript !== 'Latn' && nameScript === typedScript),
      ...(kind === 'fuzzy' ? { distance: damerauLevenshtein(key, match.key, 2) } : {}),
    };
    const asTyped = match.name.toLocaleLowerCase() === typed ? 0.5 : nameScript === typedScript ? 0.2 : 0;
    const rank =
      scoreMatch({
        kind,
        importance: match.importance,
        similarity: match.similarity,
        isRegistryRecord: false,
        ...facts,
      }) + asTyped;
    const current = best.get(id);
    if (!current || rank > current.rank)
      best.set(id, { type: match.entityType, id: match.entityId, match, kind, facts, asTyped, rank });
  }
  return [...best.values()];
}

/** The ids of the places among candidates. */
function placeIdsOf(candidates: readonly Candidate[]): number[] {
  return candidates
    .filter((candidate) => candidate.type === 'place')
    .map((candidate) => Number(candidate.id));
}

/** One search over every name of places, organisations, projects and activities, and name resolution. */
export function createSearchService(database: Database) {
  const places = new PlaceIndexHolder(() => readPlaceIndex(database.db));

  /** One attempt at a search with the place index as it is, or the version that proved it stale. */
  async function attempt(
    search: AnalysedSearch,
    index: PlaceIndex | undefined,
    lang: string | undefined,
  ): Promise<{ hits: SearchHit[] } | { staleAt: number }> {
    const { key, stems, filter } = search;
    const found = findPlaceMatches(index, search);
    const types = (filter.types ?? registryTypes).filter((type) =>
      (registryTypes as readonly SearchEntityType[]).includes(type),
    );
    const placeCandidates = bestCandidates(found.matches, search);
    const reading = await readSearch(database.db, {
      registry: {
        types,
        country: filter.country,
        keys: [key, ...stems],
        prefix: key.length >= 2 ? { key, limit: prefixLimit } : undefined,
        variants: found.variants,
        similarTo: found.mayBeFuzzy ? { key, threshold: fuzzyThreshold, limit: fuzzyLimit } : undefined,
      },
      candidatePlaceIds: placeIdsOf(placeCandidates),
    });
    if (index && reading.placesVersion !== index.version) return { staleAt: reading.placesVersion };

    const registryMatches = reading.registryTerms.map(({ tier, ...match }) => ({
      match,
      tier,
      kind: classifyMatch(key, stems, match.key),
    }));
    // Without the registry's terms, the tiers run on the places alone were the decided ones.
    const candidates =
      registryMatches.length === 0
        ? placeCandidates
        : bestCandidates(keepDecidedTiers([...found.matches, ...registryMatches], search), search);
    const idsOf = (type: SearchEntityType) =>
      candidates.filter((candidate) => candidate.type === type).map((candidate) => candidate.id);
    const records = await readRecords(database.db, {
      organisationIds: [
        ...new Set([...idsOf('organisation'), ...reading.representatives.map(({ id }) => id)]),
      ],
      projectIds: idsOf('project'),
      activityIds: idsOf('activity'),
      language: lang?.split('-')[0],
    });
    return { hits: rankHits(candidates, { ...reading, ...records }, { index, lang }) };
  }

  async function rankedHits(
    q: string,
    filter: TermFilter,
    lang: string | undefined,
    limit: number,
  ): Promise<{ key: string; hits: SearchHit[] }> {
    const analysed = analyseQuery(q);
    const { key } = analysed;
    if (key === '') return { key, hits: [] };
    // A query of three letters is an unfinished word more often than an inflected one (`Sai` is not `Saa`).
    const isShortQuery = key.length <= shortQueryLength;
    const search: AnalysedSearch = {
      q,
      key,
      stems: isShortQuery ? [] : analysed.stems,
      isShortQuery,
      primaryLanguages: primaryLanguagesFor(lang),
      filter,
      limit,
    };
    const wantsPlaces = !filter.types || filter.types.includes('place');
    let index = wantsPlaces ? await places.get() : undefined;
    for (let attempts = 1; ; attempts++) {
      const result = await attempt(search, index, lang);
      if ('hits' in result) return { key, hits: result.hits };
      if (attempts === maxAttempts) throw new Error('The place terms kept changing during a search.');
      index = await places.at(result.staleAt);
    }
  }

  return {
    /** Loads the in-memory index of the gazetteer's names now rather than at the first search. */
    async loadIndex(): Promise<void> {
      await places.get();
    },

    async search(_actor: Actor, query: SearchQuery): Promise<SearchResults> {
      const limit = query.limit ?? 10;
      const types = query.types ? (query.types.split(',') as SearchEntityType[]) : undefined;
      const { key, hits } = await rankedHits(query.q, { types, country: query.country }, query.lang, limit);
      return {
        query: { q: query.q, key },
        hits: hits.slice(0, limit),
        facets: {
          type: facetCounts(hits.map((hit) => hit.type)),
          country: facetCounts(hits.map((hit) => hit.country)),
        },
      };
    },

    /**
     * Ranked candidate places and organisations for a name, with a confidence. A country narrows the
     * candidates; when nothing matches there, candidates elsewhere are offered with less confidence.
     */
    async resolve(_actor: Actor, query: ResolveQuery): Promise<ResolveResults> {
      const types = (query.types ?? 'place,organisation').split(',') as SearchEntityType[];
      const limit = query.limit ?? 5;
      let { hits } = await rankedHits(query.name, { types, country: query.country }, query.lang, limit);
      let penalty = 0;
      if (hits.length === 0 && query.country) {
        ({ hits } = await rankedHits(query.name, { types }, query.lang, limit));
        penalty = 0.3;
      }
      const top = hits.slice(0, limit);
      const candidates: ResolveCandidate[] = top.map((hit, index) => {
        const isSoleBest = index === 0 && (top.length === 1 || hit.score - top[1]!.score >= 10);
        const similarity = hit.matched.kind === 'fuzzy' ? Math.max(0, (hit.score - 400) / 400) : 0;
        const confidence = Math.max(
          0,
          confidenceOf(hit.matched.kind as MatchKind, similarity, isSoleBest) - penalty,
        );
        return {
          type: hit.type as 'place' | 'organisation',
          name: hit.name,
          country: hit.country,
          confidence: Math.round(confidence * 100) / 100,
          matched: hit.matched,
          population: hit.population,
          latitude: hit.latitude,
          longitude: hit.longitude,
          ids: hit.ids,
        };
      });
      return { name: query.name, candidates };
    },
  };
}

function facetCounts(values: (string | null)[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export type SearchService = ReturnType<typeof createSearchService>;
