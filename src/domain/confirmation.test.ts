import { describe, expect, it } from 'vitest';
import {
  changesAny,
  confirmationAfterEdit,
  confirmationOnCreate,
  decideConfirmation,
  type ConfirmationFacts,
} from './confirmation.js';

const now = new Date('2025-03-01T10:00:00Z');
const a = 'a0000000-0000-7000-8000-000000000001';
const b = 'b0000000-0000-7000-8000-000000000002';
const editorOf = (...ids: string[]) => ({ isSystem: false, scope: new Set(ids) });
const administrator = { isSystem: false, scope: 'all' as const };

const claimedByA: ConfirmationFacts = {
  confirmation: 'claimed',
  claimedBy: a,
  confirmationNote: null,
  confirmationChangedAt: now,
};

describe('recording a relation', () => {
  it('records what the system writes as reported by its source', () => {
    expect(confirmationOnCreate({ isSystem: true, scope: 'all' }, [a, b], undefined, now)).toEqual({
      facts: {
        confirmation: 'reported_by_source',
        claimedBy: null,
        confirmationNote: null,
        confirmationChangedAt: null,
      },
    });
  });

  it("records a writer of one side as that side's claim", () => {
    expect(confirmationOnCreate(editorOf(b), [a, b], undefined, now)).toEqual({
      facts: { confirmation: 'claimed', claimedBy: b, confirmationNote: null, confirmationChangedAt: now },
    });
  });

  it('refuses a writer of one side that asks for a confirmed relation', () => {
    expect(confirmationOnCreate(editorOf(a), [a, b], 'confirmed', now)).toEqual({
      refusal: 'confirmation.not_allowed',
    });
  });

  it('refuses a writer of neither side', () => {
    expect(confirmationOnCreate(editorOf('c'), [a, b], undefined, now)).toEqual({ refusal: 'access.denied' });
  });

  it('lets a writer of both sides record it as confirmed, and otherwise leaves it unclaimed', () => {
    expect(confirmationOnCreate(administrator, [a, b], 'confirmed', now)).toMatchObject({
      facts: { confirmation: 'confirmed', claimedBy: null },
    });
    expect(confirmationOnCreate(editorOf(a, b), [a, b], undefined, now)).toMatchObject({
      facts: { confirmation: 'claimed', claimedBy: null },
    });
  });

  it("confirms a one-sided relation its side's writer enters (a lead as its own partner)", () => {
    expect(confirmationOnCreate(editorOf(a), [a], undefined, now)).toMatchObject({
      facts: { confirmation: 'confirmed', claimedBy: a },
    });
  });
});

describe('confirming and disputing', () => {
  it('lets the other side confirm a claim', () => {
    expect(decideConfirmation('confirm', claimedByA, [a, b], new Set([b]), now)).toEqual({
      facts: { confirmation: 'confirmed', claimedBy: a, confirmationNote: null, confirmationChangedAt: now },
    });
  });

  it('refuses the claiming side', () => {
    expect(decideConfirmation('confirm', claimedByA, [a, b], new Set([a]), now)).toEqual({
      refusal: 'confirmation.own_claim',
    });
    expect(decideConfirmation('dispute', claimedByA, [a, b], new Set([a]), now, 'No')).toEqual({
      refusal: 'confirmation.own_claim',
    });
  });

  it('lets a writer of both sides, or an administrator, answer for the other side', () => {
    expect(decideConfirmation('confirm', claimedByA, [a, b], new Set([a, b]), now)).toMatchObject({
      facts: { confirmation: 'confirmed' },
    });
    expect(decideConfirmation('confirm', claimedByA, [a, b], 'all', now)).toMatchObject({
      facts: { confirmation: 'confirmed' },
    });
  });

  it('keeps the reason of a dispute, trimmed', () => {
    expect(
      decideConfirmation('dispute', claimedByA, [a, b], new Set([b]), now, '  Never signed. '),
    ).toMatchObject({
      facts: { confirmation: 'disputed', confirmationNote: 'Never signed.', claimedBy: a },
    });
  });

  it('refuses to confirm twice or to dispute twice', () => {
    const confirmed = { ...claimedByA, confirmation: 'confirmed' as const };
    const disputed = { ...claimedByA, confirmation: 'disputed' as const, confirmationNote: 'No' };
    expect(decideConfirmation('confirm', confirmed, [a, b], new Set([b]), now)).toEqual({
      refusal: 'confirmation.already_confirmed',
    });
    expect(decideConfirmation('dispute', disputed, [a, b], new Set([b]), now, 'Still no')).toEqual({
      refusal: 'confirmation.already_disputed',
    });
    expect(decideConfirmation('dispute', confirmed, [a, b], new Set([b]), now, 'Ended')).toMatchObject({
      facts: { confirmation: 'disputed' },
    });
    expect(decideConfirmation('confirm', disputed, [a, b], new Set([b]), now)).toMatchObject({
      facts: { confirmation: 'confirmed', confirmationNote: null },
    });
  });

  it('lets either side answer a relation no side claimed (reported by a source)', () => {
    const reported = { ...claimedByA, confirmation: 'reported_by_source' as const, claimedBy: null };
    expect(decideConfirmation('confirm', reported, [a, b], new Set([a]), now)).toMatchObject({
      facts: { confirmation: 'confirmed' },
    });
  });

  it('refuses a writer of neither side', () => {
    expect(decideConfirmation('confirm', claimedByA, [a, b], new Set(['c']), now)).toEqual({
      refusal: 'access.denied',
    });
  });
});

describe('changing a relation', () => {
  const confirmed = { ...claimedByA, confirmation: 'confirmed' as const };
  const later = new Date('2025-04-01T00:00:00Z');

  it("returns a confirmed relation to the changing side's claim when one side changes its facts", () => {
    expect(confirmationAfterEdit(confirmed, true, [a, b], new Set([b]), later)).toEqual({
      confirmation: 'claimed',
      claimedBy: b,
      confirmationNote: null,
      confirmationChangedAt: later,
    });
  });

  it('keeps the state for descriptive changes and for writers of every side', () => {
    expect(confirmationAfterEdit(confirmed, false, [a, b], new Set([b]), later)).toBe(confirmed);
    expect(confirmationAfterEdit(confirmed, true, [a, b], 'all', later)).toBe(confirmed);
    expect(confirmationAfterEdit(confirmed, true, [a, b], new Set([a, b]), later)).toBe(confirmed);
  });

  it('tells substantive changes from repeated values', () => {
    const stored = { organisationAId: a, status: 'active', endedOn: null };
    expect(changesAny(stored, { status: 'active' }, ['status', 'endedOn'])).toBe(false);
    expect(changesAny(stored, { organisationAId: a.toUpperCase() }, ['organisationAId'])).toBe(false);
    expect(changesAny(stored, { endedOn: '2020' }, ['status', 'endedOn'])).toBe(true);
    expect(changesAny(stored, { description: { en: 'x' } }, ['status', 'endedOn'])).toBe(false);
  });
});
