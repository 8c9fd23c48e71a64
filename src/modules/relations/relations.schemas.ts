import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../platform/http/schemas.js';
import { Confirmation } from '../confirmation/confirmation.schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

const Party = Type.Object({ organisation: Type.Ref(OrganisationSummary), role: Type.String() });
const ProjectParty = Type.Object({
  organisation: Type.Ref(OrganisationSummary),
  role: Type.String(),
  confirmation: Type.Ref(Confirmation),
});

export const RelatedMembership = Type.Object({
  id: Uuid,
  direction: Type.Union([Type.Literal('member_of'), Type.Literal('has_member')], {
    description: '`member_of`: the organisation is a member of `other`; `has_member`: `other` is its member.',
  }),
  role: Type.String(),
  since: Nullable(Type.String()),
  until: Nullable(Type.String()),
  other: Type.Ref(OrganisationSummary),
  source: Nullable(Type.Ref(SourceSummary)),
  confirmation: Type.Ref(Confirmation),
  version: Type.Integer({ description: 'The version to send with a confirmation or a dispute.' }),
});

export const RelatedPartnership = Type.Object({
  id: Uuid,
  type: Type.String(),
  status: Type.String(),
  startedOn: Nullable(Type.String()),
  signedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  other: Type.Ref(OrganisationSummary),
  source: Nullable(Type.Ref(SourceSummary)),
  confirmation: Type.Ref(Confirmation),
  version: Type.Integer({ description: 'The version to send with a confirmation or a dispute.' }),
});

export const RelatedProject = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  acronym: Nullable(Type.String()),
  programme: Type.String(),
  status: Type.String(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  role: Type.String({ description: "The organisation's role in the project." }),
  partners: Type.Array(ProjectParty, { description: 'Every partner, the lead first.' }),
});

export const RelatedActivity = Type.Object({
  id: Uuid,
  type: Type.String(),
  title: Type.String(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  placeName: Nullable(Type.String()),
  role: Type.String({ description: "The organisation's role in the activity." }),
  participants: Type.Array(Party, { description: 'The other participants.' }),
});

export const RelatedProgramme = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  title: Type.String(),
});

export const OrganisationRelations = Type.Object(
  {
    organisation: Type.Ref(OrganisationSummary),
    memberships: Type.Array(RelatedMembership),
    partnerships: Type.Array(RelatedPartnership),
    projects: Type.Array(RelatedProject),
    activities: Type.Array(RelatedActivity),
    programmes: Type.Array(RelatedProgramme),
    counts: Type.Object({
      memberships: Type.Integer({ description: 'Organisations it is a member of.' }),
      members: Type.Integer({ description: 'Its members.' }),
      partnerships: Type.Integer(),
      projects: Type.Integer(),
      activities: Type.Integer(),
    }),
  },
  { $id: 'OrganisationRelations', title: 'Everything an organisation is tied to' },
);
export type OrganisationRelations = Static<typeof OrganisationRelations>;

export const RelationsQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.String({
        pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$',
        description: "The reader's language: organisations are named in it where they have such a name.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type RelationsQuery = Static<typeof RelationsQuery>;
