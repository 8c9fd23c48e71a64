import { Type, type Static } from '@sinclair/typebox';
import { LanguageTag } from '../../platform/http/schemas.js';
import { ExcludedPartner, SuggestedPartner, exclusionCodes } from '../matching/matching.schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';

export const candidateExclusionCodes = [...exclusionCodes, 'already_in_initiative'] as const;

export const ExcludedCandidate = Type.Object(
  {
    organisation: Type.Ref(OrganisationSummary),
    reason: Type.Union(
      candidateExclusionCodes.map((code) => Type.Literal(code)),
      {
        description:
          "`already_in_initiative` (a partner of the initiative's project, or its interest was accepted), " +
          "`existing_partner` (already the owner's partner), `not_eligible` (the programme cannot fund it), " +
          '`outside_criteria` (not what the initiative seeks).',
      },
    ),
    detail: ExcludedPartner.properties.detail,
  },
  { $id: 'ExcludedCandidate', title: 'Candidate left out' },
);
export type ExcludedCandidate = Static<typeof ExcludedCandidate>;

export const CandidateList = Type.Object(
  {
    items: Type.Array(Type.Ref(SuggestedPartner), {
      description: 'Best first, each with its score from 0 to 1 and the contribution of each factor.',
    }),
    excluded: Type.Array(Type.Ref(ExcludedCandidate), { description: 'Only with `includeExcluded=true`.' }),
  },
  { $id: 'CandidateList', title: 'Candidate partners of an initiative' },
);
export type CandidateList = Static<typeof CandidateList>;

export const CandidatesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    includeExcluded: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Also list the organisations left out (existing partners, ineligible), with the reason.',
      }),
    ),
    lang: Type.Optional({ ...LanguageTag, description: "The reader's language for organisations' names." }),
  },
  { additionalProperties: false },
);
export type CandidatesQuery = Static<typeof CandidatesQuery>;
