import type { FieldError } from './field-error.js';
import { chooseDisplayTitle, hasAnyText, type LocalisedText } from './project.js';
import { toSearchKey } from './search-key.js';
import type { PartnershipStatus, PartnershipType } from './vocabulary.js';

/**
 * Initiatives: an organisation's wish to cooperate that is looking for partners, tracked from a draft to
 * an outcome. The status machine is data ({@link initiativeTransitions}); services consult it, the web
 * app shows its allowed moves as buttons and the tests walk every pair of statuses through it.
 */

export const initiativeStatuses = [
  'draft',
  'open',
  'shortlisting',
  'partners_confirmed',
  'submitted',
  'funded',
  'not_funded',
  'closed',
  'withdrawn',
] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/**
 * The states an initiative can still be withdrawn from: every state before the funder's decision
 * (`draft` included, so that an abandoned draft keeps its history instead of disappearing). After a
 * decision (`funded`, `not_funded`) the initiative can only be closed.
 */
export const withdrawableStatuses: readonly InitiativeStatus[] = [
  'draft',
  'open',
  'shortlisting',
  'partners_confirmed',
  'submitted',
];

/** The forward path of an initiative, without withdrawal. */
const forward: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  draft: ['open'],
  open: ['shortlisting'],
  shortlisting: ['partners_confirmed'],
  partners_confirmed: ['submitted'],
  submitted: ['funded', 'not_funded'],
  funded: ['closed'],
  not_funded: ['closed'],
  closed: [],
  withdrawn: [],
};

/** Every allowed move: the forward path, plus `withdrawn` from each withdrawable state. */
export const initiativeTransitions: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> =
  Object.fromEntries(
    initiativeStatuses.map((status) => [
      status,
      [...forward[status], ...(withdrawableStatuses.includes(status) ? (['withdrawn'] as const) : [])],
    ]),
  ) as unknown as Record<InitiativeStatus, readonly InitiativeStatus[]>;

/** Whether an initiative may move from one status to another. */
export function canTransition(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return initiativeTransitions[from].includes(to);
}

/** The statuses an initiative in `status` may move to, in the order of the path. */
export function allowedTransitions(status: InitiativeStatus): readonly InitiativeStatus[] {
  return initiativeTransitions[status];
}

/** Statuses with no way out. */
export function isFinalStatus(status: InitiativeStatus): boolean {
  return initiativeTransitions[status].length === 0;
}

/** Statuses in which other organisations may express interest, and the owner may accept it. */
export const interestOpenStatuses: readonly InitiativeStatus[] = ['open', 'shortlisting'];

/** Whether an initiative takes expressions of interest in this status. */
export function isTakingInterest(status: InitiativeStatus): boolean {
  return interestOpenStatuses.includes(status);
}

/** Statuses in which the deadline still lies ahead of the owner's work, so a reminder helps. */
export const deadlineReminderStatuses: readonly InitiativeStatus[] = [
  'open',
  'shortlisting',
  'partners_confirmed',
];

/** Statuses a new initiative may start in: a draft, or published at once. */
export const initialStatuses = ['draft', 'open'] as const;

export const initiativeVisibilities = ['public', 'association', 'private'] as const;
export type InitiativeVisibility = (typeof initiativeVisibilities)[number];

export const interestStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof interestStatuses)[number];

/** What accepting an expression of interest also records. */
export const acceptanceRecords = ['project_partner', 'partnership', 'none'] as const;
export type AcceptanceRecord = (typeof acceptanceRecords)[number];

/** How many days before the deadline the reminder goes out. */
export const deadlineReminderDays = 7;

/**
 * The status of a partnership formed by accepting an interest. Both sides agreed, so it is confirmed by
 * both; a project-based cooperation is active at once, but a formal tie (a twinning, an agreement, a
 * memorandum) still has to be signed, so it starts as negotiating.
 */
export function partnershipStatusOnAcceptance(type: PartnershipType): PartnershipStatus {
  return type === 'project_based' || type === 'experience_exchange' ? 'active' : 'negotiating';
}

/** What the rules of an initiative look at. */
export interface InitiativeFacts {
  title: LocalisedText;
  populationMin?: number | null | undefined;
  populationMax?: number | null | undefined;
  partnersWanted?: number | null | undefined;
  /** A calendar day, `YYYY-MM-DD`. */
  deadline?: string | null | undefined;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar day in `YYYY-MM-DD` form (no 30 February). */
export function isCalendarDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar day (UTC) of an instant, `YYYY-MM-DD`. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The calendar day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/**
 * Whether the deadline reminder is due on `today`: the deadline is at most {@link deadlineReminderDays}
 * days away and has not passed.
 */
export function isDeadlineReminderDue(deadline: string, today: string): boolean {
  return deadline >= today && deadline <= addDays(today, deadlineReminderDays);
}

/**
 * The rules an initiative must keep, beyond the shape its schema checks. `today` is given when the
 * deadline is being set: a new deadline may not lie in the past.
 */
export function checkInitiative(facts: InitiativeFacts, today?: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasAnyText(facts.title)) {
    errors.push({
      field: 'body.title',
      code: 'initiative.title_required',
      message: 'An initiative needs a title in at least one language.',
    });
  }
  const { populationMin: min, populationMax: max } = facts;
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    errors.push({
      field: 'body.populationMax',
      code: 'initiative.population_range',
      message: 'The largest population sought is smaller than the smallest.',
    });
  }
  if (facts.deadline !== null && facts.deadline !== undefined) {
    if (!isCalendarDay(facts.deadline)) {
      errors.push({
        field: 'body.deadline',
        code: 'initiative.deadline_invalid',
        message: `"${facts.deadline}" is not a calendar day.`,
      });
    } else if (today !== undefined && facts.deadline < today) {
      errors.push({
        field: 'body.deadline',
        code: 'initiative.deadline_past',
        message: 'The deadline has already passed.',
      });
    }
  }
  return errors;
}

/** The title shown where one is needed (the English one, else the first). */
export function initiativeDisplayTitle(title: LocalisedText): string {
  return chooseDisplayTitle(title);
}

/** The search text of an initiative: the keys of every title, so one LIKE finds it. */
export function initiativeSearchText(title: LocalisedText): string {
  const keys = Object.values(title).map(toSearchKey);
  return [...new Set(keys.filter((key) => key !== ''))].join(' | ');
}
