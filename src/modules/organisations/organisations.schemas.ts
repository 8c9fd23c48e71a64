import { Type, type Static } from '@sinclair/typebox';
import { nameKinds, organisationKinds } from '../../domain/vocabulary.js';
import {
  Country,
  LocalisedText,
  maxInteger,
  Nullable,
  PageQuery,
  PartialDate,
  ThemeCodes,
  Uuid,
  Version,
  sortQuery,
} from '../../platform/http/schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

export const OrganisationKind = Type.Union(organisationKinds.map((kind) => Type.Literal(kind)));

export const NameInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    language: Type.String({
      pattern: '^[a-z]{2,3}$',
      description: 'ISO 639-1 language code: `hr`, `sr`, `en`.',
    }),
    script: Type.Optional(
      Type.String({
        pattern: '^[A-Z][a-z]{3}$',
        description: 'ISO 15924 script; detected from the name when omitted.',
      }),
    ),
    kind: Type.Union(
      nameKinds.map((kind) => Type.Literal(kind)),
      { default: 'official' },
    ),
  },
  { additionalProperties: false },
);
export type NameInput = Static<typeof NameInput>;

export const Name = Type.Object({
  name: Type.String(),
  language: Type.String(),
  script: Type.String(),
  kind: Type.String(),
});

const editableFields = {
  kind: OrganisationKind,
  names: Type.Array(NameInput, { minItems: 1, maxItems: 200 }),
  slug: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]*$',
    maxLength: 80,
    description: 'Readable URL key; made from the name when omitted.',
  }),
  country: Nullable(Country),
  lauCode: Nullable(Type.String({ minLength: 1, maxLength: 20, description: 'Eurostat LAU code.' })),
  nutsCode: Nullable(Type.String({ pattern: '^[A-Z]{2}[A-Z0-9]{0,3}$', description: 'NUTS 2021 code.' })),
  geonamesId: Nullable(Type.Integer({ minimum: 1, maximum: maxInteger })),
  wikidataId: Nullable(Type.String({ pattern: '^Q[1-9][0-9]*$' })),
  population: Nullable(Type.Integer({ minimum: 0, maximum: maxInteger })),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  website: Nullable(Type.String({ format: 'uri', maxLength: 500 })),
  foundedOn: Nullable(PartialDate),
  description: LocalisedText,
  themes: ThemeCodes,
  sourceId: Nullable(Uuid),
};

export const OrganisationCreate = Type.Object(
  {
    kind: editableFields.kind,
    names: editableFields.names,
    slug: Type.Optional(editableFields.slug),
    country: Type.Optional(editableFields.country),
    lauCode: Type.Optional(editableFields.lauCode),
    nutsCode: Type.Optional(editableFields.nutsCode),
    geonamesId: Type.Optional(editableFields.geonamesId),
    wikidataId: Type.Optional(editableFields.wikidataId),
    population: Type.Optional(editableFields.population),
    latitude: Type.Optional(editableFields.latitude),
    longitude: Type.Optional(editableFields.longitude),
    website: Type.Optional(editableFields.website),
    foundedOn: Type.Optional(editableFields.foundedOn),
    description: Type.Optional(editableFields.description),
    themes: Type.Optional(editableFields.themes),
    sourceId: Type.Optional(editableFields.sourceId),
  },
  { additionalProperties: false, $id: 'OrganisationCreate', title: 'New organisation' },
);
export type OrganisationCreate = Static<typeof OrganisationCreate>;

export const OrganisationUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'OrganisationUpdate', title: 'Changes to an organisation' },
);
export type OrganisationUpdate = Static<typeof OrganisationUpdate>;

export const Organisation = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    kind: Type.String(),
    name: Type.String({ description: 'Display name (English when known).' }),
    names: Type.Array(Name),
    country: Nullable(Type.String()),
    lauCode: Nullable(Type.String()),
    nutsCode: Nullable(Type.String()),
    geonamesId: Nullable(Type.Integer()),
    wikidataId: Nullable(Type.String()),
    population: Nullable(Type.Integer()),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    website: Nullable(Type.String()),
    foundedOn: Nullable(Type.String()),
    description: LocalisedText,
    themes: Type.Array(Type.String()),
    source: Nullable(SourceSummary),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Organisation', title: 'Organisation' },
);
export type Organisation = Static<typeof Organisation>;

/** An organisation as other records mention it. */
export const OrganisationSummary = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    country: Nullable(Type.String()),
  },
  { $id: 'OrganisationSummary', title: 'Organisation (summary)' },
);
export type OrganisationSummary = Static<typeof OrganisationSummary>;

export const organisationSortFields = ['name', 'population', 'createdAt', 'updatedAt'] as const;

export const OrganisationListQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Any of its names; case, diacritics and script do not matter.',
      }),
    ),
    kind: Type.Optional(OrganisationKind),
    country: Type.Optional(Country),
    theme: Type.Optional(Type.String({ description: 'Theme code.' })),
    memberOf: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only members of this organisation.' }),
    ),
    sort: sortQuery(organisationSortFields, 'name'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;
