import type { NameEntry } from './organisation.js';
import type { OrganisationKind } from './vocabulary.js';

/** Languages whose names an authority made from a gazetteer place keeps: the region's and its neighbours'. */
const keptLanguages = new Set([
  'en',
  'hr',
  'sr',
  'bs',
  'cnr',
  'sl',
  'mk',
  'bg',
  'sq',
  'ro',
  'el',
  'hu',
  'de',
  'fr',
  'it',
  'es',
  'pl',
  'cs',
  'sk',
  'ru',
  'uk',
  'tr',
  'nl',
  'pt',
]);

/** GeoNames feature codes of capitals and seats of first- and second-order divisions. */
const seatCodes = new Set(['PPLC', 'PPLA', 'PPLA2']);

/** A city when it is a capital, a regional seat or has 100,000 inhabitants; otherwise a municipality. */
export function chooseAuthorityKind(place: {
  featureCode: string | null;
  population: number;
}): OrganisationKind {
  return seatCodes.has(place.featureCode ?? '') || place.population >= 100_000 ? 'city' : 'municipality';
}

/**
 * The names an authority takes from its place: the English name, the local name, and the names in the
 * languages of the region, each once per language.
 */
export function placeNamesForOrganisation(
  place: { name: string; nameEn: string | null },
  terms: readonly { name: string; languages: readonly string[] }[],
): NameEntry[] {
  const names: NameEntry[] = [];
  const seen = new Set<string>();
  const add = (name: string, language: string, kind: NameEntry['kind']) => {
    if (seen.has(`${language}|${name}`)) return;
    seen.add(`${language}|${name}`);
    names.push({ name, language, kind });
  };
  const english = place.nameEn ?? place.name;
  add(english, 'en', english === place.name ? 'official' : 'exonym');
  for (const term of terms) {
    for (const language of term.languages) {
      if (language !== 'en' && keptLanguages.has(language))
        add(term.name, language, term.name === place.name ? 'official' : 'exonym');
    }
  }
  if (!names.some((name) => name.name === place.name)) add(place.name, 'und', 'official');
  return names;
}
