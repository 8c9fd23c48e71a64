import { importanceOf, termsForNames } from '../src/domain/search-terms.js';
import type { Executor } from '../src/platform/db/database.js';
import { replaceTerms } from '../src/modules/search/search.repository.js';

/** A few real gazetteer places with some of their names, for tests that need places but not all 135,000. */
export const fixturePlaces = [
  {
    geonamesId: 2761369,
    name: 'Vienna',
    nameEn: 'Vienna',
    country: 'AT',
    featureCode: 'PPLC',
    population: 1691468,
    latitude: 48.20849,
    longitude: 16.37208,
    names: [
      ['Vienna', 'en'],
      ['Beč', 'hr'],
      ['Беч', 'sr'],
      ['Виена', 'bg'],
      ['Dunaj', 'sl'],
      ['Wien', 'de'],
    ],
  },
  {
    geonamesId: 787657,
    name: 'Niš',
    nameEn: 'Niš',
    country: 'RS',
    featureCode: 'PPLA',
    population: 250000,
    latitude: 43.32472,
    longitude: 21.90333,
    names: [
      ['Niš', 'en'],
      ['Ниш', 'bg'],
      ['Niš', 'sr'],
    ],
  },
  {
    geonamesId: 727011,
    name: 'Sofia',
    nameEn: 'Sofia',
    country: 'BG',
    featureCode: 'PPLC',
    population: 1152556,
    latitude: 42.69751,
    longitude: 23.32415,
    names: [
      ['Sofia', 'en'],
      ['София', 'bg'],
      ['Софија', 'sr'],
      ['Sofija', 'hr'],
    ],
  },
  {
    geonamesId: 3094802,
    name: 'Kraków',
    nameEn: 'Krakow',
    country: 'PL',
    featureCode: 'PPLA',
    population: 804237,
    latitude: 50.06143,
    longitude: 19.93658,
    names: [
      ['Krakow', 'en'],
      ['Kraków', 'pl'],
      ['Krakov', 'hr'],
      ['Краков', 'sr'],
    ],
  },
  {
    geonamesId: 3186886,
    name: 'Zagreb',
    nameEn: 'Zagreb',
    country: 'HR',
    featureCode: 'PPLC',
    population: 698966,
    latitude: 45.81444,
    longitude: 15.97798,
    names: [
      ['Zagreb', 'en'],
      ['Загреб', 'sr'],
    ],
  },
  // A small place whose name a typo of "Zagreb" could also reach, to keep ranking honest.
  {
    geonamesId: 3337532,
    name: 'Zagorje',
    nameEn: null,
    country: 'HR',
    featureCode: 'PPL',
    population: 1200,
    latitude: 46.0,
    longitude: 15.9,
    names: [['Zagorje', 'hr']],
  },
] as const;

/** Inserts the fixture places and their search terms. */
export async function insertFixturePlaces(db: Executor): Promise<void> {
  for (const { names, ...place } of fixturePlaces) {
    await db
      .insertInto('places')
      .values({ ...place, admin1Code: null, lauCode: null, nutsCode: null })
      .execute();
    await replaceTerms(
      db,
      {
        type: 'place',
        id: String(place.geonamesId),
        importance: importanceOf(place.population),
        country: place.country,
      },
      termsForNames(names.map(([name, language]) => ({ name, language }))),
    );
  }
}
