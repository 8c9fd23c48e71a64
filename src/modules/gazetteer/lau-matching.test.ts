import { describe, expect, it } from 'vitest';
import { toSearchKey } from '../../domain/search-key.js';
import {
  isoCountryOfEurostat,
  lauNameVariants,
  looseKey,
  matchPlacesToLau,
  type LauUnit,
  type MatchablePlace,
} from './lau-matching.js';

const variantsOf = (country: string, name: string, lauId = '1') =>
  lauNameVariants({ country, lauId, name }).map((variant) => variant.name);

const unit = (fields: Partial<LauUnit> & Pick<LauUnit, 'name' | 'lauId'>): LauUnit => ({
  country: 'RS',
  nuts3: 'RS225',
  latitude: 43.32,
  longitude: 21.9,
  ...fields,
});

const place = (fields: Partial<MatchablePlace> & Pick<MatchablePlace, 'names'>): MatchablePlace => ({
  geonamesId: 1,
  country: 'RS',
  latitude: 43.32,
  longitude: 21.9,
  ...fields,
});

const options = { toKey: toSearchKey, maxDistanceKm: 15 };

describe('LAU name variants', () => {
  it('keeps the name and its official language variants as exact names', () => {
    expect(lauNameVariants({ country: 'CH', lauId: '1', name: 'Biel/Bienne' })).toEqual([
      { name: 'Biel/Bienne', tier: 1 },
      { name: 'Biel', tier: 1 },
      { name: 'Bienne', tier: 1 },
    ]);
  });

  it('drops status words, qualifiers and city-municipality suffixes', () => {
    expect(variantsOf('DE', 'Halle (Saale), Stadt')).toEqual(
      expect.arrayContaining(['Halle (Saale)', 'Halle']),
    );
    expect(variantsOf('RS', 'Niš - Medijana')).toEqual(expect.arrayContaining(['Niš', 'Medijana']));
    expect(variantsOf('CH', 'Benken (ZH)')).toContain('Benken');
    expect(variantsOf('HR', 'Grad Zagreb')).toContain('Zagreb');
  });

  it('puts a trailing Spanish article back in front', () => {
    expect(variantsOf('ES', 'Bonillo, El')).toContain('El Bonillo');
  });

  it('turns Baltic and Greek genitives of unit names into nominatives', () => {
    expect(variantsOf('LT', 'Vilniaus miesto savivaldybė')).toContain('Vilnius');
    expect(variantsOf('LV', 'Siguldas novads')).toContain('Sigulda');
    const loose = (name: string) => looseKey(toSearchKey(name));
    expect(variantsOf('GR', 'Δημοτική Κοινότητα Κομοτηνής').map(loose)).toContain(loose('Komotiní'));
  });

  it('knows the few units not named after their town', () => {
    expect(variantsOf('BG', 'Столична', 'SOF46')).toContain('София');
  });
});

describe('loose matching keys', () => {
  it('meets English-style romanisations of Cyrillic and Greek', () => {
    expect(looseKey(toSearchKey('Козлодуй'))).toBe(looseKey(toSearchKey('Kozloduy')));
    expect(looseKey(toSearchKey('Пробиштип'))).toBe(looseKey(toSearchKey('Probishtip')));
    expect(looseKey(toSearchKey('Вълчи дол'))).toBe(looseKey(toSearchKey('Valchidol')));
    expect(looseKey(toSearchKey('Θεσσαλονίκη'))).toBe(looseKey(toSearchKey('Thessaloníki')));
  });
});

describe('matching places to LAU units', () => {
  it('chooses the nearest namesake centre, preferring whole names', () => {
    const units = [
      unit({ lauId: '71331', name: 'Niš - Medijana', latitude: 43.319, longitude: 21.917 }),
      unit({ lauId: '71323', name: 'Niš - Palilula', latitude: 43.31, longitude: 21.881 }),
      unit({ lauId: '99999', name: 'Niš', latitude: 44.5, longitude: 21.9, nuts3: 'RS111' }),
    ];
    const { matches, statistics } = matchPlacesToLau(
      [place({ geonamesId: 787657, names: ['Niš', 'Ниш'], latitude: 43.3247, longitude: 21.9033 })],
      units,
      options,
    );
    expect(matches.get(787657)).toEqual({
      lauCode: '71331',
      nutsCode: 'RS225',
      kind: 'name-part',
      distanceKm: 1.3,
    });
    expect(statistics).toMatchObject({ candidates: 1, matched: 1, tooFar: 0 });
  });

  it('leaves a place alone when its only namesake is too far away', () => {
    const { matches, statistics } = matchPlacesToLau(
      [place({ names: ['Novi Grad'], latitude: 45 })],
      [unit({ lauId: '1', name: 'Novi Grad', latitude: 43 })],
      options,
    );
    expect(matches.size).toBe(0);
    expect(statistics).toMatchObject({ tooFar: 1, tooFarNearestKm: { '50+': 1 } });
  });

  it('matches places of a country without centres only by a name unique on both sides', () => {
    const units: LauUnit[] = [
      { country: 'FR', lauId: '75056', name: 'Paris', nuts3: 'FR101', latitude: null, longitude: null },
      { country: 'FR', lauId: '1', name: 'Saint-Denis', nuts3: 'FRK', latitude: null, longitude: null },
      { country: 'FR', lauId: '2', name: 'Saint-Denis', nuts3: 'FRL', latitude: null, longitude: null },
      { country: 'FR', lauId: '3', name: 'Sainte-Foy', nuts3: 'FRI', latitude: null, longitude: null },
    ];
    const { matches, statistics } = matchPlacesToLau(
      [
        place({ geonamesId: 1, country: 'FR', names: ['Paris'] }),
        place({ geonamesId: 2, country: 'FR', names: ['Saint-Denis'] }),
        place({ geonamesId: 3, country: 'FR', names: ['Sainte-Foy'] }),
        place({ geonamesId: 4, country: 'FR', names: ['Sainte-Foy'] }),
      ],
      units,
      options,
    );
    expect([...matches]).toEqual([
      [1, { lauCode: '75056', nutsCode: 'FR101', kind: 'unique-name', distanceKm: null }],
    ]);
    expect(statistics).toMatchObject({ ambiguous: 3 });
  });

  it('reads Eurostat country codes as ISO codes', () => {
    expect(['EL', 'UK', 'HR'].map(isoCountryOfEurostat)).toEqual(['GR', 'GB', 'HR']);
  });
});
