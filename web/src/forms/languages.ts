/**
 * The languages a form offers for texts and names: the interface languages first, then the languages of
 * the neighbours and partners records mention most. A record's own languages are always offered too.
 */

/** Language tags of translatable texts (descriptions, titles): a language, with a script where it matters. */
export const textLanguages = [
  'en',
  'hr',
  'sr-Latn',
  'sr-Cyrl',
  'bs',
  'cnr',
  'bg',
  'sl',
  'mk',
  'sq',
  'hu',
  'ro',
  'de',
  'it',
  'fr',
  'es',
  'pt',
  'nl',
  'pl',
  'cs',
  'sk',
  'uk',
  'ru',
  'el',
  'tr',
] as const;

/** ISO 639 codes of names; the script is a separate choice (Serbian names exist in both). */
export const nameLanguages = [
  'en',
  'hr',
  'sr',
  'bs',
  'cnr',
  'bg',
  'sl',
  'mk',
  'sq',
  'hu',
  'ro',
  'de',
  'it',
  'fr',
  'es',
  'pt',
  'nl',
  'pl',
  'cs',
  'sk',
  'uk',
  'ru',
  'el',
  'tr',
  'la',
] as const;

/** ISO 15924 scripts a name may be written in; empty means "detect from the name". */
export const scripts = ['Latn', 'Cyrl', 'Grek', 'Arab', 'Hebr', 'Armn', 'Geor'] as const;

/** The offered languages plus any the record already uses, without repeats. */
export function withRecorded(offered: readonly string[], recorded: readonly string[]): string[] {
  return [...new Set([...offered, ...recorded.filter((tag) => tag !== '')])];
}
