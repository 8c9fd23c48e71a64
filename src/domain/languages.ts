/**
 * Languages of countries and how close languages are, for partner matching: towns whose people can talk
 * to each other (the same language, or closely related ones such as the Serbo-Croatian standards or
 * Czech and Slovak) find cooperation easier. An organisation's languages are derived from its country.
 */

/** Official and widely used languages of each country (ISO 639-1, or 639-3 where there is none). */
export const countryLanguages: Readonly<Record<string, readonly string[]>> = {
  AD: ['ca'],
  AL: ['sq'],
  AM: ['hy'],
  AT: ['de'],
  AZ: ['az'],
  BA: ['bs', 'hr', 'sr'],
  BE: ['nl', 'fr', 'de'],
  BG: ['bg'],
  BY: ['be', 'ru'],
  CH: ['de', 'fr', 'it', 'rm'],
  CY: ['el', 'tr'],
  CZ: ['cs'],
  DE: ['de'],
  DK: ['da'],
  EE: ['et'],
  ES: ['es', 'ca', 'gl', 'eu'],
  FI: ['fi', 'sv'],
  FO: ['fo', 'da'],
  FR: ['fr'],
  GB: ['en', 'cy', 'gd'],
  GE: ['ka'],
  GI: ['en'],
  GL: ['kl', 'da'],
  GR: ['el'],
  HR: ['hr'],
  HU: ['hu'],
  IE: ['en', 'ga'],
  IM: ['en'],
  IS: ['is'],
  IT: ['it'],
  JE: ['en'],
  KZ: ['kk', 'ru'],
  LI: ['de'],
  LT: ['lt'],
  LU: ['lb', 'fr', 'de'],
  LV: ['lv'],
  MC: ['fr'],
  MD: ['ro'],
  ME: ['cnr', 'sr'],
  MK: ['mk', 'sq'],
  MT: ['mt', 'en'],
  NL: ['nl'],
  NO: ['no'],
  PL: ['pl'],
  PT: ['pt'],
  RO: ['ro'],
  RS: ['sr'],
  RU: ['ru'],
  SE: ['sv'],
  SI: ['sl'],
  SK: ['sk'],
  SM: ['it'],
  TR: ['tr'],
  UA: ['uk'],
  VA: ['it'],
  XK: ['sq', 'sr'],
  // Beyond Europe: the countries whose towns twin most with European ones.
  AR: ['es'],
  AU: ['en'],
  BO: ['es'],
  BR: ['pt'],
  CA: ['en', 'fr'],
  CL: ['es'],
  CN: ['zh'],
  CO: ['es'],
  CU: ['es'],
  DZ: ['ar', 'fr'],
  EG: ['ar'],
  IL: ['he'],
  IN: ['hi', 'en'],
  JP: ['ja'],
  KR: ['ko'],
  MA: ['ar', 'fr'],
  MX: ['es'],
  NZ: ['en'],
  PE: ['es'],
  PS: ['ar'],
  TN: ['ar', 'fr'],
  US: ['en'],
  ZA: ['en', 'af'],
};

/**
 * Groups of closely related languages whose speakers understand each other with little effort, and the
 * wider families, closest first. A language may be in one close group and one family.
 */
export const languageGroups: readonly {
  code: string;
  kind: 'close' | 'family';
  languages: readonly string[];
}[] = [
  // Serbo-Croatian standards: one language for understanding.
  { code: 'serbo_croatian', kind: 'close', languages: ['hr', 'sr', 'bs', 'cnr'] },
  { code: 'czech_slovak', kind: 'close', languages: ['cs', 'sk'] },
  { code: 'bulgarian_macedonian', kind: 'close', languages: ['bg', 'mk'] },
  { code: 'scandinavian', kind: 'close', languages: ['da', 'no', 'sv'] },
  { code: 'east_slavic', kind: 'close', languages: ['ru', 'uk', 'be'] },
  { code: 'dutch_afrikaans', kind: 'close', languages: ['nl', 'af'] },
  { code: 'galician_portuguese', kind: 'close', languages: ['gl', 'pt'] },
  { code: 'south_slavic', kind: 'family', languages: ['hr', 'sr', 'bs', 'cnr', 'sl', 'mk', 'bg'] },
  {
    code: 'slavic',
    kind: 'family',
    languages: ['hr', 'sr', 'bs', 'cnr', 'sl', 'mk', 'bg', 'cs', 'sk', 'pl', 'ru', 'uk', 'be'],
  },
  { code: 'romance', kind: 'family', languages: ['fr', 'it', 'es', 'pt', 'ro', 'ca', 'gl', 'rm'] },
  {
    code: 'germanic',
    kind: 'family',
    languages: ['de', 'nl', 'lb', 'en', 'da', 'no', 'sv', 'is', 'fo', 'af'],
  },
  { code: 'finnic_ugric', kind: 'family', languages: ['fi', 'et', 'hu'] },
  { code: 'baltic', kind: 'family', languages: ['lt', 'lv'] },
  { code: 'celtic', kind: 'family', languages: ['ga', 'gd', 'cy'] },
  { code: 'turkic', kind: 'family', languages: ['tr', 'az', 'kk'] },
];

/** The languages of an organisation's country; none when the country is unknown. */
export function languagesOfCountry(country: string | null | undefined): readonly string[] {
  return country ? (countryLanguages[country] ?? []) : [];
}

/** How two sets of languages relate: one in common, closely related, of one family, or not at all. */
export type LanguageRelation =
  | { kind: 'shared'; languages: string[] }
  | { kind: 'close' | 'family'; group: string; languages: string[] }
  | { kind: 'none' };

/** The closest relation between two sets of languages. */
export function relateLanguages(a: readonly string[], b: readonly string[]): LanguageRelation {
  const shared = a.filter((language) => b.includes(language));
  if (shared.length > 0) return { kind: 'shared', languages: shared };
  for (const kind of ['close', 'family'] as const) {
    for (const group of languageGroups) {
      if (group.kind !== kind) continue;
      const fromA = a.filter((language) => group.languages.includes(language));
      const fromB = b.filter((language) => group.languages.includes(language));
      if (fromA.length > 0 && fromB.length > 0)
        return { kind, group: group.code, languages: [...new Set([...fromA, ...fromB])] };
    }
  }
  return { kind: 'none' };
}
