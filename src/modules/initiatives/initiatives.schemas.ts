import { Type, type Static } from '@sinclair/typebox';
import { initialStatuses, initiativeStatuses, initiativeVisibilities } from '../../domain/initiative.js';
import { fundingProgrammeCodes } from '../../domain/funding-programmes.js';
import { organisationKinds } from '../../domain/vocabulary.js';
import {
  Country,
  LanguageTag,
  LocalisedText,
  Nullable,
  PageQuery,
  ThemeCodes,
  Uuid,
  Version,
  sortQuery,
} from '../../platform/http/schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';

export const InitiativeStatus = Type.Union(
  initiativeStatuses.map((status) => Type.Literal(status)),
  { description: 'Where the initiative stands; see `POST /api/initiatives/{id}/transitions`.' },
);
export const InitiativeVisibility = Type.Union(
  initiativeVisibilities.map((visibility) => Type.Literal(visibility)),
  {
    description:
      '`public`: everyone; `association`: people of the owner and of the associations it belongs to and ' +
      'their members; `private`: people of the owner only.',
  },
);

const Title = {
  ...LocalisedText,
  minProperties: 1,
  description: 'The title per language tag; at least one, e.g. `{"en": "Green inner cities"}`.',
};

const Day = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  description: 'A calendar day: `2025-03-31`.',
});

export const FundingProgramme = Type.Union(
  fundingProgrammeCodes.map((code) => Type.Literal(code)),
  { description: 'Funding programme, e.g. `urbact_iv` (the programmes partner matching knows).' },
);

const Population = Type.Integer({ minimum: 0, maximum: 100_000_000 });

const editableFields = {
  title: Title,
  description: LocalisedText,
  themes: ThemeCodes,
  partnerKinds: Type.Array(Type.Union(organisationKinds.map((kind) => Type.Literal(kind))), {
    maxItems: organisationKinds.length,
    uniqueItems: true,
    description: 'Kinds of organisation sought; none means any.',
  }),
  countries: Type.Array(Country, {
    maxItems: 60,
    uniqueItems: true,
    description: 'Countries sought; none means any.',
  }),
  populationMin: Nullable({ ...Population, description: 'Smallest population sought.' }),
  populationMax: Nullable({ ...Population, description: 'Largest population sought.' }),
  languages: Type.Array(LanguageTag, {
    maxItems: 20,
    uniqueItems: true,
    description: 'Working languages sought.',
  }),
  partnersWanted: Nullable(
    Type.Integer({ minimum: 1, maximum: 100, description: 'How many partners are sought.' }),
  ),
  fundingProgramme: Nullable(FundingProgramme),
  call: Nullable(Type.String({ minLength: 1, maxLength: 500, description: 'The call for proposals.' })),
  deadline: Nullable({ ...Day, description: 'The day partners must be found by (often the call closes).' }),
  visibility: InitiativeVisibility,
};

export const InitiativeCreate = Type.Object(
  {
    ownerOrganisationId: { ...Uuid, description: 'The organisation looking for partners.' },
    title: editableFields.title,
    description: Type.Optional(editableFields.description),
    themes: Type.Optional(editableFields.themes),
    partnerKinds: Type.Optional(editableFields.partnerKinds),
    countries: Type.Optional(editableFields.countries),
    populationMin: Type.Optional(editableFields.populationMin),
    populationMax: Type.Optional(editableFields.populationMax),
    languages: Type.Optional(editableFields.languages),
    partnersWanted: Type.Optional(editableFields.partnersWanted),
    fundingProgramme: Type.Optional(editableFields.fundingProgramme),
    call: Type.Optional(editableFields.call),
    deadline: Type.Optional(editableFields.deadline),
    visibility: Type.Optional({
      ...editableFields.visibility,
      description: `${editableFields.visibility.description} Public unless told.`,
    }),
    status: Type.Optional(
      Type.Union(
        initialStatuses.map((status) => Type.Literal(status)),
        { description: 'Start as a draft (when left out) or open at once.' },
      ),
    ),
  },
  { additionalProperties: false, $id: 'InitiativeCreate', title: 'New initiative' },
);
export type InitiativeCreate = Static<typeof InitiativeCreate>;

export const InitiativeUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'InitiativeUpdate', title: 'Changes to an initiative' },
);
export type InitiativeUpdate = Static<typeof InitiativeUpdate>;

export const InitiativeTransition = Type.Object(
  {
    to: InitiativeStatus,
    version: Version,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Why, for the history.' })),
  },
  { additionalProperties: false, $id: 'InitiativeTransition', title: 'A change of status' },
);
export type InitiativeTransition = Static<typeof InitiativeTransition>;

const ProjectReference = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  acronym: Nullable(Type.String()),
});

export const Initiative = Type.Object(
  {
    id: Uuid,
    owner: Type.Ref(OrganisationSummary),
    title: LocalisedText,
    displayTitle: Type.String({ description: 'The English title, else the first one.' }),
    description: LocalisedText,
    themes: Type.Array(Type.String()),
    partnerKinds: Type.Array(Type.String()),
    countries: Type.Array(Type.String()),
    populationMin: Nullable(Type.Integer()),
    populationMax: Nullable(Type.Integer()),
    languages: Type.Array(Type.String()),
    partnersWanted: Nullable(Type.Integer()),
    fundingProgramme: Nullable(FundingProgramme),
    call: Nullable(Type.String()),
    deadline: Nullable(Type.String({ description: 'A calendar day, `YYYY-MM-DD`.' })),
    visibility: InitiativeVisibility,
    status: InitiativeStatus,
    allowedTransitions: Type.Array(InitiativeStatus, {
      description: 'The statuses the initiative may move to next (for those who manage it).',
    }),
    project: Nullable(ProjectReference),
    interests: Type.Object(
      { pending: Type.Integer({ minimum: 0 }), accepted: Type.Integer({ minimum: 0 }) },
      { description: 'How many expressions of interest wait for an answer and how many were accepted.' },
    ),
    canManage: Type.Boolean({
      description: 'Whether the caller may edit the initiative, move its status and answer interest.',
    }),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Initiative', title: 'Initiative' },
);
export type Initiative = Static<typeof Initiative>;

export const InitiativeStatusChange = Type.Object(
  {
    from: Nullable(InitiativeStatus),
    to: InitiativeStatus,
    note: Nullable(Type.String()),
    changedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InitiativeStatusChange', title: 'Status change of an initiative' },
);
export type InitiativeStatusChange = Static<typeof InitiativeStatusChange>;

export const InitiativeHistory = Type.Object(
  { items: Type.Array(Type.Ref(InitiativeStatusChange), { description: 'Oldest first.' }) },
  { $id: 'InitiativeHistory', title: 'Status history of an initiative' },
);

export const initiativeSortFields = ['deadline', 'createdAt', 'title'] as const;

export const InitiativeListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words of any title; case, diacritics and script do not matter.',
      }),
    ),
    status: Type.Optional(InitiativeStatus),
    theme: Type.Optional(Type.String({ maxLength: 100, description: 'Theme code.' })),
    country: Type.Optional({ ...Country, description: 'Only initiatives of owners in this country.' }),
    seeks: Type.Optional({
      ...Country,
      description: 'Only initiatives that welcome partners from this country (they name it, or no country).',
    }),
    programme: Type.Optional(FundingProgramme),
    owner: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only initiatives of this organisation.' }),
    ),
    visibility: Type.Optional(InitiativeVisibility),
    sort: sortQuery(initiativeSortFields, '-createdAt'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type InitiativeListQuery = Static<typeof InitiativeListQuery>;
