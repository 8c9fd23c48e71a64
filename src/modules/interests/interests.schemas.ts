import { Type, type Static } from '@sinclair/typebox';
import { acceptanceRecords, interestStatuses } from '../../domain/initiative.js';
import { partnershipTypes } from '../../domain/vocabulary.js';
import { Nullable, Uuid, Version } from '../../platform/http/schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';

export const InterestStatus = Type.Union(interestStatuses.map((status) => Type.Literal(status)));

export const InterestCreate = Type.Object(
  {
    organisationId: { ...Uuid, description: 'The organisation that is interested; you must act for it.' },
    message: Type.String({
      minLength: 1,
      maxLength: 5000,
      description: 'What the organisation offers and why it is interested.',
    }),
  },
  { additionalProperties: false, $id: 'InterestCreate', title: 'New expression of interest' },
);
export type InterestCreate = Static<typeof InterestCreate>;

const ResponseNote = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'A word to the interested organisation.',
});

export const InterestAcceptance = Type.Object(
  {
    version: Version,
    create: Type.Optional(
      Type.Union(
        acceptanceRecords.map((record) => Type.Literal(record)),
        {
          description:
            '`none` when left out. ' +
            "`project_partner`: add the organisation as a partner of the initiative's project (made now, " +
            'with the owner as lead, if there is none yet); `partnership`: record a partnership of the owner ' +
            'and the organisation; `none`: accept only. What is made is confirmed by both sides.',
        },
      ),
    ),
    partnershipType: Type.Optional(
      Type.Union(
        partnershipTypes.map((type) => Type.Literal(type)),
        {
          description:
            'The type of the partnership, with `create: partnership`; `project_based` when left out.',
        },
      ),
    ),
    note: Type.Optional(ResponseNote),
  },
  { additionalProperties: false, $id: 'InterestAcceptance', title: 'Acceptance of an interest' },
);
export type InterestAcceptance = Static<typeof InterestAcceptance>;

export const InterestAnswer = Type.Object(
  { version: Version, note: Type.Optional(ResponseNote) },
  { additionalProperties: false, $id: 'InterestAnswer', title: 'Declining or withdrawing an interest' },
);
export type InterestAnswer = Static<typeof InterestAnswer>;

export const Interest = Type.Object(
  {
    id: Uuid,
    initiativeId: Uuid,
    organisation: Type.Ref(OrganisationSummary),
    message: Type.String(),
    status: InterestStatus,
    responseNote: Nullable(Type.String()),
    projectId: Nullable({ ...Uuid, description: 'The project accepting it added the organisation to.' }),
    partnershipId: Nullable({ ...Uuid, description: 'The partnership accepting it recorded.' }),
    answeredAt: Nullable(Type.String({ format: 'date-time' })),
    canAnswer: Type.Boolean({ description: 'Whether the caller may accept or decline it.' }),
    canWithdraw: Type.Boolean({ description: 'Whether the caller may withdraw it.' }),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Interest', title: 'Expression of interest' },
);
export type Interest = Static<typeof Interest>;

export const InterestList = Type.Object(
  {
    items: Type.Array(Type.Ref(Interest), {
      description:
        "Oldest first. The initiative's managers see every one; others see only their organisations'.",
    }),
  },
  { $id: 'InterestList', title: 'Expressions of interest' },
);
export type InterestList = Static<typeof InterestList>;
