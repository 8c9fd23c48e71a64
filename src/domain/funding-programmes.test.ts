import { describe, expect, it } from 'vitest';
import { checkEligibility, euMemberStates, fundingProgrammes } from './funding-programmes.js';

describe('funding programme eligibility', () => {
  it('lists the 27 member states', () => {
    expect(new Set(euMemberStates).size).toBe(27);
  });

  it('funds URBACT IV partners in the EU, Norway, Switzerland and the IPA countries it names', () => {
    const urbact = fundingProgrammes.urbact_iv;
    for (const country of ['HR', 'SI', 'NO', 'CH', 'RS', 'BA', 'ME', 'MK', 'AL'])
      expect(checkEligibility(urbact, 'HR', country)).toEqual({ eligible: true });
    for (const country of ['TR', 'XK', 'UA', 'GB', 'US'])
      expect(checkEligibility(urbact, 'HR', country)).toEqual({
        eligible: false,
        reason: 'country_not_eligible',
      });
    expect(checkEligibility(urbact, 'HR', null)).toEqual({ eligible: false, reason: 'country_unknown' });
  });

  it('funds Interreg Europe partners in the EU, Norway and Switzerland only', () => {
    expect(checkEligibility(fundingProgrammes.interreg_europe, 'HR', 'NO')).toEqual({ eligible: true });
    expect(checkEligibility(fundingProgrammes.interreg_europe, 'HR', 'RS')).toMatchObject({
      eligible: false,
    });
  });

  it('needs a member state in every CERV town twinning', () => {
    const cerv = fundingProgrammes.cerv_town_twinning;
    expect(checkEligibility(cerv, 'RS', 'HR')).toEqual({ eligible: true });
    expect(checkEligibility(cerv, 'HR', 'RS')).toEqual({ eligible: true });
    expect(checkEligibility(cerv, 'RS', 'BA')).toEqual({ eligible: false, reason: 'needs_member_state' });
  });
});
