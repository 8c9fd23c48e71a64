import type { InitiativeStatus } from './initiative.js';
import { fill, mailMessages } from './mail-messages.js';
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

export interface MailText {
  subject: string;
  text: string;
}

/** A title in the reader's language (or its base language: `sr` for `sr-Cyrl`), else as a hit shows it. */
function titleIn(title: LocalisedText, locale: string | null | undefined): string {
  for (const tag of locale ? [locale, locale.split('-')[0]!] : []) {
    const text = title[tag]?.trim();
    if (text) return text;
  }
  return chooseDisplayTitle(title);
}

/**
 * The e-mail for a notification, in the recipient's language (src/domain/mail-messages.ts; English when
 * none is known), with a link to the initiative under `publicUrl`.
 */
export function notificationMail(
  kind: NotificationKind,
  payload: NotificationPayload,
  publicUrl: string,
  locale?: string | null,
): MailText {
  const messages = mailMessages(locale);
  const values = {
    title: titleIn(payload.initiativeTitle, locale),
    organisation: payload.organisationName ?? messages.someOrganisation,
    from: payload.from ? messages.statuses[payload.from] : '?',
    to: payload.to ? messages.statuses[payload.to] : '?',
    deadline: payload.deadline ?? '?',
  };
  const link = `${publicUrl}/initiatives/${payload.initiativeId}`;
  const accepted = payload.answer !== 'declined';
  const texts: Record<NotificationKind, [subject: string, lead: string]> = {
    interest_received: [messages.interestReceivedSubject, messages.interestReceivedLead],
    interest_answered: accepted
      ? [messages.interestAcceptedSubject, messages.interestAcceptedLead]
      : [messages.interestDeclinedSubject, messages.interestDeclinedLead],
    initiative_status_changed: [messages.statusChangedSubject, messages.statusChangedLead],
    deadline_approaching: [messages.deadlineSubject, messages.deadlineLead],
  };
  const [subject, lead] = texts[kind];
  return {
    subject: fill(subject, values),
    text: `${fill(lead, values)}\n\n${link}\n\n${messages.notificationFooter}\n`,
  };
}
