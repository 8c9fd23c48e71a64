import { Type, type Static } from '@sinclair/typebox';
import { membershipRoles } from '../../domain/vocabulary.js';
import {
  Country,
  LocalisedText,
  Nullable,
  PageQuery,
  PartialDate,
  Uuid,
  Version,
  sortQuery,
} from '../../platform/http/schemas.js';
import { Confirmation, RequestedConfirmation } from '../confirmation/confirmation.schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

export const MembershipRole = Type.Union(membershipRoles.map((role) => Type.Literal(role)));

// No defaults here: a PATCH that leaves a field out must keep it, not reset it.
const editableFields = {
  memberId: Type.String({
    format: 'uuid',
    description: 'The member: a city, a municipality, an association.',
  }),
  organisationId: Type.String({
    format: 'uuid',
    description: 'The network or association the member belongs to.',
  }),
  role: MembershipRole,
  since: Nullable(PartialDate),
  until: Nullable(PartialDate),
  description: LocalisedText,
  sourceId: Nullable(Uuid),
};

export const MembershipCreate = Type.Object(
  {
    memberId: editableFields.memberId,
    organisationId: editableFields.organisationId,
    role: Type.Optional(
      Type.Union(
        membershipRoles.map((role) => Type.Literal(role)),
        { default: 'member' },
      ),
    ),
    since: Type.Optional(editableFields.since),
    until: Type.Optional(editableFields.until),
    description: Type.Optional(editableFields.description),
    sourceId: Type.Optional(editableFields.sourceId),
    confirmation: Type.Optional(RequestedConfirmation),
  },
  { additionalProperties: false, $id: 'MembershipCreate', title: 'New membership' },
);
export type MembershipCreate = Static<typeof MembershipCreate>;

export const MembershipUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'MembershipUpdate', title: 'Changes to a membership' },
);
export type MembershipUpdate = Static<typeof MembershipUpdate>;

export const Membership = Type.Object(
  {
    id: Uuid,
    member: Type.Ref(OrganisationSummary),
    organisation: Type.Ref(OrganisationSummary, {
      description: 'The network or association.',
    }),
    role: Type.String(),
    since: Nullable(Type.String()),
    until: Nullable(Type.String()),
    description: LocalisedText,
    source: Nullable(Type.Ref(SourceSummary)),
    confirmation: Type.Ref(Confirmation, {
      description: "Confirmation by both parties: the member and the network's secretariat.",
    }),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Membership', title: 'Membership of an organisation in a network or association' },
);
export type Membership = Static<typeof Membership>;

export const membershipSortFields = ['since', 'createdAt'] as const;

export const MembershipListQuery = Type.Object(
  {
    member: Type.Optional(Type.String({ format: 'uuid', description: 'Only memberships of this member.' })),
    organisation: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only memberships in this network or association.' }),
    ),
    party: Type.Optional(
      Type.String({ format: 'uuid', description: 'Memberships where this organisation is either side.' }),
    ),
    role: Type.Optional(MembershipRole),
    year: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 9999,
        description: 'Active in this year; memberships with neither date are left out.',
      }),
    ),
    country: Type.Optional(
      Type.String({ pattern: Country.pattern, description: "The member's country (ISO 3166-1 alpha-2)." }),
    ),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Any name of the member or of the organisation; case, diacritics and script do not matter.',
      }),
    ),
    sort: sortQuery(membershipSortFields, 'since'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MembershipListQuery = Static<typeof MembershipListQuery>;
