import { Type, type Static } from '@sinclair/typebox';
import { Currency, Decimal, Nullable, Uuid, Version } from '../../platform/http/schemas.js';

/** A project and one of its partners: `/api/projects/{id}/partners/{organisationId}`. */
export const ProjectPartnerParams = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100, description: 'Project id (UUID) or slug.' }),
    organisationId: { ...Uuid, description: 'The partner organisation.' },
  },
  { additionalProperties: false },
);
export type ProjectPartnerParams = Static<typeof ProjectPartnerParams>;

/** A partner joining a project: added by the lead, or claimed by the partner itself. */
export const ProjectPartnerAdd = Type.Object(
  {
    organisationId: { ...Uuid, description: 'The partner organisation.' },
    role: Type.Union([Type.Literal('partner'), Type.Literal('associate')], {
      description: 'The lead is set by a change of the project, not here.',
    }),
    budget: Type.Optional(Nullable(Decimal)),
    currency: Type.Optional(Currency),
    coFinancingRate: Type.Optional(
      Nullable({ ...Decimal, description: 'Co-financing rate in per cent (0-100), e.g. `80`.' }),
    ),
    coFinancingFund: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Fund, e.g. `ERDF`.' })),
    ),
    version: { ...Version, description: "The project's version you read." },
  },
  { additionalProperties: false, $id: 'ProjectPartnerAdd', title: 'A partner joining a project' },
);
export type ProjectPartnerAdd = Static<typeof ProjectPartnerAdd>;
