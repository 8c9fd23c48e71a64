/**
 * Partial dates: ISO 8601 calendar dates of year, month or day precision (`2003`, `2007-05`,
 * `2021-12-10`). Sources often say only "since 2003" or "in May 2007"; storing more precision than the
 * source gives would invent facts.
 */

const partialDatePattern = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The JSON Schema pattern of a partial date, for API schemas. */
export const partialDatePatternSource = partialDatePattern.source;

/** Whether a string is a valid partial date, including the day existing in that month. */
export function isPartialDate(value: string): boolean {
  const match = partialDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day);
}

/**
 * Whether `end` is not before `start`, compared at the precision both share: `2007` is not before
 * `2007-05`, but `2006-12` is.
 */
export function isOrderedPartialDates(
  start: string | null | undefined,
  end: string | null | undefined,
): boolean {
  if (!start || !end) return true;
  const length = Math.min(start.length, end.length);
  return end.slice(0, length) >= start.slice(0, length);
}

/** The year of a partial date. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}
