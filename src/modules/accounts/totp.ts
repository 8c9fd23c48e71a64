import { generateSecret, generateURI, verify } from 'otplib';

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: SHA-1, 6 digits, 30 seconds,
 * through otplib. A code is accepted one step either side of now (clocks drift), and only once: the time
 * step of the last accepted code is kept, and a code of that step or an earlier one is refused.
 */

const issuer = 'Pobratim';
const toleranceSeconds = 30;

/** A new secret: 20 random bytes, base32. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` address an authenticator app scans (as a QR code) or takes typed in. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer, label: accountName, secret });
}

/** The time step of a valid, unused code, or nothing. */
export async function verifyTotp(
  secret: string,
  code: string,
  lastTimeStep: number | null,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: toleranceSeconds,
      ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}
