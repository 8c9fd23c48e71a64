import { searchKeysFor } from './search-key.js';

/** One row of the search index: a name as written, the languages that write it so, one of its keys. */
export interface SearchTerm {
  name: string;
  languages: string[];
  key: string;
}

/**
 * The search terms of an entity's names: names written the same in several languages become one term
 * with all their languages, and every name is indexed under each of its keys.
 */
export function termsForNames(
  names: readonly { name: string; language?: string | null | undefined }[],
): SearchTerm[] {
  const byName = new Map<string, Set<string>>();
  for (const { name, language } of names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    const languages = byName.get(trimmed) ?? new Set<string>();
    if (language) languages.add(language);
    byName.set(trimmed, languages);
  }
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const [name, languages] of byName) {
    const languageList = [...languages].sort();
    const keys = new Set(
      languageList.length > 0
        ? languageList.flatMap((language) => searchKeysFor(name, language))
        : searchKeysFor(name),
    );
    for (const key of keys) {
      if (seen.has(`${name}|${key}`)) continue;
      seen.add(`${name}|${key}`);
      terms.push({ name, languages: languageList, key });
    }
  }
  return terms;
}

/** The importance of a place or authority for ranking: the order of magnitude of its population. */
export function importanceOf(population: number | null | undefined): number {
  return population && population > 0 ? Math.round(Math.log10(population + 1) * 1000) / 1000 : 0;
}
