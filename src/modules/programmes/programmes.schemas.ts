import { Type, type Static } from '@sinclair/typebox';
import {
  Country,
  LocalisedText,
  Nullable,
  PageQuery,
  PartialDate,
  ThemeCodes,
  Uuid,
  Version,
  sortQuery,
} from '../../platform/http/schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';
import { LanguageQuery } from '../themes/themes.schemas.js';

const editableFields = {
  organisationId: Type.String({ format: 'uuid', description: 'The organisation whose programme it is.' }),
  year: Type.Integer({ minimum: 1900, maximum: 2200, description: 'The year the programme is for.' }),
  title: LocalisedText,
  adoptedBy: LocalisedText,
  adoptedOn: Nullable(PartialDate),
  decision: LocalisedText,
  areas: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), {
    maxItems: ThemeCodes.maxItems,
    uniqueItems: true,
    description: "Theme codes of the programme's areas of cooperation, in the programme's order.",
  }),
  description: LocalisedText,
  sourceId: Nullable(Uuid),
};

export const ProgrammeCreate = Type.Object(
  {
    organisationId: editableFields.organisationId,
    year: editableFields.year,
    title: editableFields.title,
    adoptedBy: Type.Optional(editableFields.adoptedBy),
    adoptedOn: Type.Optional(editableFields.adoptedOn),
    decision: Type.Optional(editableFields.decision),
    areas: Type.Optional(editableFields.areas),
    description: Type.Optional(editableFields.description),
    sourceId: Type.Optional(editableFields.sourceId),
  },
  { additionalProperties: false, $id: 'ProgrammeCreate', title: 'New annual programme' },
);
export type ProgrammeCreate = Static<typeof ProgrammeCreate>;

export const ProgrammeUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'ProgrammeUpdate', title: 'Changes to an annual programme' },
);
export type ProgrammeUpdate = Static<typeof ProgrammeUpdate>;

/** An area of cooperation of a programme: a theme, labelled in the reader's language. */
export const ProgrammeArea = Type.Object({
  code: Type.String(),
  label: Type.String(),
  labelLanguage: Type.String({
    description: 'The language `label` is in; when it differs from `lang`, show that it is a fallback.',
  }),
});

export const Programme = Type.Object(
  {
    id: Uuid,
    organisation: Type.Ref(OrganisationSummary),
    year: Type.Integer(),
    title: LocalisedText,
    displayTitle: Type.String({ description: 'The title shown where one is needed (English when known).' }),
    adoptedBy: LocalisedText,
    adoptedOn: Nullable(Type.String()),
    decision: LocalisedText,
    areas: Type.Array(ProgrammeArea),
    description: LocalisedText,
    source: Nullable(Type.Ref(SourceSummary)),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Programme', title: 'Annual programme of international cooperation' },
);
export type Programme = Static<typeof Programme>;

export const ProgrammeGetQuery = Type.Object({ ...LanguageQuery }, { additionalProperties: false });
export type ProgrammeGetQuery = Static<typeof ProgrammeGetQuery>;

export const programmeSortFields = ['year', 'title', 'createdAt'] as const;

export const ProgrammeListQuery = Type.Object(
  {
    organisation: Type.Optional(Type.String({ format: 'uuid', description: "Only this organisation's." })),
    year: Type.Optional(
      Type.Integer({ minimum: 1900, maximum: 2200, description: 'Programmes for this year.' }),
    ),
    country: Type.Optional(Country),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Any name of the organisation; case, diacritics and script do not matter.',
      }),
    ),
    sort: sortQuery(programmeSortFields, '-year'),
    ...LanguageQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProgrammeListQuery = Static<typeof ProgrammeListQuery>;
