import type { MailMessage } from '../../platform/mail.js';

/**
 * The mails accounts send: plain text, in English for now (follow-up: the recipient's language). They
 * carry a link with a single-use token; nothing else secret.
 */

export function passwordResetMail(options: { to: string; link: string; validMinutes: number }): MailMessage {
  return {
    to: options.to,
    subject: 'Reset your Pobratim password',
    text: [
      'Someone, hopefully you, asked to reset the password of your Pobratim account.',
      '',
      `Choose a new password here (the link works once, for ${options.validMinutes} minutes):`,
      '',
      options.link,
      '',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

export function invitationMail(options: {
  to: string;
  link: string;
  expiresAt: Date;
  invitedBy: string | undefined;
  roles: string[];
}): MailMessage {
  const by = options.invitedBy ? `${options.invitedBy} invited you` : 'You are invited';
  return {
    to: options.to,
    subject: 'Your invitation to Pobratim',
    text: [
      `${by} to Pobratim, the registry of international cooperation of cities, municipalities and regions.`,
      ...(options.roles.length > 0
        ? ['', 'Your account will be:', ...options.roles.map((role) => `- ${role}`)]
        : []),
      '',
      'Choose your name and password here to accept (the link works once, until ' +
        `${options.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC):`,
      '',
      options.link,
      '',
      'If you did not expect this invitation, ignore this mail.',
      '',
    ].join('\n'),
  };
}
