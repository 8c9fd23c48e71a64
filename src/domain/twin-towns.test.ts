import { describe, expect, it } from 'vitest';
import {
  chooseTownCandidate,
  groupListedTowns,
  isSameTownName,
  listedTownKind,
  missingTwinTownColumns,
  toTwinTownRow,
  townNameVariants,
  type TownCandidate,
} from './twin-towns.js';

const zagreb = { city: 'Zagreb', country: 'Croatia', latitude: 45.81, longitude: 15.98 };

function candidate(
  name: string,
  latitude: number,
  longitude: number,
  kind: TownCandidate['matched']['kind'] = 'exact',
) {
  return { name, matched: { name, kind }, country: 'HR', latitude, longitude, confidence: 1 };
}

describe('twin-town list rows', () => {
  it('reads a row, leaving out coordinates that are not numbers', () => {
    const row = toTwinTownRow(
      {
        city1: ' Berat ',
        country1: 'Albania',
        lat1: '40.7022',
        lng1: '19.9583',
        city2: 'Fermo',
        country2: 'Italy',
        lat2: '',
        lng2: 'x',
      },
      2,
    );
    expect(row).toEqual({
      line: 2,
      sides: [
        { city: 'Berat', country: 'Albania', latitude: 40.7022, longitude: 19.9583 },
        { city: 'Fermo', country: 'Italy', latitude: null, longitude: null },
      ],
    });
  });

  it('names the columns a header lacks', () => {
    expect(missingTwinTownColumns(['city1', 'country1', 'lat1', 'lng1', 'city2'])).toEqual([
      'country2',
      'lat2',
      'lng2',
    ]);
  });

  it('tries a town without its qualifier and before a comma', () => {
    expect(townNameVariants('Gangdong (Seoul)')).toEqual(['Gangdong (Seoul)', 'Gangdong']);
    expect(townNameVariants('Coventry, Connecticut')).toEqual(['Coventry, Connecticut', 'Coventry']);
    expect(townNameVariants('Split')).toEqual(['Split']);
  });

  it('takes a longer or shorter name only when one is the other with more words', () => {
    expect(isSameTownName('Purgstall an der Erlauf', { name: 'Purgstall', kind: 'fuzzy' })).toBe(true);
    expect(isSameTownName('Herzberg', { name: 'Herzberg am Harz', kind: 'prefix' })).toBe(true);
    expect(isSameTownName('Heinersreuth', { name: 'Bayreuth', kind: 'fuzzy' })).toBe(false);
    expect(isSameTownName('Chūō (Tokyo)', { name: 'Tokyo', kind: 'fuzzy' })).toBe(false);
    expect(isSameTownName('Nišu', { name: 'Niš', kind: 'stem' })).toBe(true);
  });
});

describe('choosing the place a town is', () => {
  it('takes the candidate within reach of the row, the surest match first', () => {
    const far = candidate('Zagreb', 10, 10);
    const near = candidate('Zagreb', 45.8, 16.0);
    expect(chooseTownCandidate(zagreb, 'Zagreb', [far, near], 25)).toEqual({ candidate: near });
  });

  it('refuses a town whose namesakes are all too far, naming the nearest', () => {
    expect(chooseTownCandidate(zagreb, 'Zagreb', [candidate('Zagreb', 46.5, 16.0)], 25)).toEqual({
      reason: 'too_far',
      nearest: { name: 'Zagreb', country: 'HR', distanceKm: 77 },
    });
  });

  it('refuses a town nothing of the same name was found for', () => {
    expect(chooseTownCandidate(zagreb, 'Zagreb', [], 25)).toEqual({ reason: 'no_match' });
    expect(chooseTownCandidate(zagreb, 'Zagreb', [candidate('Zaprešić', 45.85, 15.8, 'fuzzy')], 25)).toEqual({
      reason: 'no_match',
    });
  });

  it('without coordinates, takes only a sure match', () => {
    const side = { ...zagreb, latitude: null, longitude: null };
    expect(chooseTownCandidate(side, 'Zagreb', [candidate('Zagreb', 1, 1)], 25)).toMatchObject({
      candidate: { name: 'Zagreb' },
    });
    expect(
      chooseTownCandidate(side, 'Zagreb', [{ ...candidate('Zagreb', 1, 1), confidence: 0.5 }], 25),
    ).toEqual({
      reason: 'ambiguous',
    });
  });
});

describe('towns the gazetteer lacks', () => {
  it('become a county or region when their name says so, else a municipality', () => {
    expect(listedTownKind('Cobb County')).toBe('county');
    expect(listedTownKind('Kaliningrad Oblast')).toBe('region');
    expect(listedTownKind('Libčany')).toBe('municipality');
  });

  it('are one authority per name and country within reach, whatever the rows', () => {
    const town = (name: string, country: string, latitude: number, longitude: number) => ({
      name,
      country,
      latitude,
      longitude,
    });
    expect(
      groupListedTowns(
        [
          town('Libčany', 'CZ', 50.2, 15.7),
          town('Libcany', 'CZ', 50.21, 15.71), // the same town, written without its háček
          town('Libčany', 'SK', 50.2, 15.7), // another country
          town('Libčany', 'CZ', 49.0, 17.0), // a namesake far away
        ],
        25,
      ),
    ).toEqual([0, 0, 2, 3]);
  });
});
