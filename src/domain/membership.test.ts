import { describe, expect, it } from 'vitest';
import {
  checkMembership,
  checkPartialDates,
  doPeriodsOverlap,
  findDuplicateMembership,
} from './membership.js';

const city = 'city';
const network = 'network';

describe('checkMembership', () => {
  it('accepts a member of another organisation with ordered dates', () => {
    expect(
      checkMembership({ memberId: city, organisationId: network, since: '2003', until: '2010-05' }),
    ).toEqual([]);
  });

  it('refuses an organisation that is a member of itself', () => {
    expect(checkMembership({ memberId: city, organisationId: city })).toEqual([
      expect.objectContaining({ field: 'body.organisationId', code: 'membership.self' }),
    ]);
  });

  it('refuses an end before the start, on the end field', () => {
    expect(
      checkMembership({ memberId: city, organisationId: network, since: '2010', until: '2009-12' }),
    ).toEqual([expect.objectContaining({ field: 'body.until', code: 'date.end_before_start' })]);
  });

  it('compares partial dates at the precision both share', () => {
    expect(
      checkMembership({ memberId: city, organisationId: network, since: '2010-05', until: '2010' }),
    ).toEqual([]);
  });

  it('refuses a day that is not in the calendar', () => {
    expect(checkMembership({ memberId: city, organisationId: network, since: '2021-02-30' })).toEqual([
      expect.objectContaining({ field: 'body.since', code: 'date.invalid' }),
    ]);
  });
});

describe('checkPartialDates', () => {
  it('ignores absent dates and accepts real days', () => {
    expect(checkPartialDates({ 'body.a': null, 'body.b': undefined, 'body.c': '2024-02-29' })).toEqual([]);
  });
});

describe('doPeriodsOverlap', () => {
  it('finds periods that share time', () => {
    expect(doPeriodsOverlap({ since: '2001', until: '2005' }, { since: '2004', until: '2008' })).toBe(true);
  });

  it('finds periods apart', () => {
    expect(doPeriodsOverlap({ since: '2001', until: '2005' }, { since: '2006', until: '2008' })).toBe(false);
    expect(doPeriodsOverlap({ since: '2006' }, { since: '2001', until: '2005-12' })).toBe(false);
  });

  it('treats a missing end as open and a missing start as unknown', () => {
    expect(doPeriodsOverlap({ since: '2001' }, { since: '2020' })).toBe(true);
    expect(doPeriodsOverlap({}, { since: '2001', until: '2002' })).toBe(true);
    expect(doPeriodsOverlap({ until: '2000' }, { since: '2001' })).toBe(false);
  });

  it('counts periods that meet within the precision the sources give as overlapping', () => {
    expect(doPeriodsOverlap({ since: '2001', until: '2010' }, { since: '2010-06' })).toBe(true);
    expect(doPeriodsOverlap({ since: '2001', until: '2010-05' }, { since: '2010-06' })).toBe(false);
  });
});

describe('findDuplicateMembership', () => {
  const existing = [
    { id: 'm1', memberId: city, organisationId: network, since: '2001', until: '2005' },
    { id: 'm2', memberId: city, organisationId: 'other', since: '2001', until: null },
  ];

  it('finds the same member in the same organisation over an overlapping period', () => {
    expect(
      findDuplicateMembership({ memberId: city, organisationId: network, since: '2004' }, existing)?.id,
    ).toBe('m1');
  });

  it('allows a second membership after the first ended', () => {
    expect(
      findDuplicateMembership({ memberId: city, organisationId: network, since: '2007' }, existing),
    ).toBeUndefined();
  });

  it('ignores the membership being changed', () => {
    expect(
      findDuplicateMembership({ id: 'm1', memberId: city, organisationId: network, since: '2002' }, existing),
    ).toBeUndefined();
  });
});
