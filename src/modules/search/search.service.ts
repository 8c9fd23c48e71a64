import { sql } from 'kysely';
import { analyseQuery, damerauLevenshtein, detectScript, editVariants } from '../../domain/search-key.js';
import {
  classifyMatch,
  confidenceOf,
  scoreMatch,
  shortQueryLength,
  type MatchFacts,
  type MatchKind,
} from '../../domain/search-ranking.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import {
  findFuzzyMatches,
  findTermsByKeys,
  findTermsByKeysOrPrefix,
  type TermFilter,
  type TermMatch,
} from './search.repository.js';
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
/** Shorter keys share trigrams with too many names for a trigram search to be quick or telling. */
const fuzzyMinimumLength = 5;

interface Candidate {
  type: SearchEntityType;
  id: string;
  match: TermMatch;
  kind: MatchKind;
  /** What the ranking knows of the match itself, before the entity's details are loaded. */
  facts: Pick<MatchFacts, 'distance' | 'isForeignName' | 'isShortQuery'>;
  /** A small preference for the name written as the query was (same spelling, else same script). */
  asTyped: number;
}

/** The languages whose names are a place's own for a reader: its local (default) name, English, the reader's. */
function primaryLanguagesFor(lang: string | undefined): string[] {
  const reader = lang?.split('-')[0];
  return ['und', 'en', ...(reader && reader !== 'en' ? [reader] : [])];
}

function countEntities(matches: readonly { match: TermMatch }[]): number {
  return new Set(matches.map(({ match }) => `${match.entityType}:${match.entityId}`)).size;
}

/**
 * The best-matching term of each entity, through tiers of index reads, surest and cheapest first: the
 * query's key and its base forms (btree probes) and a prefix (a btree range); one-edit variants of the
 * key only when it meets no name as typed or inflected (a thousand probes for a long name, so not for
 * every query); trigrams (the slowest) only when nothing close was found and fewer entities than `limit`.
 * A query that meets a name as typed gets completions rather than spelling neighbours after it; a fuzzy
 * match ranks below every prefix, so the skipped trigram search could not change the first `limit` hits
 * (facets then count the hits found without it).
 */
async function findCandidates(
  db: Executor,
  q: string,
  filter: TermFilter,
  { lang, limit }: { lang: string | undefined; limit: number },
): Promise<{ key: string; candidates: Candidate[] }> {
  const analysed = analyseQuery(q);
  const { key } = analysed;
  if (key === '') return { key, candidates: [] };
  // A query of three letters is an unfinished word more often than an inflected one (`Sai` is not `Saa`).
  const isShortQuery = key.length <= shortQueryLength;
  const stems = isShortQuery ? [] : analysed.stems;
  const primaryLanguages = primaryLanguagesFor(lang);
  const classify = (matches: TermMatch[]) =>
    matches.map((match) => ({ match, kind: classifyMatch(key, stems, match.key) }));
  const keys = [key, ...stems];
  const classified = classify(
    key.length >= 2
      ? await findTermsByKeysOrPrefix(db, { keys, prefix: key, prefixLimit, primaryLanguages, filter })
      : await findTermsByKeys(db, { keys, filter }),
  );
  // Spelling help for a query that meets no name as typed or inflected: its one-edit variants.
  const isMet = classified.some(({ kind }) => kind === 'exact' || kind === 'stem');
  if (!isMet) classified.push(...classify(await findTermsByKeys(db, { keys: editVariants(key), filter })));
  const hasCloseMatch = isMet || classified.some(({ kind }) => kind === 'typo');
  if (!hasCloseMatch && key.length >= fuzzyMinimumLength && countEntities(classified) < limit) {
    classified.push(
      ...classify(await findFuzzyMatches(db, { key, threshold: fuzzyThreshold, limit: 40, filter })),
    );
  }
  // Among an entity's names that meet the query equally, show the one written as the query was.
  const typed = q.trim().toLocaleLowerCase();
  const typedScript = detectScript(q);
  const best = new Map<string, Candidate & { rank: number }>();
  for (const { match, kind } of classified) {
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
  return { key, candidates: [...best.values()] };
}

interface Details {
  name: string;
  kind: string | null;
  country: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  ids: SearchHit['ids'];
  isRegistryRecord: boolean;
  relations: number;
}

const noIds = {
  geonamesId: null,
  organisationId: null,
  slug: null,
  wikidataId: null,
  lauCode: null,
  nutsCode: null,
};

/** Names of entities in a reader's language, where the index knows one. */
async function namesInLanguage(
  db: Executor,
  type: SearchEntityType,
  ids: string[],
  lang: string | undefined,
): Promise<Map<string, string>> {
  if (!lang || ids.length === 0) return new Map();
  const language = lang.split('-')[0]!;
  const wantsCyrillic = lang.endsWith('-Cyrl');
  const rows = await db
    .selectFrom('searchTerms')
    .select(['entityId', 'name'])
    .distinct()
    .where('entityType', '=', type)
    .where('entityId', 'in', ids)
    .where(sql<boolean>`${language} = any(languages)`)
    .execute();
  const names = new Map<string, string>();
  for (const { entityId, name } of rows) {
    const isCyrillic = /\p{Script=Cyrillic}/u.test(name);
    if (!names.has(entityId) || isCyrillic === wantsCyrillic) names.set(entityId, name);
  }
  return names;
}

interface LoadedDetails {
  details: Map<string, Details>;
  /** Places (`place:<geonamesId>`) that an organisation of the registry represents, with its id. */
  representedBy: Map<string, string>;
}

/** Loads what a hit shows about each candidate, in a fixed number of queries. */
async function loadDetails(
  db: Executor,
  candidates: Candidate[],
  lang: string | undefined,
): Promise<LoadedDetails> {
  const idsOf = (type: SearchEntityType) =>
    candidates.filter((candidate) => candidate.type === type).map((candidate) => candidate.id);
  const placeIds = idsOf('place').map(Number);
  const details = new Map<string, Details>();

  // A place that an organisation of the registry represents is shown as that organisation.
  const places = placeIds.length
    ? await db
        .selectFrom('places')
        .leftJoin('organisations', 'organisations.geonamesId', 'places.geonamesId')
        .selectAll('places')
        .select('organisations.id as representedBy')
        .where('places.geonamesId', 'in', placeIds)
        .execute()
    : [];
  const representing = places.flatMap(({ representedBy, geonamesId }) =>
    representedBy ? [{ id: representedBy, geonamesId }] : [],
  );
  const organisationIds = [...new Set([...idsOf('organisation'), ...representing.map((row) => row.id)])];

  const [organisations, relationCounts, projects, activities, placeNames, organisationNames] =
    await Promise.all([
      organisationIds.length
        ? db.selectFrom('organisations').selectAll().where('id', 'in', organisationIds).execute()
        : [],
      organisationIds.length
        ? sql<{ id: string; count: number }>`
          select id, count(*)::int as count from (
            select member_id as id from memberships where member_id in (${sql.join(organisationIds)})
            union all select organisation_id from memberships where organisation_id in (${sql.join(organisationIds)})
            union all select organisation_a_id from partnerships where organisation_a_id in (${sql.join(organisationIds)})
            union all select organisation_b_id from partnerships where organisation_b_id in (${sql.join(organisationIds)})
            union all select organisation_id from project_partners where organisation_id in (${sql.join(organisationIds)})
            union all select organisation_id from activity_participants where organisation_id in (${sql.join(organisationIds)})
          ) as ties group by id`
            .execute(db)
            .then((result) => result.rows)
        : [],
      idsOf('project').length
        ? db
            .selectFrom('projects')
            .select(['id', 'slug', 'displayTitle', 'status'])
            .where('id', 'in', idsOf('project'))
            .execute()
        : [],
      idsOf('activity').length
        ? db
            .selectFrom('activities')
            .select(['id', 'displayTitle', 'type', 'country'])
            .where('id', 'in', idsOf('activity'))
            .execute()
        : [],
      namesInLanguage(db, 'place', placeIds.map(String), lang),
      namesInLanguage(db, 'organisation', organisationIds, lang),
    ]);
  const relations = new Map(relationCounts.map((row) => [row.id, row.count]));

  for (const place of places) {
    details.set(`place:${place.geonamesId}`, {
      name: placeNames.get(String(place.geonamesId)) ?? place.nameEn ?? place.name,
      kind: place.featureCode,
      country: place.country,
      population: place.population,
      latitude: place.latitude,
      longitude: place.longitude,
      ids: { ...noIds, geonamesId: place.geonamesId, lauCode: place.lauCode, nutsCode: place.nutsCode },
      isRegistryRecord: false,
      relations: 0,
    });
  }
  for (const organisation of organisations) {
    details.set(`organisation:${organisation.id}`, {
      name: organisationNames.get(organisation.id) ?? organisation.displayName,
      kind: organisation.kind,
      country: organisation.country,
      population: organisation.population,
      latitude: organisation.latitude,
      longitude: organisation.longitude,
      ids: {
        geonamesId: organisation.geonamesId,
        organisationId: organisation.id,
        slug: organisation.slug,
        wikidataId: organisation.wikidataId,
        lauCode: organisation.lauCode,
        nutsCode: organisation.nutsCode,
      },
      isRegistryRecord: true,
      relations: relations.get(organisation.id) ?? 0,
    });
  }
  for (const project of projects) {
    details.set(`project:${project.id}`, {
      name: project.displayTitle,
      kind: project.status,
      country: null,
      population: null,
      latitude: null,
      longitude: null,
      ids: { ...noIds, slug: project.slug },
      isRegistryRecord: true,
      relations: 0,
    });
  }
  for (const activity of activities) {
    details.set(`activity:${activity.id}`, {
      name: activity.displayTitle,
      kind: activity.type,
      country: activity.country,
      population: null,
      latitude: null,
      longitude: null,
      ids: noIds,
      isRegistryRecord: true,
      relations: 0,
    });
  }
  const representedBy = new Map(representing.map(({ id, geonamesId }) => [`place:${geonamesId}`, id]));
  return { details, representedBy };
}

interface RankedHit extends SearchHit {
  entityKey: string;
}

/** Scores candidates with their details, folds places into the organisations that represent them. */
/** Languages named in a hit's label before others: the region's, then the widely read ones. */
const labelLanguages = [
  'en',
  'hr',
  'sr',
  'bs',
  'cnr',
  'sl',
  'mk',
  'bg',
  'de',
  'fr',
  'it',
  'es',
  'ru',
  'pl',
  'cs',
  'hu',
  'ro',
  'el',
  'tr',
  'uk',
];

/** The language to name in a label: the reader's, else the first of the region's, else any. */
function labelLanguage(languages: readonly string[], lang: string | undefined): string | undefined {
  const reader = lang?.split('-')[0];
  if (reader && languages.includes(reader)) return reader;
  return labelLanguages.find((code) => languages.includes(code)) ?? languages.find((code) => code !== 'und');
}

function rankHits(
  candidates: Candidate[],
  { details, representedBy }: LoadedDetails,
  lang: string | undefined,
): RankedHit[] {
  const hits = new Map<string, RankedHit>();
  for (const candidate of candidates) {
    const organisationId = representedBy.get(`${candidate.type}:${candidate.id}`);
    const type = organisationId ? 'organisation' : candidate.type;
    const id = organisationId ?? candidate.id;
    const detail = details.get(`${type}:${id}`);
    if (!detail) continue;
    const score =
      scoreMatch({
        kind: candidate.kind,
        importance: candidate.match.importance || (detail.population ? Math.log10(detail.population + 1) : 0),
        similarity: candidate.match.similarity,
        isRegistryRecord: detail.isRegistryRecord,
        relations: detail.relations,
        ...candidate.facts,
      }) + candidate.asTyped;
    const entityKey = `${type}:${id}`;
    const current = hits.get(entityKey);
    if (current && current.score >= score) continue;
    const matched = {
      name: candidate.match.name,
      languages: candidate.match.languages,
      kind: candidate.kind,
    };
    const language = labelLanguage(matched.languages, lang);
    const label =
      matched.name === detail.name
        ? detail.name
        : `${matched.name}${language ? ` (${language})` : ''} → ${detail.name}`;
    hits.set(entityKey, {
      entityKey,
      type,
      id,
      name: detail.name,
      matched,
      label,
      kind: detail.kind,
      country: detail.country,
      population: detail.population,
      latitude: detail.latitude,
      longitude: detail.longitude,
      ids: detail.ids,
      score: Math.round(score * 100) / 100,
    });
  }
  return [...hits.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

function facetCounts(values: (string | null)[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function parseTypes(types: string | undefined): SearchEntityType[] | undefined {
  return types ? (types.split(',') as SearchEntityType[]) : undefined;
}

/** One search over every name of places, organisations, projects and activities, and name resolution. */
export function createSearchService(database: Database) {
  async function rankedHits(q: string, filter: TermFilter, lang: string | undefined, limit: number) {
    const { key, candidates } = await findCandidates(database.db, q, filter, { lang, limit });
    const details = await loadDetails(database.db, candidates, lang);
    return { key, hits: rankHits(candidates, details, lang) };
  }

  return {
    async search(_actor: Actor, query: SearchQuery): Promise<SearchResults> {
      const limit = query.limit ?? 10;
      const { key, hits } = await rankedHits(
        query.q,
        { types: parseTypes(query.types), country: query.country },
        query.lang,
        limit,
      );
      return {
        query: { q: query.q, key },
        hits: hits.slice(0, limit).map(({ entityKey: _entityKey, ...hit }) => hit),
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
      const types = parseTypes(query.types ?? 'place,organisation');
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

export type SearchService = ReturnType<typeof createSearchService>;
