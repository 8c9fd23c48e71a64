import { describe, expect, it } from 'vitest';
import { languagesOfCountry, relateLanguages } from './languages.js';

describe('languages of partners', () => {
  it('derives languages from the country', () => {
    expect(languagesOfCountry('BA')).toEqual(['bs', 'hr', 'sr']);
    expect(languagesOfCountry('ZZ')).toEqual([]);
    expect(languagesOfCountry(null)).toEqual([]);
  });

  it('finds a language in common', () => {
    expect(relateLanguages(languagesOfCountry('AT'), languagesOfCountry('CH'))).toEqual({
      kind: 'shared',
      languages: ['de'],
    });
  });

  it('relates the Serbo-Croatian standards closely, and South Slavic languages as one family', () => {
    expect(relateLanguages(['hr'], ['sr'])).toMatchObject({ kind: 'close', group: 'serbo_croatian' });
    expect(relateLanguages(['cs'], ['sk'])).toMatchObject({ kind: 'close', group: 'czech_slovak' });
    expect(relateLanguages(['sl'], ['bg'])).toMatchObject({ kind: 'family', group: 'south_slavic' });
    expect(relateLanguages(['pl'], ['hr'])).toMatchObject({ kind: 'family', group: 'slavic' });
  });

  it('finds no relation between unrelated languages', () => {
    expect(relateLanguages(['hu'], ['fr'])).toEqual({ kind: 'none' });
    expect(relateLanguages([], ['fr'])).toEqual({ kind: 'none' });
  });
});
