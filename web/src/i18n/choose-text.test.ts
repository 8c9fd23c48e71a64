import { describe, expect, it } from 'vitest';
import { chooseName, chooseText } from './choose-text';

describe('chooseText', () => {
  it('shows the reader’s own language without a fallback note', () => {
    expect(chooseText({ en: 'Vienna', hr: 'Beč' }, 'hr')).toEqual({
      text: 'Beč',
      language: 'hr',
      isFallback: false,
    });
  });

  it('shows Serbian in the other script rather than another language', () => {
    expect(chooseText({ en: 'Cooperation', 'sr-Latn': 'Saradnja' }, 'sr-Cyrl')).toEqual({
      text: 'Saradnja',
      language: 'sr-Latn',
      isFallback: false,
    });
  });

  it('falls back to English, then to the first language, and says so', () => {
    expect(chooseText({ sl: 'Sodelovanje', en: 'Cooperation' }, 'mk')).toEqual({
      text: 'Cooperation',
      language: 'en',
      isFallback: true,
    });
    expect(chooseText({ sl: 'Sodelovanje' }, 'bg')).toEqual({
      text: 'Sodelovanje',
      language: 'sl',
      isFallback: true,
    });
  });

  it('has nothing to show for no text or empty text', () => {
    expect(chooseText({}, 'en')).toBeUndefined();
    expect(chooseText({ en: '  ' }, 'en')).toBeUndefined();
    expect(chooseText(null, 'en')).toBeUndefined();
  });
});

describe('chooseName', () => {
  const nis = [
    { name: 'Niš', language: 'en', script: 'Latn', kind: 'official' },
    { name: 'Ниш', language: 'sr', script: 'Cyrl', kind: 'official' },
    { name: 'Град Ниш', language: 'sr', script: 'Cyrl', kind: 'official' },
    { name: 'Niš', language: 'sr', script: 'Latn', kind: 'official' },
  ];

  it('names in the reader’s language and script', () => {
    expect(chooseName(nis, 'sr-Cyrl', 'Niš')).toBe('Ниш');
    expect(chooseName(nis, 'sr-Latn', 'Niš')).toBe('Niš');
  });

  it('writes a Serbian name known only in Cyrillic in Latin for Latin readers', () => {
    const becej = [
      { name: 'Bečej', language: 'en', script: 'Latn', kind: 'official' },
      { name: 'Бечеј', language: 'sr', script: 'Cyrl', kind: 'exonym' },
    ];
    expect(chooseName(becej, 'sr-Latn', 'Bečej')).toBe('Bečej');
    expect(chooseName(becej, 'sr-Cyrl', 'Bečej')).toBe('Бечеј');
  });

  it('gives Montenegrin readers the Serbian Latin name', () => {
    expect(chooseName(nis, 'cnr', 'Niš')).toBe('Niš');
  });

  it('keeps the display name when the reader’s language has none', () => {
    expect(chooseName(nis, 'bg', 'Niš')).toBe('Niš');
  });

  it('prefers an official name or exonym to an alias', () => {
    const vienna = [
      { name: 'Bečki grad', language: 'hr', script: 'Latn', kind: 'alias' },
      { name: 'Beč', language: 'hr', script: 'Latn', kind: 'exonym' },
    ];
    expect(chooseName(vienna, 'hr', 'Vienna')).toBe('Beč');
  });
});
