import type { FieldError } from './field-error.js';

/** The shortest password accepted, in characters: long passphrases beat complexity rules (NIST SP 800-63B). */
export const minPasswordLength = 12;
/** The longest, so that hashing stays cheap for the server. */
export const maxPasswordLength = 512;

/**
 * What is wrong with a new password: too short, too long, or the account's own email. No composition
 * rules; length is what makes a password hard to guess.
 */
export function checkPassword(password: string, options: { field: string; email?: string }): FieldError[] {
  const length = [...password].length;
  if (length < minPasswordLength) {
    return [
      {
        field: options.field,
        code: 'auth.password_too_short',
        message: `A password needs at least ${minPasswordLength} characters.`,
      },
    ];
  }
  if (length > maxPasswordLength) {
    return [
      {
        field: options.field,
        code: 'auth.password_too_long',
        message: `A password may have at most ${maxPasswordLength} characters.`,
      },
    ];
  }
  if (options.email && password.trim().toLowerCase() === options.email.trim().toLowerCase()) {
    return [
      {
        field: options.field,
        code: 'auth.password_is_email',
        message: 'The password must not be your email address.',
      },
    ];
  }
  return [];
}

/** The form an email is compared and throttled in: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
