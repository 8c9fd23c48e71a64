/**
 * Confirmation by both sides of a relation (a partnership, a membership, a project partnership). One
 * side enters it (`claimed`); the other side confirms or disputes it. Records an import or the demo
 * loader writes are `reported_by_source`: a published source says so, no side has spoken yet.
 */

export const confirmationStates = ['claimed', 'confirmed', 'disputed', 'reported_by_source'] as const;
export type ConfirmationState = (typeof confirmationStates)[number];

/** The states a writer may ask for when recording a relation. */
export const requestableStates = ['claimed', 'confirmed', 'reported_by_source'] as const;
export type RequestableState = (typeof requestableStates)[number];

/** The confirmation of one stored relation, as its columns hold it. */
export interface ConfirmationFacts {
  confirmation: ConfirmationState;
  /** The side that entered the relation; null when neither side did (an administrator, a source). */
  claimedBy: string | null;
  /** Why the other side disputes it; null unless disputed. */
  confirmationNote: string | null;
  confirmationChangedAt: Date | null;
}

/** The organisations an actor writes for: `all` for administrators and the system. */
export type Scope = 'all' | ReadonlySet<string>;

/** Who is acting, as far as confirmation cares. */
export interface Acting {
  /** The system (the demo loader, an import) records what sources report. */
  isSystem: boolean;
  scope: Scope;
}

/** Why a confirmation rule refuses; the service turns it into an error with this code. */
export type ConfirmationRefusal =
  | 'access.denied'
  | 'confirmation.own_claim'
  | 'confirmation.already_confirmed'
  | 'confirmation.already_disputed'
  | 'confirmation.not_allowed';

export type Decision = { facts: ConfirmationFacts } | { refusal: ConfirmationRefusal };

/** The sides of a relation the actor writes for, in the relation's order, each once. */
export function sidesActedFor(scope: Scope, parties: readonly string[]): string[] {
  const unique = [...new Set(parties)];
  return scope === 'all' ? unique : unique.filter((party) => scope.has(party));
}

/** Whether the actor writes for every side of the relation (an administrator always does). */
function actsForEverySide(scope: Scope, parties: readonly string[]): boolean {
  return sidesActedFor(scope, parties).length === new Set(parties).size;
}

/**
 * The confirmation of a relation someone records.
 * - The system records what a source reports: `reported_by_source` unless it asks for another state.
 * - A writer of one side only claims it for that side; asking for any other state is refused.
 * - A writer of every side (administrators, an editor of both organisations) may record it as
 *   `confirmed` or `reported_by_source` when it says so; otherwise it is `claimed` with no claiming
 *   side, so either side may confirm it.
 * - A relation with one side only (a project's lead as its own partner) entered by that side's writer
 *   is `confirmed`: there is nobody else to ask.
 */
export function confirmationOnCreate(
  acting: Acting,
  parties: readonly string[],
  requested: RequestableState | undefined,
  now: Date,
): Decision {
  if (acting.isSystem) {
    const state = requested ?? 'reported_by_source';
    return { facts: fresh(state, null, state === 'reported_by_source' ? null : now) };
  }
  const sides = sidesActedFor(acting.scope, parties);
  if (sides.length === 0) return { refusal: 'access.denied' };
  if (!actsForEverySide(acting.scope, parties)) {
    if (requested !== undefined && requested !== 'claimed') return { refusal: 'confirmation.not_allowed' };
    return { facts: fresh('claimed', sides[0]!, now) };
  }
  if (acting.scope !== 'all' && new Set(parties).size === 1) {
    return { facts: fresh(requested ?? 'confirmed', sides[0]!, now) };
  }
  const state = requested ?? 'claimed';
  return { facts: fresh(state, null, state === 'reported_by_source' ? null : now) };
}

function fresh(state: ConfirmationState, claimedBy: string | null, now: Date | null): ConfirmationFacts {
  return { confirmation: state, claimedBy, confirmationNote: null, confirmationChangedAt: now };
}

/**
 * Confirms or disputes a relation. Only a writer of a side other than the claiming one may (for a
 * relation no side claimed, a writer of either side); administrators write for every side. Confirming a
 * confirmed relation, or disputing a disputed one, is refused as a conflict.
 */
export function decideConfirmation(
  action: 'confirm' | 'dispute',
  current: ConfirmationFacts,
  parties: readonly string[],
  scope: Scope,
  now: Date,
  reason?: string,
): Decision {
  const sides = sidesActedFor(scope, parties);
  if (sides.length === 0) return { refusal: 'access.denied' };
  const otherSides = sides.filter((side) => side !== current.claimedBy);
  if (otherSides.length === 0) return { refusal: 'confirmation.own_claim' };
  if (action === 'confirm' && current.confirmation === 'confirmed') {
    return { refusal: 'confirmation.already_confirmed' };
  }
  if (action === 'dispute' && current.confirmation === 'disputed') {
    return { refusal: 'confirmation.already_disputed' };
  }
  return {
    facts: {
      confirmation: action === 'confirm' ? 'confirmed' : 'disputed',
      claimedBy: current.claimedBy,
      confirmationNote: action === 'dispute' ? (reason ?? '').trim() : null,
      confirmationChangedAt: now,
    },
  };
}

/**
 * The confirmation after a change. A change of what the other side confirmed (the substantive facts:
 * sides, type, status, dates, role, budget) by a writer of one side only makes the relation that
 * side's claim again, whatever its state was; the other side is asked anew. A change by a writer of
 * every side (administrators included), or of descriptive fields only, keeps the state.
 */
export function confirmationAfterEdit(
  current: ConfirmationFacts,
  isSubstantive: boolean,
  partiesAfter: readonly string[],
  scope: Scope,
  now: Date,
): ConfirmationFacts {
  if (!isSubstantive || actsForEverySide(scope, partiesAfter)) return current;
  const sides = sidesActedFor(scope, partiesAfter);
  // A writer of no side cannot get here (the policies refuse it); keep the state rather than guess.
  if (sides.length === 0) return current;
  return fresh('claimed', sides[0]!, now);
}

/** The facts of each kind of relation that its other side confirms; other fields only describe it. */
export const substantiveFields = {
  partnership: ['organisationAId', 'organisationBId', 'type', 'status', 'startedOn', 'signedOn', 'endedOn'],
  membership: ['memberId', 'organisationId', 'role', 'since', 'until'],
} as const;

/** Whether a change sets any of the named fields to a value other than the stored one. */
export function changesAny(current: object, patch: object, fields: readonly string[]): boolean {
  const before = current as Record<string, unknown>;
  const after = patch as Record<string, unknown>;
  return fields.some(
    (field) => after[field] !== undefined && normalise(after[field]) !== normalise(before[field]),
  );
}

/** Compares values as the database would store them: ids in lower case, numbers as decimals. */
function normalise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.toLowerCase();
  return String(value);
}
