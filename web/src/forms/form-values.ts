/**
 * Conversions between what the API sends and what form fields hold. Fields hold text (an empty field is
 * an empty string); the API wants `null` for "not recorded", exact decimal strings for money, and text
 * per language tag for translatable texts.
 */

/** A translatable text as the form edits it: one row per language. */
export interface LocalisedRow {
  language: string;
  text: string;
}

/** A text per language tag as rows, in the recorded order; one empty row in `language` when there is none. */
export function toLocalisedRows(texts: Record<string, string> | undefined, language: string): LocalisedRow[] {
  const rows = Object.entries(texts ?? {}).map(([tag, text]) => ({ language: tag, text }));
  return rows.length > 0 ? rows : [{ language, text: '' }];
}

/** Rows as a text per language tag; rows without text are left out. */
export function fromLocalisedRows(rows: readonly LocalisedRow[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const row of rows) {
    const text = row.text.trim();
    if (text !== '' && row.language !== '') texts[row.language] = text;
  }
  return texts;
}

/** A text field's value for the API: trimmed, and `null` when empty. */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A number field's value for the API (Mantine's NumberInput gives '' when empty). */
export function optionalNumber(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

/** A number from the API as a number field's value. */
export function numberValue(value: number | null | undefined): number | string {
  return value ?? '';
}

/**
 * An amount as the exact decimal string the API wants (`72075.50`), accepting how people write it:
 * spaces or apostrophes between thousands, and a decimal comma (`72 075,50`). Anything else is sent as
 * written, for the server to refuse beside the field.
 */
export function normaliseDecimal(value: string): string | null {
  const compact = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  if (/^\d+,\d{1,2}$/.test(compact)) return compact.replace(',', '.');
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(compact)) return compact.replaceAll('.', '').replace(',', '.');
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact)) return compact.replaceAll(',', '');
  return compact;
}

/** A country code as typed: upper case, or `null` when empty. */
export function optionalCountry(value: string): string | null {
  const trimmed = value.trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

const isSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The outcome of re-basing a form's values on a newer version of the record. */
export interface Rebased<V> {
  values: V;
  /** Fields someone else changed that the reader had not touched: the form now shows the new value. */
  adopted: (keyof V & string)[];
  /** Fields both changed, differently: the reader's value stays in the form. */
  kept: (keyof V & string)[];
}

/**
 * Re-bases what the reader typed (`mine`, started from `base`) on the latest version of the record: a
 * three-way merge by field. Nothing the reader typed is lost; fields only someone else changed take the
 * latest value, so saving again does not undo their change.
 */
export function rebase<V extends object>(base: V, mine: V, latest: V): Rebased<V> {
  const values = { ...mine };
  const adopted: (keyof V & string)[] = [];
  const kept: (keyof V & string)[] = [];
  for (const key of Object.keys(latest) as (keyof V & string)[]) {
    if (isSame(latest[key], base[key])) continue;
    if (isSame(mine[key], base[key])) {
      values[key] = latest[key];
      adopted.push(key);
    } else if (!isSame(mine[key], latest[key])) {
      kept.push(key);
    }
  }
  return { values, adopted, kept };
}

/** A local path to return to after saving, from a `returnTo` parameter; anything else is refused. */
export function safeReturnPath(value: string | null): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}
