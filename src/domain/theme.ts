import type { FieldError } from './field-error.js';
import { toSearchKey } from './search-key.js';

/** Text per language tag, e.g. `{ "en": "Culture", "hr": "Kultura" }`. */
export type Labels = Readonly<Record<string, string>>;

/** A text chosen for a reader, with the language it is really in (which may differ from the asked one). */
export interface TextInLanguage {
  text: string;
  language: string;
}

/**
 * The text in a reader's language, falling back visibly: the exact tag (`sr-Cyrl`), then the bare
 * language (`sr`), then another script of it (`sr-Latn`), then English, then the first text there is.
 * Undefined when there is no non-empty text at all.
 */
export function textInLanguage(labels: Labels, language: string): TextInLanguage | undefined {
  const entries = Object.entries(labels).filter(([, text]) => text.trim() !== '');
  const base = language.split('-')[0];
  const found =
    entries.find(([tag]) => tag === language) ??
    entries.find(([tag]) => tag === base) ??
    entries.find(([tag]) => tag.split('-')[0] === base) ??
    entries.find(([tag]) => tag === 'en') ??
    entries[0];
  return found ? { text: found[1], language: found[0] } : undefined;
}

/** The search text of a theme: its code and every label's search key, so one LIKE finds it in any language. */
export function themeSearchText(code: string, labels: Labels): string {
  return [...new Set([code.replace(/-/g, ' '), ...Object.values(labels).map((label) => toSearchKey(label))])]
    .filter((key) => key !== '')
    .join(' | ');
}

/** The rules a theme must keep, beyond the shape its schema checks. */
export function checkTheme(facts: { labels: Labels }): FieldError[] {
  if ((facts.labels.en ?? '').trim() !== '') return [];
  return [
    {
      field: 'body.labels.en',
      code: 'theme.english_label_required',
      message: 'A theme needs an English label, the language every reader can fall back to.',
    },
  ];
}
