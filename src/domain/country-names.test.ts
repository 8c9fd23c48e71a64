import { describe, expect, it } from 'vitest';
import { buildCountryNameIndex, countryCodeOf } from './country-names.js';

const index = buildCountryNameIndex([
  { code: 'GB', names: { en: 'United Kingdom', hr: 'Ujedinjeno Kraljevstvo' } },
  { code: 'GE', names: { en: 'Georgia' } },
  { code: 'BA', names: { en: 'Bosnia and Herzegovina' } },
  { code: 'PT', names: { en: 'Portugal' } },
  { code: 'IT', names: { en: 'Italy', de: 'Italien' } },
  { code: 'TR', names: { en: 'Türkiye' } },
  { code: 'IS', names: { en: 'Iceland', de: 'Island' } },
  { code: 'AX', names: { en: 'Åland Islands' } },
]);

describe('country names of twin-town lists', () => {
  it.each([
    ['England', 'GB'],
    ['Wales, United Kingdom', 'GB'],
    ['Georgia (country)', 'GE'],
    ['Bosnia and Hercegovina', 'BA'],
    ['Algarve, Portugal', 'PT'],
    ['in Italy', 'IT'],
    ['Turkey', 'TR'],
    ['Italien', 'IT'],
    ['Island', 'IS'],
    ['Åland Islands, Finland', 'AX'],
  ])('reads %s as %s', (name, code) => {
    expect(countryCodeOf(index, name)).toBe(code);
  });

  it('knows no country in an empty or unknown name', () => {
    expect(countryCodeOf(index, '')).toBeUndefined();
    expect(countryCodeOf(index, 'Atlantis')).toBeUndefined();
  });
});
