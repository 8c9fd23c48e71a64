import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * Password hashing with argon2id (the `argon2` binding of the reference implementation, its defaults:
 * 64 MiB, 3 passes, 4 lanes, above OWASP's minimum).
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash of a random secret nobody knows, to verify against when an account has no password. */
let dummyHash: Promise<string> | undefined;

/**
 * Whether a password matches a stored hash. Without a hash (an unknown email, an invited or disabled
 * account) it still verifies against a dummy hash, so the answer takes as long as for a real account.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  const digest = hash ?? (await dummyHash);
  const matches = await argon2.verify(digest, password).catch(() => false);
  return Boolean(hash) && matches;
}
