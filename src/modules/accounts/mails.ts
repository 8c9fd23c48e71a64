import { fill, mailMessages, type OrganisationRoleName } from '../../domain/mail-messages.js';
import type { MailMessage } from '../../platform/mail.js';

/**
 * The mails accounts send: plain text in the recipient's language (src/domain/mail-messages.ts), English
 * when none is known. They carry a link with a single-use token; nothing else secret.
 */

export function passwordResetMail(options: {
  to: string;
  link: string;
  validMinutes: number;
  language: string | null | undefined;
}): MailMessage {
  const messages = mailMessages(options.language);
  return {
    to: options.to,
    subject: messages.resetSubject,
    text: [
      messages.resetIntro,
      '',
      fill(messages.resetChoose, { minutes: options.validMinutes }),
      '',
      options.link,
      '',
      messages.resetIgnore,
      '',
    ].join('\n'),
  };
}

/** A role the invited account will have: administrator, or a role for an organisation. */
export type InvitedRole = { admin: true } | { role: OrganisationRoleName; organisation: string };

export function invitationMail(options: {
  to: string;
  link: string;
  expiresAt: Date;
  invitedBy: string | undefined;
  roles: InvitedRole[];
  language: string | null | undefined;
}): MailMessage {
  const messages = mailMessages(options.language);
  const by = options.invitedBy
    ? fill(messages.inviteBy, { name: options.invitedBy })
    : messages.inviteAnonymous;
  const roleText = (role: InvitedRole) =>
    'admin' in role
      ? messages.inviteAdmin
      : fill(messages.inviteRole, { role: messages.roles[role.role], organisation: role.organisation });
  return {
    to: options.to,
    subject: messages.inviteSubject,
    text: [
      `${by} ${messages.inviteWhat}`,
      ...(options.roles.length > 0
        ? ['', messages.inviteRoles, ...options.roles.map((role) => `- ${roleText(role)}`)]
        : []),
      '',
      fill(messages.inviteAccept, {
        until: options.expiresAt.toISOString().slice(0, 16).replace('T', ' '),
      }),
      '',
      options.link,
      '',
      messages.inviteIgnore,
      '',
    ].join('\n'),
  };
}
