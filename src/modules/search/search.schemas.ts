import { Type, type Static } from '@sinclair/typebox';
import { Country, LanguageTag, Nullable } from '../../platform/http/schemas.js';

export const searchEntityTypes = ['place', 'organisation', 'project', 'activity'] as const;
const EntityType = Type.Union(searchEntityTypes.map((type) => Type.Literal(type)));

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Any name, in any language or script, inflected or with typos.',
    }),
    types: Type.Optional(
      Type.String({
        pattern: '^(place|organisation|project|activity)(,(place|organisation|project|activity))*$',
        description: 'Comma-separated types to search: `place,organisation`.',
      }),
    ),
    country: Type.Optional(Country),
    lang: Type.Optional(LanguageTag),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const MatchedName = Type.Object({
  name: Type.String({ description: 'The name the query met, as written.' }),
  languages: Type.Array(Type.String(), { description: 'Languages that write the name so.' }),
  kind: Type.Union(
    ['exact', 'stem', 'prefix', 'typo', 'fuzzy'].map((kind) => Type.Literal(kind)),
    {
      description: 'exact; stem (an inflected form: Beču → Beč); prefix; typo (one letter off); fuzzy.',
    },
  ),
});

const Identifiers = Type.Object({
  geonamesId: Nullable(Type.Integer()),
  organisationId: Nullable(Type.String({ format: 'uuid' })),
  slug: Nullable(Type.String()),
  wikidataId: Nullable(Type.String()),
  lauCode: Nullable(Type.String()),
  nutsCode: Nullable(Type.String()),
});

export const SearchHit = Type.Object(
  {
    type: EntityType,
    id: Type.String({ description: 'GeoNames id of a place; UUID of a registry record.' }),
    name: Type.String({ description: 'The name in the reader’s language (`lang`), else English.' }),
    matched: MatchedName,
    label: Type.String({ description: 'How the hit was found, e.g. `Беч (sr) → Vienna`.' }),
    kind: Nullable(
      Type.String({ description: 'Organisation kind, activity type; for places the GeoNames feature code.' }),
    ),
    country: Nullable(Type.String()),
    population: Nullable(Type.Integer()),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    ids: Identifiers,
    score: Type.Number(),
  },
  { $id: 'SearchHit', title: 'Search hit' },
);
export type SearchHit = Static<typeof SearchHit>;

const FacetCount = Type.Object({ value: Type.String(), count: Type.Integer() });

export const SearchResults = Type.Object(
  {
    query: Type.Object({ q: Type.String(), key: Type.String({ description: 'The normalised search key.' }) }),
    hits: Type.Array(Type.Ref(SearchHit)),
    facets: Type.Object({ type: Type.Array(FacetCount), country: Type.Array(FacetCount) }),
  },
  { $id: 'SearchResults', title: 'Search results' },
);
export type SearchResults = Static<typeof SearchResults>;

export const ResolveQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.Optional(Country),
    lang: Type.Optional(LanguageTag),
    types: Type.Optional(
      Type.String({
        pattern: '^(place|organisation)(,(place|organisation))*$',
        default: 'place,organisation',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);
export type ResolveQuery = Static<typeof ResolveQuery>;

export const ResolveCandidate = Type.Object(
  {
    type: Type.Union([Type.Literal('place'), Type.Literal('organisation')]),
    name: Type.String(),
    country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2.' })),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    matched: MatchedName,
    population: Nullable(Type.Integer()),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    ids: Identifiers,
  },
  { $id: 'ResolveCandidate', title: 'Name resolution candidate' },
);
export type ResolveCandidate = Static<typeof ResolveCandidate>;

export const ResolveResults = Type.Object(
  { name: Type.String(), candidates: Type.Array(Type.Ref(ResolveCandidate)) },
  { $id: 'ResolveResults', title: 'Name resolution' },
);
export type ResolveResults = Static<typeof ResolveResults>;
