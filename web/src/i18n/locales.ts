/**
 * The interface languages. One entry per message catalogue in ./messages/<tag>.json; `sr-Latn` and
 * `sr-Cyrl` are separate locales because Serbian is written in both scripts.
 */
export const locales = ['en', 'hr', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'bg', 'sl', 'mk'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

interface LocaleInfo {
  /** The language's own name for itself, as the switcher shows it. */
  label: string;
  /**
   * The tag given to Intl (dates, numbers, plural rules). Montenegrin has no CLDR data of its own in every
   * browser; Serbian Latin as written in Montenegro has the same plural rules and formats.
   */
  intlTag: string;
  /**
   * Tags to format with when the browser has no data for `intlTag` (Chromium ships none for Bosnian and
   * Macedonian): the nearest language whose month names, number format and plural rules match best.
   */
  intlFallbacks?: readonly string[];
  /**
   * The language the API is asked for names and labels in. The gazetteer's Montenegrin exonyms are recorded
   * as Serbian Latin (Beč), so a Montenegrin reader asks for those rather than falling back to English.
   */
  apiLanguage: string;
  /** Content languages that read as the reader's own, best first; anything else is shown as a fallback. */
  contentLanguages: readonly string[];
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  en: { label: 'English', intlTag: 'en-GB', apiLanguage: 'en', contentLanguages: ['en'] },
  hr: { label: 'Hrvatski', intlTag: 'hr', apiLanguage: 'hr', contentLanguages: ['hr'] },
  'sr-Latn': {
    label: 'Srpski (latinica)',
    intlTag: 'sr-Latn',
    apiLanguage: 'sr-Latn',
    contentLanguages: ['sr-Latn', 'sr', 'sr-Cyrl'],
  },
  'sr-Cyrl': {
    label: 'Српски (ћирилица)',
    intlTag: 'sr-Cyrl',
    apiLanguage: 'sr-Cyrl',
    contentLanguages: ['sr-Cyrl', 'sr', 'sr-Latn'],
  },
  bs: {
    label: 'Bosanski',
    intlTag: 'bs',
    intlFallbacks: ['sr-Latn-BA', 'hr'],
    apiLanguage: 'bs',
    contentLanguages: ['bs', 'bs-Latn'],
  },
  cnr: {
    label: 'Crnogorski',
    intlTag: 'sr-Latn-ME',
    apiLanguage: 'sr-Latn',
    contentLanguages: ['cnr', 'cnr-Latn'],
  },
  bg: { label: 'Български', intlTag: 'bg', apiLanguage: 'bg', contentLanguages: ['bg'] },
  sl: { label: 'Slovenščina', intlTag: 'sl', apiLanguage: 'sl', contentLanguages: ['sl'] },
  mk: {
    label: 'Македонски',
    intlTag: 'mk',
    intlFallbacks: ['bg'],
    apiLanguage: 'mk',
    contentLanguages: ['mk'],
  },
};

/** Whether the browser can format in a tag: some list a locale but ship no data (names come out in English). */
export function hasLocaleData(tag: string): boolean {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0) return false;
    return tag.startsWith('en') || new Intl.DisplayNames([tag], { type: 'region' }).of('DE') !== 'Germany';
  } catch {
    return false;
  }
}

/** The tag to format dates, numbers and plurals with for a locale in this browser. */
export function formattingTag(locale: Locale, isAvailable: (tag: string) => boolean = hasLocaleData): string {
  const info = localeInfo[locale];
  return [info.intlTag, ...(info.intlFallbacks ?? [])].find(isAvailable) ?? info.intlTag;
}

/** Whether a string is one of the interface locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** One browser language tag (`sr-Cyrl-RS`, `hr-HR`, `en-GB`) as an interface locale, if there is one. */
export function localeOfTag(tag: string): Locale | undefined {
  const parts = tag.trim().split(/[-_]/);
  const language = parts[0]?.toLowerCase() ?? '';
  const subtags = parts.slice(1).map((part) => part.toLowerCase());
  switch (language) {
    case 'sr':
      // Serbian reads both scripts; Latin unless the browser asks for Cyrillic.
      return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
    case 'en':
    case 'hr':
    case 'bs':
    case 'cnr':
    case 'bg':
    case 'sl':
    case 'mk':
      return language;
    default:
      return undefined;
  }
}

/** The first of the browser's preferred languages we have an interface for, else English. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
