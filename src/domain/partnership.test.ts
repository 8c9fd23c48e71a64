import { describe, expect, it } from 'vitest';
import {
  checkPartnership,
  findDuplicatePartnership,
  isPartnershipEnded,
  isSamePair,
  type PartnershipFacts,
} from './partnership.js';

const twinning: PartnershipFacts = {
  organisationAId: 'zagreb',
  organisationBId: 'sofia',
  type: 'twinning',
  status: 'active',
};

describe('checkPartnership', () => {
  it('accepts two organisations with ordered dates', () => {
    expect(
      checkPartnership({ ...twinning, signedOn: '2007-05', startedOn: '2007', endedOn: '2020' }),
    ).toEqual([]);
  });

  it('refuses the same organisation on both sides, on side B', () => {
    expect(checkPartnership({ ...twinning, organisationBId: 'zagreb' })).toEqual([
      expect.objectContaining({ field: 'body.organisationBId', code: 'partnership.self' }),
    ]);
  });

  it('refuses an end before the start', () => {
    expect(checkPartnership({ ...twinning, startedOn: '2010', endedOn: '2009' })).toEqual([
      expect.objectContaining({ field: 'body.endedOn', code: 'date.end_before_start' }),
    ]);
  });

  it('refuses an end before the signing', () => {
    expect(checkPartnership({ ...twinning, signedOn: '2010-05-14', endedOn: '2010-04' })).toEqual([
      expect.objectContaining({ field: 'body.endedOn', code: 'date.end_before_start' }),
    ]);
  });

  it('allows an end date whatever the status', () => {
    expect(checkPartnership({ ...twinning, status: 'active', startedOn: '2001', endedOn: '2030' })).toEqual(
      [],
    );
  });

  it('refuses a day that is not in the calendar', () => {
    expect(checkPartnership({ ...twinning, signedOn: '2023-04-31' })).toEqual([
      expect.objectContaining({ field: 'body.signedOn', code: 'date.invalid' }),
    ]);
  });
});

describe('isPartnershipEnded', () => {
  it('reads the status, not the dates', () => {
    expect(isPartnershipEnded('ended')).toBe(true);
    expect(isPartnershipEnded('dormant')).toBe(false);
  });
});

describe('isSamePair', () => {
  it('matches the two sides in either order', () => {
    expect(isSamePair(twinning, { organisationAId: 'sofia', organisationBId: 'zagreb' })).toBe(true);
    expect(isSamePair(twinning, { organisationAId: 'sofia', organisationBId: 'nis' })).toBe(false);
  });
});

describe('findDuplicatePartnership', () => {
  const existing = [
    { id: 'p1', organisationAId: 'sofia', organisationBId: 'zagreb', type: 'twinning', status: 'signed' },
    { id: 'p2', organisationAId: 'zagreb', organisationBId: 'nis', type: 'twinning', status: 'ended' },
  ];

  it('finds a live partnership of the same type between the same organisations, in either order', () => {
    expect(findDuplicatePartnership(twinning, existing)?.id).toBe('p1');
  });

  it('allows another type between the same organisations', () => {
    expect(findDuplicatePartnership({ ...twinning, type: 'friendship' }, existing)).toBeUndefined();
  });

  it('allows a new partnership when the earlier one ended', () => {
    expect(findDuplicatePartnership({ ...twinning, organisationBId: 'nis' }, existing)).toBeUndefined();
  });

  it('allows recording a partnership that has itself ended', () => {
    expect(findDuplicatePartnership({ ...twinning, status: 'ended' }, existing)).toBeUndefined();
  });

  it('ignores the partnership being changed', () => {
    expect(findDuplicatePartnership({ ...twinning, id: 'p1' }, existing)).toBeUndefined();
  });
});
