import { Type, type Static } from '@sinclair/typebox';
import { fundingProgrammeCodes } from '../../domain/funding-programmes.js';
import { matchFactorCodes } from '../../domain/matching.js';
import { LanguageTag, Nullable } from '../../platform/http/schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';

export const SuggestedPartnersQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
    includeExcluded: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Also list who was left out and why: existing partners, and ineligible candidates.',
      }),
    ),
    programme: Type.Optional(
      Type.Union(
        fundingProgrammeCodes.map((code) => Type.Literal(code)),
        { description: 'Only candidates this funding programme can fund (see /api/funding-programmes).' },
      ),
    ),
    lang: Type.Optional(LanguageTag),
  },
  { additionalProperties: false },
);
export type SuggestedPartnersQuery = Static<typeof SuggestedPartnersQuery>;

/** An organisation an explanation names. */
const OrganisationRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
});

export const MatchFactor = Type.Object(
  {
    factor: Type.Union(
      matchFactorCodes.map((code) => Type.Literal(code)),
      { description: 'What the factor weighs, as a code the interface words.' },
    ),
    weight: Type.Number({ description: "The factor's weight in the model (sum of its inputs' weights)." }),
    contribution: Type.Number({
      description:
        "What the factor adds to the score, in the model's points: positive raises it, negative lowers it.",
    }),
    detail: Type.Object(
      {
        count: Type.Optional(Type.Integer({ description: 'common_partners: how many.' })),
        partners: Type.Optional(
          Type.Array(OrganisationRef, { description: 'common_partners: some of them.' }),
        ),
        through: Type.Optional(
          Type.Array(OrganisationRef, {
            description:
              "extended_network: the candidate's partners that are partners of the requester's partners.",
          }),
        ),
        examples: Type.Optional(
          Type.Array(Type.Object({ near: OrganisationRef, partner: OrganisationRef }), {
            description:
              'regional_ties: towns near the requester and their partners near the candidate (or it).',
          }),
        ),
        fromCountry: Type.Optional(Type.String()),
        toCountry: Type.Optional(Type.String()),
        partnerships: Type.Optional(
          Type.Integer({
            description:
              "country_affinity: partnerships between the two countries' organisations; activity: the candidate's partnerships.",
          }),
        ),
        share: Type.Optional(
          Type.Number({
            description: "country_affinity: their share of the requester's country's partnerships.",
          }),
        ),
        km: Type.Optional(Type.Integer({ description: 'distance: kilometres apart.' })),
        sameCountry: Type.Optional(Type.Boolean()),
        crossBorder: Type.Optional(Type.Boolean({ description: 'distance: neighbours across a border.' })),
        population: Type.Optional(Nullable(Type.Integer())),
        requesterPopulation: Type.Optional(Nullable(Type.Integer())),
        relation: Type.Optional(
          Type.Union([Type.Literal('shared'), Type.Literal('close'), Type.Literal('family')], {
            description: 'languages: a language in common, closely related ones, or one family.',
          }),
        ),
        group: Type.Optional(
          Type.String({ description: 'languages: the group, e.g. `serbo_croatian`, `south_slavic`.' }),
        ),
        languages: Type.Optional(Type.Array(Type.String())),
        themes: Type.Optional(Type.Array(Type.String(), { description: 'shared_themes: theme codes.' })),
        networks: Type.Optional(Type.Array(OrganisationRef, { description: 'shared_networks.' })),
        memberships: Type.Optional(Type.Integer()),
        projects: Type.Optional(Type.Integer()),
        activities: Type.Optional(Type.Integer()),
        programme: Type.Optional(Type.String({ description: 'eligibility: the funding programme code.' })),
      },
      { description: 'What the factor rests on; which fields are present depends on the factor.' },
    ),
  },
  { $id: 'MatchFactor', title: 'Matching factor' },
);
export type MatchFactor = Static<typeof MatchFactor>;

export const SuggestedPartner = Type.Object(
  {
    organisation: Type.Ref(OrganisationSummary),
    score: Type.Number({ minimum: 0, maximum: 1, description: 'How well it fits, from 0 to 1.' }),
    factors: Type.Array(Type.Ref(MatchFactor), { description: 'Largest contribution first.' }),
  },
  { $id: 'SuggestedPartner', title: 'Suggested partner' },
);
export type SuggestedPartner = Static<typeof SuggestedPartner>;

export const exclusionCodes = ['existing_partner', 'not_eligible', 'outside_criteria'] as const;

export const ExcludedPartner = Type.Object(
  {
    organisation: Type.Ref(OrganisationSummary),
    reason: Type.Union(
      exclusionCodes.map((code) => Type.Literal(code)),
      {
        description:
          '`existing_partner` (already a partner), `not_eligible` (the programme cannot fund it), ' +
          '`outside_criteria` (not what is sought).',
      },
    ),
    detail: Type.Object({
      partnershipType: Type.Optional(Type.String()),
      partnershipStatus: Type.Optional(Type.String()),
      programme: Type.Optional(Type.String()),
      eligibility: Type.Optional(
        Type.Union([
          Type.Literal('country_not_eligible'),
          Type.Literal('country_unknown'),
          Type.Literal('needs_member_state'),
        ]),
      ),
      criterion: Type.Optional(
        Type.Union([
          Type.Literal('countries'),
          Type.Literal('kinds'),
          Type.Literal('population'),
          Type.Literal('languages'),
        ]),
      ),
    }),
  },
  { $id: 'ExcludedPartner', title: 'Partner left out' },
);
export type ExcludedPartner = Static<typeof ExcludedPartner>;

export const SuggestedPartners = Type.Object(
  {
    organisation: Type.Ref(OrganisationSummary),
    programme: Nullable(
      Type.String({ description: 'The funding programme the candidates were checked against.' }),
    ),
    candidates: Type.Array(Type.Ref(SuggestedPartner), { description: 'Best first.' }),
    excluded: Type.Array(Type.Ref(ExcludedPartner), { description: 'Only with `includeExcluded=true`.' }),
  },
  { $id: 'SuggestedPartners', title: 'Suggested partners' },
);
export type SuggestedPartners = Static<typeof SuggestedPartners>;

export const FundingProgramme = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    eligibleCountries: Type.Array(Type.String()),
    requiresMemberState: Type.Boolean({
      description: 'Whether a partnership needs at least one organisation in an EU member state.',
    }),
    basis: Type.String({ description: 'Where the list of countries comes from.' }),
  },
  { $id: 'FundingProgramme', title: 'Funding programme' },
);
export type FundingProgramme = Static<typeof FundingProgramme>;
