import { toSearchKey } from './search-key.js';

/**
 * Country names as lists written in English name them (Wikipedia's twin-town lists): the constituent
 * countries of the United Kingdom, short and former names, disambiguated titles and a few misspellings
 * that the countries table (one official name per language) does not hold. Keys are search keys.
 */
const englishAliases: Readonly<Record<string, string>> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'great britain': 'GB',
  uk: 'GB',
  turkey: 'TR',
  china: 'CN',
  russia: 'RU',
  'united states': 'US',
  usa: 'US',
  iran: 'IR',
  syria: 'SY',
  laos: 'LA',
  brunei: 'BN',
  moldova: 'MD',
  moldavia: 'MD',
  macedonia: 'MK',
  'north macedonia': 'MK',
  'republic of macedonia': 'MK',
  tanzania: 'TZ',
  taiwan: 'TW',
  palestine: 'PS',
  'west bank': 'PS',
  'gaza strip': 'PS',
  'ivory coast': 'CI',
  'east timor': 'TL',
  micronesia: 'FM',
  'federated states of micronesia': 'FM',
  congo: 'CG',
  'republic of the congo': 'CG',
  gambia: 'GM',
  'the gambia': 'GM',
  'georgia country': 'GE',
  'republic of ireland': 'IE',
  // Its towns are in Cyprus for GeoNames.
  'northern cyprus': 'CY',
  'falkland islands': 'FK',
  'bosnia and hercegovina': 'BA',
  'vatican city': 'VA',
  'south korea': 'KR',
  'north korea': 'KP',
  czechia: 'CZ',
  vietnam: 'VN',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  swaziland: 'SZ',
  burma: 'MM',
  grece: 'GR',
  kazakhstah: 'KZ',
  madagaskar: 'MG',
  surinam: 'SR',
};

/** Search key → ISO code, from the countries table's names in every language and the aliases above. */
export type CountryNameIndex = ReadonlyMap<string, string>;

/**
 * Builds the index of country names from the countries table (`names`: language → name). A name that
 * means two countries in two languages is left out rather than guessed; the English aliases win.
 */
export function buildCountryNameIndex(
  countries: readonly { code: string; names: Readonly<Record<string, string>> }[],
): CountryNameIndex {
  const index = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, code: string) => {
    const key = toSearchKey(name);
    if (key === '' || ambiguous.has(key)) return;
    const known = index.get(key);
    if (known && known !== code) {
      index.delete(key);
      ambiguous.add(key);
    } else {
      index.set(key, code);
    }
  };
  for (const { code, names } of countries) {
    add(code, code);
    // English first, so that another language's homograph cannot make an English name ambiguous.
    if (names.en) add(names.en, code);
    for (const [language, name] of Object.entries(names)) if (language !== 'en') add(name, code);
  }
  for (const [key, code] of Object.entries(englishAliases)) {
    ambiguous.delete(key);
    index.set(key, code);
  }
  return index;
}

/**
 * The ISO code of a country as a list names it: `Croatia`, `Georgia (country)`, `in Italy`, or, when the
 * whole is unknown, its first known part: `Guadeloupe, France` is Guadeloupe (GeoNames files its towns
 * under GP), `Algarve, Portugal` is Portugal. Undefined when unknown.
 */
export function countryCodeOf(index: CountryNameIndex, name: string): string | undefined {
  const lookUp = (text: string) => {
    const key = toSearchKey(text);
    return key === '' ? undefined : (index.get(key) ?? index.get(key.replace(/^in /, '')));
  };
  const whole = lookUp(name);
  if (whole) return whole;
  const parts = name.split(',');
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    const code = lookUp(part);
    if (code) return code;
  }
  return undefined;
}
