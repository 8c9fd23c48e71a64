/**
 * What an audit event changed, field by field, for people reading a record's history. Audit payloads
 * are rows as the database has them (snake_case columns); the history speaks the API's field names
 * (camelCase), whichever of the two a payload arrives in.
 */

/** One field's value before and after a change; `null` on the side where it did not exist. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns every change touches; showing them would hide what really changed. */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** `organisation_a_id` → `organisationAId`, as the API names the field. */
export function fieldName(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Whether a value carries nothing worth showing: null, an empty text, list or object. */
function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Equality of JSON values, independent of the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(aRecord), ...Object.keys(bRecord)]);
  return [...keys].every((key) => sameJson(aRecord[key], bRecord[key]));
}

/**
 * The fields an event changed, sorted by name. A new record lists the fields it was given, a removed one
 * the fields it had; bookkeeping columns are left out.
 */
export function diffPayloads(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const columns = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const column of columns) {
    const field = fieldName(column);
    if (bookkeeping.has(field)) continue;
    const old = before ? (before[column] ?? null) : null;
    const now = after ? (after[column] ?? null) : null;
    if (before && after ? sameJson(old, now) : isBlank(before ? old : now)) continue;
    changes.push({ field, before: old, after: now });
  }
  return changes.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
