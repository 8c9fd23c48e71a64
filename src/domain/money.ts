/**
 * Exact money arithmetic on decimal strings with at most two decimal places (`72075`, `72075.5`,
 * `72075.00`), as the API and the database's numeric(16, 2) columns carry them. Amounts are worked on as
 * BigInt hundredths, never as floating point, so sums are exact however many partners a project has.
 */

const amountPattern = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a decimal string into hundredths (`'72075.5'` → `7207550n`); undefined when it is no amount. */
export function parseAmount(text: string): bigint | undefined {
  const match = amountPattern.exec(text);
  if (!match) return undefined;
  const [, minus, units, fraction = ''] = match;
  const hundredths = BigInt(units!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus && hundredths !== 0n ? -hundredths : hundredths;
}

/** Formats hundredths as a decimal string with two places: `7207500n` → `'72075.00'`. */
export function formatAmount(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const units = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${units}.${fraction}`;
}

function parseOrThrow(text: string): bigint {
  const amount = parseAmount(text);
  if (amount === undefined)
    throw new RangeError(`"${text}" is not a decimal amount with at most two decimals.`);
  return amount;
}

/** The same amount with exactly two decimal places: `'80'` → `'80.00'`. Throws on a non-amount. */
export function normaliseAmount(text: string): string {
  return formatAmount(parseOrThrow(text));
}

/** The exact sum of decimal amounts, with two decimal places. Throws on a non-amount. */
export function sumAmounts(amounts: readonly string[]): string {
  return formatAmount(amounts.reduce((total, amount) => total + parseOrThrow(amount), 0n));
}

/** Compares two decimal amounts exactly: negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareAmounts(a: string, b: string): number {
  const difference = parseOrThrow(a) - parseOrThrow(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
