import { scoreMatch, type MatchFacts, type MatchKind } from '../../domain/search-ranking.js';
import type { SearchEntityType } from '../../platform/db/tables.js';
import type { PlaceIndex } from './place-index.js';
import type { OrganisationDetails, RecordDetails, SearchReading, TermMatch } from './search.repository.js';
import type { SearchHit } from './search.schemas.js';

/** The best-matching term of one entity, and what the ranking knows of it before its details. */
export interface Candidate {
  type: SearchEntityType;
  id: string;
  match: TermMatch;
  kind: MatchKind;
  facts: Pick<MatchFacts, 'distance' | 'isForeignName' | 'isShortQuery'>;
  /** A small preference for the name written as the query was (same spelling, else same script). */
  asTyped: number;
  /** The score as far as the term tells (a place's whole score, unless an organisation represents it). */
  rank: number;
}

interface Shown {
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

/** Of an entity's names in the reader's language, the one in the reader's script (`sr-Cyrl`), else the first. */
export function nameForReader(
  names: readonly { name: string; languages: readonly string[] }[],
  lang: string | undefined,
): string | undefined {
  if (!lang) return undefined;
  const language = lang.split('-')[0]!;
  const wantsCyrillic = lang.endsWith('-Cyrl');
  let found: string | undefined;
  for (const { name, languages } of names) {
    if (!languages.includes(language)) continue;
    if (/\p{Script=Cyrillic}/u.test(name) === wantsCyrillic) return name;
    found ??= name;
  }
  return found;
}

function organisationShown(organisation: OrganisationDetails, lang: string | undefined): Shown {
  const language = lang?.split('-')[0] ?? '';
  const names = (organisation.namesInLanguage ?? []).map((name) => ({ name, languages: [language] }));
  return {
    name: nameForReader(names, lang) ?? organisation.displayName,
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
    relations: organisation.relations,
  };
}

/**
 * Scores candidates with what their records add (being a registry record, relations) and folds each
 * place that an organisation represents into that organisation, best first.
 */
export function rankHits(
  candidates: readonly Candidate[],
  reading: Pick<SearchReading, 'representatives'> & RecordDetails,
  { index, lang }: { index: PlaceIndex | undefined; lang: string | undefined },
): SearchHit[] {
  const organisations = new Map(reading.organisations.map((organisation) => [organisation.id, organisation]));
  const representedBy = new Map(
    reading.representatives.map(({ id, geonamesId }) => [String(geonamesId), id]),
  );
  const projects = new Map(reading.projects.map((project) => [project.id, project]));
  const activities = new Map(reading.activities.map((activity) => [activity.id, activity]));

  const shownOf = (type: SearchEntityType, id: string): Shown | undefined => {
    if (type === 'organisation') {
      const organisation = organisations.get(id);
      return organisation && organisationShown(organisation, lang);
    }
    if (type === 'project') {
      const project = projects.get(id);
      return (
        project && {
          ...{ country: null, population: null, latitude: null, longitude: null, relations: 0 },
          name: project.displayTitle,
          kind: project.status,
          ids: { ...noIds, slug: project.slug },
          isRegistryRecord: true,
        }
      );
    }
    if (type === 'activity') {
      const activity = activities.get(id);
      return (
        activity && {
          ...{ population: null, latitude: null, longitude: null, relations: 0 },
          name: activity.displayTitle,
          kind: activity.type,
          country: activity.country,
          ids: noIds,
          isRegistryRecord: true,
        }
      );
    }
    const place = index?.detailsOf(Number(id));
    if (!place) return undefined;
    return {
      name: (lang && nameForReader(index!.namesOf(place.geonamesId), lang)) || place.name,
      kind: place.featureCode,
      country: place.country,
      population: place.population,
      latitude: place.latitude,
      longitude: place.longitude,
      ids: { ...noIds, geonamesId: place.geonamesId, lauCode: place.lauCode, nutsCode: place.nutsCode },
      isRegistryRecord: false,
      relations: 0,
    };
  };

  const hits = new Map<string, SearchHit>();
  for (const candidate of candidates) {
    const organisationId = candidate.type === 'place' ? representedBy.get(candidate.id) : undefined;
    const type = organisationId ? 'organisation' : candidate.type;
    const id = organisationId ?? candidate.id;
    const shown = shownOf(type, id);
    if (!shown) continue;
    const population = shown.population;
    const score =
      scoreMatch({
        kind: candidate.kind,
        importance: candidate.match.importance || (population ? Math.log10(population + 1) : 0),
        similarity: candidate.match.similarity,
        isRegistryRecord: shown.isRegistryRecord,
        relations: shown.relations,
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
      matched.name === shown.name
        ? shown.name
        : `${matched.name}${language ? ` (${language})` : ''} → ${shown.name}`;
    hits.set(entityKey, {
      type,
      id,
      name: shown.name,
      matched,
      label,
      kind: shown.kind,
      country: shown.country,
      population: shown.population,
      latitude: shown.latitude,
      longitude: shown.longitude,
      ids: shown.ids,
      score: Math.round(score * 100) / 100,
    });
  }
  return [...hits.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
