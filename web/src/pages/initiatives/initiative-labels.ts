import { useMemo } from 'react';
import { ApiError, type Schemas } from '../../api/client';
import { recordErrorMessage, type FormMessage } from '../../forms/problem';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';

type Initiative = Schemas['Initiative'];
export type InitiativeStatus = Initiative['status'];
export type InitiativeVisibility = Initiative['visibility'];
export type FundingProgrammeCode = NonNullable<Initiative['fundingProgramme']>;

/** The statuses in the order of an initiative's path (as the API's schema lists them). */
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
] as const satisfies readonly InitiativeStatus[];

export const initiativeVisibilities = [
  'public',
  'association',
  'private',
] as const satisfies readonly InitiativeVisibility[];

/** The funding programmes partner matching knows, with their names (proper names, the same in every language). */
export const fundingProgrammeNames: Record<FundingProgrammeCode, string> = {
  urbact_iv: 'URBACT IV',
  interreg_europe: 'Interreg Europe',
  cerv_town_twinning: 'CERV – Town Twinning',
  erasmus_plus: 'Erasmus+',
};

export const fundingProgrammeCodes = Object.keys(fundingProgrammeNames) as FundingProgrammeCode[];

/** Labels of an initiative's status, visibility and status moves in the reader's language. */
export function useInitiativeLabels() {
  const t = useT();
  return useMemo(
    () => ({
      status: (status: InitiativeStatus) => t(`initiative.status.${status}` as MessageId),
      /** The button that moves an initiative to `status`. */
      move: (status: InitiativeStatus) => t(`initiative.move.${status}` as MessageId),
      visibility: (visibility: InitiativeVisibility) => t(`initiative.visibility.${visibility}` as MessageId),
      programme: (code: string) => fundingProgrammeNames[code as FundingProgrammeCode] ?? code,
    }),
    [t],
  );
}

/**
 * The colour of a status badge (light badges of a colour without shade pass WCAG contrast with the theme's
 * resolver): open ones stand out, finished ones recede.
 */
export function statusColour(status: InitiativeStatus): string {
  switch (status) {
    case 'open':
    case 'shortlisting':
    case 'funded':
      return 'green';
    case 'partners_confirmed':
    case 'submitted':
      return 'blue';
    default:
      return 'gray';
  }
}

/** Messages of the refusals an initiative's pages can meet; others are worded by the forms' own rules. */
const refusalMessages: Record<string, MessageId> = {
  'initiative.invalid_transition': 'initiative.error.invalidTransition',
  'initiative.final': 'initiative.error.final',
  'initiative.version_conflict': 'initiative.error.changed',
  'interest.version_conflict': 'initiative.error.changed',
  'interest.initiative_not_open': 'initiative.error.notOpen',
  'interest.duplicate': 'initiative.error.duplicateInterest',
  'interest.not_pending': 'initiative.error.answered',
  'interest.programme_required': 'initiative.error.programmeRequired',
  'interest.own_initiative': 'initiative.error.ownInitiative',
};

/** The reader's words for a refused write about an initiative or an interest. */
export function refusalMessage(error: unknown): FormMessage {
  const code = error instanceof ApiError ? (error.problem?.code ?? '') : '';
  const id = refusalMessages[code];
  return id ? { id } : recordErrorMessage(error);
}
