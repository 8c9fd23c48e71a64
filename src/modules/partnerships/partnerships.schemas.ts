import { Type, type Static } from '@sinclair/typebox';
import { partnershipStatuses, partnershipTypes } from '../../domain/vocabulary.js';
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
import { Confirmation, RequestedConfirmation } from '../confirmation/confirmation.schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

export const PartnershipType = Type.Union(partnershipTypes.map((type) => Type.Literal(type)));
export const PartnershipStatus = Type.Union(partnershipStatuses.map((status) => Type.Literal(status)));

// No defaults here: a PATCH that leaves a field out must keep it, not reset it.
const editableFields = {
  organisationAId: Type.String({ format: 'uuid', description: 'One side of the partnership.' }),
  organisationBId: Type.String({ format: 'uuid', description: 'The other side of the partnership.' }),
  type: PartnershipType,
  status: PartnershipStatus,
  startedOn: Nullable(PartialDate),
  signedOn: Nullable(PartialDate),
  endedOn: Nullable(PartialDate),
  agreementUrl: Nullable(
    Type.String({ format: 'uri', maxLength: 1000, description: 'Where the signed agreement is published.' }),
  ),
  description: LocalisedText,
  themes: ThemeCodes,
  sourceId: Nullable(Uuid),
};

export const PartnershipCreate = Type.Object(
  {
    organisationAId: editableFields.organisationAId,
    organisationBId: editableFields.organisationBId,
    type: editableFields.type,
    status: editableFields.status,
    startedOn: Type.Optional(editableFields.startedOn),
    signedOn: Type.Optional(editableFields.signedOn),
    endedOn: Type.Optional(editableFields.endedOn),
    agreementUrl: Type.Optional(editableFields.agreementUrl),
    confirmation: Type.Optional(RequestedConfirmation),
    description: Type.Optional(editableFields.description),
    themes: Type.Optional(editableFields.themes),
    sourceId: Type.Optional(editableFields.sourceId),
  },
  { additionalProperties: false, $id: 'PartnershipCreate', title: 'New partnership' },
);
export type PartnershipCreate = Static<typeof PartnershipCreate>;

export const PartnershipUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'PartnershipUpdate', title: 'Changes to a partnership' },
);
export type PartnershipUpdate = Static<typeof PartnershipUpdate>;

export const Partnership = Type.Object(
  {
    id: Uuid,
    organisationA: Type.Ref(OrganisationSummary),
    organisationB: Type.Ref(OrganisationSummary),
    type: Type.String(),
    status: Type.String(),
    startedOn: Nullable(Type.String()),
    signedOn: Nullable(Type.String()),
    endedOn: Nullable(Type.String()),
    agreementUrl: Nullable(Type.String()),
    confirmation: Type.Ref(Confirmation),
    description: LocalisedText,
    themes: Type.Array(Type.String()),
    source: Nullable(Type.Ref(SourceSummary)),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Partnership', title: 'Partnership of two organisations' },
);
export type Partnership = Static<typeof Partnership>;

export const partnershipSortFields = ['startedOn', 'createdAt'] as const;

export const PartnershipListQuery = Type.Object(
  {
    organisation: Type.Optional(
      Type.String({ format: 'uuid', description: 'Partnerships of this organisation, on either side.' }),
    ),
    type: Type.Optional(PartnershipType),
    status: Type.Optional(PartnershipStatus),
    year: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 9999,
        description:
          'Active in this year (from the start, or else the signing, to the end); partnerships with no date are left out.',
      }),
    ),
    theme: Type.Optional(Type.String({ description: 'Theme code.' })),
    country: Type.Optional(
      Type.String({
        pattern: Country.pattern,
        description: 'Either side is of this country (ISO 3166-1 alpha-2).',
      }),
    ),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Any name of either side; case, diacritics and script do not matter.',
      }),
    ),
    sort: sortQuery(partnershipSortFields, '-createdAt'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PartnershipListQuery = Static<typeof PartnershipListQuery>;
