/**
 * Funding programmes that pay for cooperation between authorities, and the countries whose organisations
 * may receive their funding. Partner matching leaves out candidates a programme cannot fund. Eligibility
 * changes with association agreements; each programme names where its list comes from and when it was
 * checked.
 */

/** The 27 member states of the European Union. */
export const euMemberStates: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

export const fundingProgrammeCodes = [
  'urbact_iv',
  'interreg_europe',
  'cerv_town_twinning',
  'erasmus_plus',
] as const;
export type FundingProgrammeCode = (typeof fundingProgrammeCodes)[number];

export interface FundingProgramme {
  code: FundingProgrammeCode;
  name: string;
  /** Countries whose organisations the programme funds. */
  eligibleCountries: readonly string[];
  /** Whether a partnership needs at least one organisation in an EU member state. */
  requiresMemberState: boolean;
  /** Where the list of countries comes from. */
  basis: string;
}

export const fundingProgrammes: Readonly<Record<FundingProgrammeCode, FundingProgramme>> = {
  urbact_iv: {
    code: 'urbact_iv',
    name: 'URBACT IV (2021–2027)',
    // IPA beneficiaries that URBACT IV funds: Kosovo and Türkiye are IPA beneficiaries but not in URBACT IV.
    eligibleCountries: [...euMemberStates, 'NO', 'CH', 'AL', 'BA', 'ME', 'MK', 'RS'],
    requiresMemberState: false,
    basis:
      'URBACT IV call for Action Planning Networks (2023): EU member states, partner states Norway and ' +
      'Switzerland, and the IPA countries Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia.',
  },
  interreg_europe: {
    code: 'interreg_europe',
    name: 'Interreg Europe (2021–2027)',
    eligibleCountries: [...euMemberStates, 'NO', 'CH'],
    requiresMemberState: false,
    basis: 'Interreg Europe programme area: the EU member states, Norway and Switzerland.',
  },
  cerv_town_twinning: {
    code: 'cerv_town_twinning',
    name: 'CERV – Town Twinning',
    eligibleCountries: [...euMemberStates, 'AL', 'BA', 'XK', 'RS', 'UA'],
    requiresMemberState: true,
    basis:
      'Citizens, Equality, Rights and Values programme, Town Twinning calls 2024: EU member states and the ' +
      'countries associated to CERV (Albania, Bosnia and Herzegovina, Kosovo, Serbia, Ukraine); municipalities ' +
      'from at least two eligible countries, one of them an EU member state. Check each call.',
  },
  erasmus_plus: {
    code: 'erasmus_plus',
    name: 'Erasmus+ (2021–2027)',
    eligibleCountries: [...euMemberStates, 'IS', 'LI', 'NO', 'MK', 'RS', 'TR'],
    requiresMemberState: false,
    basis:
      'Erasmus+ Programme Guide: EU member states and the associated third countries Iceland, Liechtenstein, ' +
      'Norway, North Macedonia, Serbia and Türkiye.',
  },
};

export function isFundingProgrammeCode(code: string): code is FundingProgrammeCode {
  return (fundingProgrammeCodes as readonly string[]).includes(code);
}

/** Why a programme cannot fund a candidate for a requester, if it cannot. */
export type IneligibilityReason = 'country_not_eligible' | 'country_unknown' | 'needs_member_state';

/**
 * Whether `programme` can fund a partnership of the requester with the candidate: the candidate's country
 * must be eligible, and for programmes that need an EU member state, one of the two must be in one.
 */
export function checkEligibility(
  programme: FundingProgramme,
  requesterCountry: string | null,
  candidateCountry: string | null,
): { eligible: true } | { eligible: false; reason: IneligibilityReason } {
  if (!candidateCountry) return { eligible: false, reason: 'country_unknown' };
  if (!programme.eligibleCountries.includes(candidateCountry))
    return { eligible: false, reason: 'country_not_eligible' };
  if (
    programme.requiresMemberState &&
    !euMemberStates.includes(candidateCountry) &&
    !(requesterCountry && euMemberStates.includes(requesterCountry))
  )
    return { eligible: false, reason: 'needs_member_state' };
  return { eligible: true };
}
