import { sql } from 'kysely';
import { analyseQuery, detectScript, editVariants } from '../../domain/search-key.js';
import { classifyMatch, confidenceOf, scoreMatch, type MatchKind } from '../../domain/search-ranking.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import { findFuzzyMatches, findKeyMatches, type TermFilter, type TermMatch } from './search.repository.js';
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
const fuzzyThreshold = 0.3;

interface Candidate {
  type: SearchEntityType;
  id: string;
  match: TermMatch;
  kind: MatchKind;
  /** A small preference for the name written as the query was (same spelling, else same script). */
  asTyped: number;
}

/** The best-matching term of each entity, found through the exact-key, prefix and trigram indexes. */
async function findCandidates(
  db: Executor,
  q: string,
  filter: TermFilter,
): Promise<{ key: string; candidates: Candidate[] }> {
  const { key, stems } = analyseQuery(q);
  if (key === '') return { key, candidates: [] };
  const typos = editVariants(key);
  const rows = await findKeyMatches(db, {
    keys: [key, ...stems, ...typos],
    prefix: key.length >= 2 ? key : undefined,
    prefixLimit,
    filter,
  });
  const classified = rows.map((match) => ({ match, kind: classifyMatch(key, stems, match.key) }));
  const hasCloseMatch = classified.some(({ kind }) => kind === 'exact' || kind === 'stem' || kind === 'typo');
  if (!hasCloseMatch && key.length >= 3) {
    const fuzzy = await findFuzzyMatches(db, { key, threshold: fuzzyThreshold, limit: 40, filter });
    classified.push(...fuzzy.map((match) => ({ match, kind: classifyMatch(key, stems, match.key) })));
  }
  // Among an entity's names that meet the query equally, show the one written as the query was.
  const typed = q.trim().toLocaleLowerCase();
  const typedScript = detectScript(q);
  const best = new Map<string, Candidate & { rank: number }>();
  for (const { match, kind } of classified) {
    const id = `${match.entityType}:${match.entityId}`;
    const asTyped =
      match.name.toLocaleLowerCase() === typed ? 0.5 : detectScript(match.name) === typedScript ? 0.2 : 0;
    const rank =
      scoreMatch({
        kind,
        importance: match.importance,
        similarity: match.similarity,
        isRegistryRecord: false,
      }) + asTyped;
    const current = best.get(id);
    if (!current || rank > current.rank)
      best.set(id, { type: match.entityType, id: match.entityId, match, kind, asTyped, rank });
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
  const representing = placeIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'geonamesId'])
        .where('geonamesId', 'in', placeIds)
        .execute()
    : [];
  const organisationIds = [...new Set([...idsOf('organisation'), ...representing.map((row) => row.id)])];

  const [places, organisations, relationCounts, projects, activities, placeNames, organisationNames] =
    await Promise.all([
      placeIds.length
        ? db.selectFrom('places').selectAll().where('geonamesId', 'in', placeIds).execute()
        : [],
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
  async function rankedHits(q: string, filter: TermFilter, lang: string | undefined) {
    const { key, candidates } = await findCandidates(database.db, q, filter);
    const details = await loadDetails(database.db, candidates, lang);
    return { key, hits: rankHits(candidates, details, lang) };
  }

  return {
    async search(_actor: Actor, query: SearchQuery): Promise<SearchResults> {
      const { key, hits } = await rankedHits(
        query.q,
        { types: parseTypes(query.types), country: query.country },
        query.lang,
      );
      return {
        query: { q: query.q, key },
        hits: hits.slice(0, query.limit ?? 10).map(({ entityKey: _entityKey, ...hit }) => hit),
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
      let { hits } = await rankedHits(query.name, { types, country: query.country }, query.lang);
      let penalty = 0;
      if (hits.length === 0 && query.country) {
        ({ hits } = await rankedHits(query.name, { types }, query.lang));
        penalty = 0.3;
      }
      const top = hits.slice(0, query.limit ?? 5);
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
