import type { InitiativeStatus } from './initiative.js';
import { chooseDisplayTitle, type LocalisedText } from './project.js';

/**
 * Notifications: what a user is told in the application and by e-mail. The payload carries facts, not
 * sentences, so the web app words each notice in the reader's language; the e-mail is worded here.
 */

export const notificationKinds = [
  'interest_received',
  'interest_answered',
  'initiative_status_changed',
  'deadline_approaching',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The facts of a notification. Every kind names the initiative; the rest depends on the kind. */
export interface NotificationPayload {
  initiativeId: string;
  initiativeTitle: LocalisedText;
  /** The organisation that expressed interest (interest_received, interest_answered). */
  organisationName?: string;
  interestId?: string;
  /** interest_answered */
  answer?: 'accepted' | 'declined';
  /** initiative_status_changed */
  from?: InitiativeStatus;
  to?: InitiativeStatus;
  /** deadline_approaching: the day, `YYYY-MM-DD`. */
  deadline?: string;
}

/** Status names as an e-mail says them. */
const statusWords: Record<InitiativeStatus, string> = {
  draft: 'draft',
  open: 'open for partners',
  shortlisting: 'shortlisting',
  partners_confirmed: 'partners confirmed',
  submitted: 'submitted',
  funded: 'funded',
  not_funded: 'not funded',
  closed: 'closed',
  withdrawn: 'withdrawn',
};

export interface MailText {
  subject: string;
  text: string;
}

/**
 * The e-mail for a notification, in English (accounts carry no language yet), with a link to the
 * initiative under `publicUrl`.
 */
export function notificationMail(
  kind: NotificationKind,
  payload: NotificationPayload,
  publicUrl: string,
): MailText {
  const title = chooseDisplayTitle(payload.initiativeTitle);
  const link = `${publicUrl}/initiatives/${payload.initiativeId}`;
  const organisation = payload.organisationName ?? 'An organisation';
  let subject: string;
  let lead: string;
  switch (kind) {
    case 'interest_received':
      subject = `Interest in “${title}”`;
      lead = `${organisation} has expressed interest in your initiative “${title}”. Accept or decline it on the initiative's page.`;
      break;
    case 'interest_answered':
      subject = `Your interest in “${title}” was ${payload.answer ?? 'answered'}`;
      lead = `The interest of ${organisation} in the initiative “${title}” was ${payload.answer ?? 'answered'}.`;
      break;
    case 'initiative_status_changed':
      subject = `“${title}” is now ${payload.to ? statusWords[payload.to] : 'changed'}`;
      lead = `The initiative “${title}” moved from ${payload.from ? statusWords[payload.from] : '?'} to ${payload.to ? statusWords[payload.to] : '?'}.`;
      break;
    case 'deadline_approaching':
      subject = `The deadline of “${title}” is ${payload.deadline ?? 'near'}`;
      lead = `The deadline of the initiative “${title}” is ${payload.deadline ?? 'near'}: seven days or less from now.`;
      break;
  }
  return {
    subject,
    text: `${lead}\n\n${link}\n\nYou receive this because you have a role for an organisation taking part in it in Pobratim.\n`,
  };
}
