import type { FieldError } from './field-error.js';
import { isOrderedPartialDates, isPartialDate } from './partial-date.js';

/** What the rules of a membership look at: the two parties and the period. */
export interface MembershipFacts {
  /** The member: a city, a municipality, an association. */
  memberId: string;
  /** The network or association it belongs to. */
  organisationId: string;
  since?: string | null | undefined;
  until?: string | null | undefined;
}

/** A period of partial dates; a missing end means it is still open, a missing start that it is unknown. */
export interface Period {
  since?: string | null | undefined;
  until?: string | null | undefined;
}

/** Checks that each date names a real day (the schema checks only the form: `2021-02-31` passes it). */
export function checkPartialDates(dates: Record<string, string | null | undefined>): FieldError[] {
  return Object.entries(dates)
    .filter(([, value]) => value && !isPartialDate(value))
    .map(([field, value]) => ({
      field,
      code: 'date.invalid',
      message: `"${value}" is not a date of the calendar.`,
    }));
}

/** The rules a membership must keep, beyond the shape its schema checks. */
export function checkMembership(facts: MembershipFacts): FieldError[] {
  const errors = checkPartialDates({ 'body.since': facts.since, 'body.until': facts.until });
  if (facts.memberId === facts.organisationId) {
    errors.push({
      field: 'body.organisationId',
      code: 'membership.self',
      message: 'An organisation cannot be a member of itself.',
    });
  }
  if (!isOrderedPartialDates(facts.since, facts.until)) {
    errors.push({
      field: 'body.until',
      code: 'date.end_before_start',
      message: 'The membership ends before it begins.',
    });
  }
  return errors;
}

/**
 * Whether two periods share any time. Partial dates are compared at the precision both share, so a
 * membership until `2010` and one since `2010-06` overlap: the sources do not say that they do not.
 */
export function doPeriodsOverlap(a: Period, b: Period): boolean {
  const endsBefore = (first: Period, second: Period) => !isOrderedPartialDates(second.since, first.until);
  return !endsBefore(a, b) && !endsBefore(b, a);
}

/**
 * The membership among `existing` that the candidate would repeat: the same member in the same
 * organisation over an overlapping period. The candidate itself (same id) is ignored.
 */
export function findDuplicateMembership<T extends MembershipFacts & { id: string }>(
  candidate: MembershipFacts & { id?: string | undefined },
  existing: readonly T[],
): T | undefined {
  return existing.find(
    (other) =>
      other.id !== candidate.id &&
      other.memberId === candidate.memberId &&
      other.organisationId === candidate.organisationId &&
      doPeriodsOverlap(candidate, other),
  );
}
