import { Type, type Static } from '@sinclair/typebox';
import { activityParticipantRoles, activityTypes } from '../../domain/vocabulary.js';
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

export const ActivityType = Type.Union(activityTypes.map((type) => Type.Literal(type)));
export const ActivityParticipantRole = Type.Union(activityParticipantRoles.map((role) => Type.Literal(role)));

/** A title in at least one language. */
const Title = {
  ...LocalisedText,
  minProperties: 1,
  description: 'The title per language tag; at least one, e.g. `{"en": "Annual meeting"}`.',
};

export const ActivityParticipantInput = Type.Object(
  { organisationId: Uuid, role: ActivityParticipantRole },
  { additionalProperties: false },
);
export type ActivityParticipantInput = Static<typeof ActivityParticipantInput>;

const editableFields = {
  type: ActivityType,
  title: Title,
  description: LocalisedText,
  startsOn: Nullable(PartialDate),
  endsOn: Nullable(PartialDate),
  placeName: Nullable(Type.String({ minLength: 1, maxLength: 300, description: 'Where it took place.' })),
  country: Nullable({ ...Country, description: 'Country where it took place (ISO 3166-1 alpha-2).' }),
  outcomes: LocalisedText,
  themes: ThemeCodes,
  projectId: Nullable({ ...Uuid, description: 'The project the activity belongs to.' }),
  sourceId: Nullable(Uuid),
  participants: Type.Array(ActivityParticipantInput, {
    maxItems: 500,
    description: 'Every participating organisation with its role; a change replaces the whole list.',
  }),
};

export const ActivityCreate = Type.Object(
  {
    type: editableFields.type,
    title: editableFields.title,
    description: Type.Optional(editableFields.description),
    startsOn: Type.Optional(editableFields.startsOn),
    endsOn: Type.Optional(editableFields.endsOn),
    placeName: Type.Optional(editableFields.placeName),
    country: Type.Optional(editableFields.country),
    outcomes: Type.Optional(editableFields.outcomes),
    themes: Type.Optional(editableFields.themes),
    projectId: Type.Optional(editableFields.projectId),
    sourceId: Type.Optional(editableFields.sourceId),
    participants: Type.Optional(editableFields.participants),
  },
  { additionalProperties: false, $id: 'ActivityCreate', title: 'New activity' },
);
export type ActivityCreate = Static<typeof ActivityCreate>;

export const ActivityUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'ActivityUpdate', title: 'Changes to an activity' },
);
export type ActivityUpdate = Static<typeof ActivityUpdate>;

export const ActivityParticipant = Type.Object({
  organisation: OrganisationSummary,
  role: Type.String(),
});
export type ActivityParticipant = Static<typeof ActivityParticipant>;

/** The project an activity belongs to, as the activity shows it. */
export const ActivityProject = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String({ description: 'The project’s display title.' }),
  acronym: Nullable(Type.String()),
});

export const Activity = Type.Object(
  {
    id: Uuid,
    type: Type.String(),
    title: LocalisedText,
    displayTitle: Type.String({ description: 'The English title, else the first one.' }),
    description: LocalisedText,
    startsOn: Nullable(Type.String()),
    endsOn: Nullable(Type.String()),
    placeName: Nullable(Type.String()),
    country: Nullable(Type.String()),
    outcomes: LocalisedText,
    themes: Type.Array(Type.String()),
    project: Nullable(ActivityProject),
    participants: Type.Array(ActivityParticipant, { description: 'In the entered order.' }),
    source: Nullable(SourceSummary),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Activity', title: 'Activity' },
);
export type Activity = Static<typeof Activity>;

export const activitySortFields = ['startsOn', 'createdAt'] as const;

export const ActivityListQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words of any title or of the place; case, diacritics and script do not matter.',
      }),
    ),
    type: Type.Optional(ActivityType),
    year: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 9999,
        description: 'Only activities under way in that year (one without an end ends when it starts).',
      }),
    ),
    theme: Type.Optional(Type.String({ description: 'Theme code.' })),
    organisation: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only activities this organisation took part in.' }),
    ),
    country: Type.Optional({
      ...Country,
      description: 'Only activities held in this country or with a participant of this country.',
    }),
    project: Type.Optional(Type.String({ format: 'uuid', description: 'Only activities of this project.' })),
    sort: sortQuery(activitySortFields, '-startsOn'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;
