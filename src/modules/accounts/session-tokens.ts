import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a session token. The token itself is never stored, only its hash. */
export const sessionCookie = 'pobratim_session';

/** The header a cookie-authenticated write must carry, holding the session's CSRF token. */
export const csrfHeader = 'x-csrf-token';

/** A new random token: 32 bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How a token is stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
