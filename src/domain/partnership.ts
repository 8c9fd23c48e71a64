import type { FieldError } from './field-error.js';
import { checkPartialDates } from './membership.js';
import { isOrderedPartialDates } from './partial-date.js';
import type { PartnershipStatus, PartnershipType } from './vocabulary.js';

/** What the rules of a partnership look at: the two sides, the type, the status and the dates. */
export interface PartnershipFacts {
  organisationAId: string;
  organisationBId: string;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn?: string | null | undefined;
  signedOn?: string | null | undefined;
  endedOn?: string | null | undefined;
}

/** The rules a partnership must keep, beyond the shape its schema checks. */
export function checkPartnership(facts: PartnershipFacts): FieldError[] {
  const errors = checkPartialDates({
    'body.startedOn': facts.startedOn,
    'body.signedOn': facts.signedOn,
    'body.endedOn': facts.endedOn,
  });
  if (facts.organisationAId === facts.organisationBId) {
    errors.push({
      field: 'body.organisationBId',
      code: 'partnership.self',
      message: 'A partnership needs two different organisations.',
    });
  }
  const endsBeforeStart = !isOrderedPartialDates(facts.startedOn, facts.endedOn);
  const endsBeforeSigning = !isOrderedPartialDates(facts.signedOn, facts.endedOn);
  if (endsBeforeStart || endsBeforeSigning) {
    errors.push({
      field: 'body.endedOn',
      code: 'date.end_before_start',
      message: endsBeforeStart
        ? 'The partnership ends before it starts.'
        : 'The partnership ends before it was signed.',
    });
  }
  return errors;
}

/**
 * Whether a partnership is over. The status says so, not the end date: an end date with another status
 * (a dormant tie, a planned end) is allowed.
 */
export function isPartnershipEnded(status: string): boolean {
  return status === 'ended';
}

/** Whether two partnerships join the same two organisations, in either order. */
export function isSamePair(
  a: Pick<PartnershipFacts, 'organisationAId' | 'organisationBId'>,
  b: Pick<PartnershipFacts, 'organisationAId' | 'organisationBId'>,
): boolean {
  return (
    (a.organisationAId === b.organisationAId && a.organisationBId === b.organisationBId) ||
    (a.organisationAId === b.organisationBId && a.organisationBId === b.organisationAId)
  );
}

/**
 * The partnership among `existing` that the candidate would repeat: one of the same type between the same
 * two organisations, neither of them ended. The candidate itself (same id) is ignored.
 */
export function findDuplicatePartnership<
  T extends Pick<PartnershipFacts, 'organisationAId' | 'organisationBId'> & {
    id: string;
    type: string;
    status: string;
  },
>(candidate: PartnershipFacts & { id?: string | undefined }, existing: readonly T[]): T | undefined {
  if (isPartnershipEnded(candidate.status)) return undefined;
  return existing.find(
    (other) =>
      other.id !== candidate.id &&
      other.type === candidate.type &&
      !isPartnershipEnded(other.status) &&
      isSamePair(candidate, other),
  );
}
