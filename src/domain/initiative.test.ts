import { describe, expect, it } from 'vitest';
import {
  addDays,
  canTransition,
  checkInitiative,
  initiativeStatuses,
  initiativeTransitions,
  isCalendarDay,
  isDeadlineReminderDue,
  isFinalStatus,
  partnershipStatusOnAcceptance,
  type InitiativeStatus,
} from './initiative.js';

/** The status machine of the issue, written out edge by edge. */
const expected: [InitiativeStatus, InitiativeStatus][] = [
  ['draft', 'open'],
  ['open', 'shortlisting'],
  ['shortlisting', 'partners_confirmed'],
  ['partners_confirmed', 'submitted'],
  ['submitted', 'funded'],
  ['submitted', 'not_funded'],
  ['funded', 'closed'],
  ['not_funded', 'closed'],
  ['draft', 'withdrawn'],
  ['open', 'withdrawn'],
  ['shortlisting', 'withdrawn'],
  ['partners_confirmed', 'withdrawn'],
  ['submitted', 'withdrawn'],
];

describe('initiative status machine', () => {
  it('allows exactly the moves of the issue, withdrawal from every state before the decision', () => {
    const allowed = initiativeStatuses.flatMap((from) =>
      initiativeStatuses.filter((to) => canTransition(from, to)).map((to) => [from, to]),
    );
    expect(allowed.sort()).toEqual([...expected].sort());
  });

  it('never allows staying in the same status', () => {
    for (const status of initiativeStatuses) expect(canTransition(status, status)).toBe(false);
  });

  it('ends in closed and withdrawn only', () => {
    expect(initiativeStatuses.filter(isFinalStatus)).toEqual(['closed', 'withdrawn']);
    expect(initiativeTransitions.funded).toEqual(['closed']);
  });
});

describe('initiative rules', () => {
  it('refuses a population range upside down and a deadline in the past', () => {
    const errors = checkInitiative(
      { title: { en: 'Green squares' }, populationMin: 50000, populationMax: 1000, deadline: '2024-01-31' },
      '2024-02-01',
    );
    expect(errors.map((error) => error.code)).toEqual([
      'initiative.population_range',
      'initiative.deadline_past',
    ]);
  });

  it('refuses a blank title and a day that does not exist', () => {
    const errors = checkInitiative({ title: { en: '  ' }, deadline: '2025-02-30' });
    expect(errors.map((error) => error.code)).toEqual([
      'initiative.title_required',
      'initiative.deadline_invalid',
    ]);
  });

  it('accepts an equal population bound and a deadline today', () => {
    expect(
      checkInitiative(
        { title: { sl: 'Zeleni trgi' }, populationMin: 1000, populationMax: 1000, deadline: '2024-02-01' },
        '2024-02-01',
      ),
    ).toEqual([]);
  });

  it('knows calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2024-2-29')).toBe(false);
  });
});

describe('deadline reminder', () => {
  it('is due from seven days before the deadline until the day itself', () => {
    expect(addDays('2024-12-28', 7)).toBe('2025-01-04');
    expect(isDeadlineReminderDue('2025-01-04', '2024-12-28')).toBe(true);
    expect(isDeadlineReminderDue('2025-01-05', '2024-12-28')).toBe(false);
    expect(isDeadlineReminderDue('2024-12-28', '2024-12-28')).toBe(true);
    expect(isDeadlineReminderDue('2024-12-27', '2024-12-28')).toBe(false);
  });
});

describe('partnership made by accepting interest', () => {
  it('is active for project-based cooperation and negotiated for formal ties', () => {
    expect(partnershipStatusOnAcceptance('project_based')).toBe('active');
    expect(partnershipStatusOnAcceptance('twinning')).toBe('negotiating');
  });
});
