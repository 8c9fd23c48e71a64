import { localeInfo, type Locale } from './locales';
import { serbianToLatin } from './serbian-script';

/** Text per language tag, as the API sends descriptions, titles and objectives. */
export type TextByLanguage = Record<string, string>;

/** A text chosen for the reader, with the language it is in and whether that is not the reader's own. */
export interface ChosenText {
  text: string;
  language: string;
  isFallback: boolean;
}

/**
 * The reader's own text when there is one; else English; else the first language recorded. A fallback is
 * marked so the page can say which language it shows.
 */
export function chooseText(texts: TextByLanguage | null | undefined, locale: Locale): ChosenText | undefined {
  if (!texts) return undefined;
  const available = Object.entries(texts).filter(([, text]) => text.trim() !== '');
  if (available.length === 0) return undefined;
  for (const language of localeInfo[locale].contentLanguages) {
    const found = available.find(([tag]) => tag === language);
    if (found) return { text: found[1], language: found[0], isFallback: false };
  }
  const english = available.find(([tag]) => tag === 'en');
  const [language, text] = english ?? available[0]!;
  return { text, language, isFallback: true };
}

/** A name of an organisation or place as the API lists it. */
export interface RecordedName {
  name: string;
  language: string;
  script?: string;
  kind?: string;
}

const nameKindPreference = ['official', 'exonym', 'short', 'alias', 'former'];

/**
 * The name to show a reader: one in the reader's language (and script, for Serbian), else `fallback`
 * (the API's display name, English when known). Names are proper nouns, so no fallback note is shown.
 */
export function chooseName(names: readonly RecordedName[], locale: Locale, fallback: string): string {
  const info = localeInfo[locale];
  const wanted = [...info.contentLanguages, info.apiLanguage];
  const rank = (candidate: RecordedName): number => {
    const tag = candidate.script ? `${candidate.language}-${candidate.script}` : candidate.language;
    const byTag = wanted.indexOf(tag);
    const byLanguage = wanted.indexOf(candidate.language);
    const languageRank = byTag !== -1 ? byTag * 2 : byLanguage !== -1 ? byLanguage * 2 + 1 : -1;
    if (languageRank === -1) return -1;
    const kindRank = nameKindPreference.indexOf(candidate.kind ?? 'official');
    return languageRank * 10 + (kindRank === -1 ? 9 : kindRank);
  };
  let best: { candidate: RecordedName; rank: number } | undefined;
  for (const candidate of names) {
    const candidateRank = rank(candidate);
    if (candidateRank === -1) continue;
    if (!best || candidateRank < best.rank) best = { candidate, rank: candidateRank };
  }
  if (!best) return fallback;
  // A Serbian name known only in Cyrillic reads in Latin for a Latin reader: the scripts map one to one.
  const readsLatin = info.apiLanguage === 'sr-Latn';
  const { candidate } = best;
  return readsLatin && candidate.language === 'sr' && candidate.script === 'Cyrl'
    ? serbianToLatin(candidate.name)
    : candidate.name;
}

/** Whether a language tag reads as the reader's own (no fallback note needed). */
export function isReadersLanguage(tag: string, locale: Locale): boolean {
  const info = localeInfo[locale];
  return info.contentLanguages.includes(tag) || info.apiLanguage === tag;
}
