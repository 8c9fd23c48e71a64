import { Type, type Static } from '@sinclair/typebox';
import { projectPartnerRoles, projectStatuses } from '../../domain/vocabulary.js';
import {
  Country,
  Currency,
  Decimal,
  LocalisedText,
  Nullable,
  PageQuery,
  PartialDate,
  ThemeCodes,
  Uuid,
  Version,
  sortQuery,
} from '../../platform/http/schemas.js';
import { Confirmation } from '../confirmation/confirmation.schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

export const ProjectStatus = Type.Union(projectStatuses.map((status) => Type.Literal(status)));
export const ProjectPartnerRole = Type.Union(projectPartnerRoles.map((role) => Type.Literal(role)));

/** A currency without a default, for changes: a PATCH that leaves it out must not reset it to EUR. */
const CurrencyChange = Type.String({ pattern: Currency.pattern, description: Currency.description });

/** A title in at least one language. */
const Title = {
  ...LocalisedText,
  minProperties: 1,
  description: 'The title per language tag; at least one, e.g. `{"en": "Cities@Heart Action Network"}`.',
};

export const ProjectPartnerInput = Type.Object(
  {
    organisationId: Uuid,
    role: ProjectPartnerRole,
    budget: Type.Optional(Nullable(Decimal)),
    currency: Type.Optional(Currency),
    coFinancingRate: Type.Optional(
      Nullable({ ...Decimal, description: 'Co-financing rate in per cent (0-100), e.g. `80`.' }),
    ),
    coFinancingFund: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Fund, e.g. `ERDF`.' })),
    ),
  },
  { additionalProperties: false },
);
export type ProjectPartnerInput = Static<typeof ProjectPartnerInput>;

const editableFields = {
  title: Title,
  slug: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]*$',
    maxLength: 80,
    description: 'Readable URL key; made from the acronym or the title when omitted.',
  }),
  acronym: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
  programme: Type.String({ minLength: 1, maxLength: 300, description: 'Funding programme: `URBACT IV`.' }),
  call: Nullable(Type.String({ minLength: 1, maxLength: 500 })),
  fund: Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Fund, e.g. `ERDF`.' })),
  status: ProjectStatus,
  startsOn: Nullable(PartialDate),
  endsOn: Nullable(PartialDate),
  durationMonths: Nullable(Type.Integer({ minimum: 1, maximum: 1200 })),
  totalBudget: Nullable(Decimal),
  currency: CurrencyChange,
  objectives: LocalisedText,
  expectedResults: LocalisedText,
  description: LocalisedText,
  themes: ThemeCodes,
  website: Nullable(Type.String({ format: 'uri', maxLength: 500 })),
  sourceId: Nullable(Uuid),
  partners: Type.Array(ProjectPartnerInput, {
    maxItems: 500,
    description: 'Every partner, in order; a change replaces the whole list.',
  }),
};

export const ProjectCreate = Type.Object(
  {
    title: editableFields.title,
    slug: Type.Optional(editableFields.slug),
    acronym: Type.Optional(editableFields.acronym),
    programme: editableFields.programme,
    call: Type.Optional(editableFields.call),
    fund: Type.Optional(editableFields.fund),
    status: editableFields.status,
    startsOn: Type.Optional(editableFields.startsOn),
    endsOn: Type.Optional(editableFields.endsOn),
    durationMonths: Type.Optional(editableFields.durationMonths),
    totalBudget: Type.Optional(editableFields.totalBudget),
    currency: Type.Optional(Currency),
    objectives: Type.Optional(editableFields.objectives),
    expectedResults: Type.Optional(editableFields.expectedResults),
    description: Type.Optional(editableFields.description),
    themes: Type.Optional(editableFields.themes),
    website: Type.Optional(editableFields.website),
    sourceId: Type.Optional(editableFields.sourceId),
    partners: Type.Optional(editableFields.partners),
  },
  { additionalProperties: false, $id: 'ProjectCreate', title: 'New project' },
);
export type ProjectCreate = Static<typeof ProjectCreate>;

export const ProjectUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'ProjectUpdate', title: 'Changes to a project' },
);
export type ProjectUpdate = Static<typeof ProjectUpdate>;

/** A partner as a project shows it. */
export const ProjectPartner = Type.Object(
  {
    organisation: OrganisationSummary,
    role: Type.String(),
    budget: Nullable(Type.String({ description: 'Exact decimal amount.' })),
    currency: Type.String(),
    coFinancingRate: Nullable(Type.String({ description: 'Per cent, exact decimal.' })),
    coFinancingFund: Nullable(Type.String()),
    confirmation: Type.Ref(Confirmation, {
      description: "Confirmation by both sides: the project's lead and the partner.",
    }),
  },
  { $id: 'ProjectPartner', title: 'Project partner' },
);
export type ProjectPartner = Static<typeof ProjectPartner>;

export const ProjectTotals = Type.Object({
  partnerBudget: Nullable(
    Type.String({
      description:
        'Exact sum of the partner budgets stated in the project currency; budgets in other currencies are not converted and not included.',
    }),
  ),
  currency: Type.String(),
  partnerCount: Type.Integer({ minimum: 0 }),
});

export const Project = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: LocalisedText,
    displayTitle: Type.String({ description: 'The English title, else the first one.' }),
    acronym: Nullable(Type.String()),
    programme: Type.String(),
    call: Nullable(Type.String()),
    fund: Nullable(Type.String()),
    status: Type.String(),
    startsOn: Nullable(Type.String()),
    endsOn: Nullable(Type.String()),
    durationMonths: Nullable(Type.Integer()),
    totalBudget: Nullable(Type.String({ description: 'Exact decimal amount.' })),
    currency: Type.String(),
    objectives: LocalisedText,
    expectedResults: LocalisedText,
    description: LocalisedText,
    themes: Type.Array(Type.String()),
    website: Nullable(Type.String()),
    partners: Type.Array(Type.Ref(ProjectPartner), {
      description: 'The lead first, then in the entered order.',
    }),
    totals: ProjectTotals,
    source: Nullable(SourceSummary),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Project', title: 'Project' },
);
export type Project = Static<typeof Project>;

/** A project as other records mention it. */
export interface ProjectSummary {
  id: string;
  slug: string;
  title: string;
  acronym: string | null;
}

export const projectSortFields = ['title', 'startsOn', 'createdAt'] as const;

export const ProjectListQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words of any title or of the acronym; case, diacritics and script do not matter.',
      }),
    ),
    programme: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'Exact programme, in any case.' }),
    ),
    status: Type.Optional(ProjectStatus),
    theme: Type.Optional(Type.String({ description: 'Theme code.' })),
    year: Type.Optional(
      Type.Integer({ minimum: 1000, maximum: 9999, description: 'Only projects running in that year.' }),
    ),
    organisation: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only projects this organisation is a partner of.' }),
    ),
    country: Type.Optional({ ...Country, description: 'Only projects with a partner of this country.' }),
    sort: sortQuery(projectSortFields, 'title'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProjectListQuery = Static<typeof ProjectListQuery>;
