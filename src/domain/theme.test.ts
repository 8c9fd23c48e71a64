import { describe, expect, it } from 'vitest';
import { checkTheme, textInLanguage, themeSearchText } from './theme.js';

describe('textInLanguage', () => {
  const labels = { en: 'Culture', hr: 'Kultura', 'sr-Cyrl': 'Култура' };

  it('gives the text in the asked language', () => {
    expect(textInLanguage(labels, 'hr')).toEqual({ text: 'Kultura', language: 'hr' });
  });

  it('finds another script of the asked language', () => {
    expect(textInLanguage(labels, 'sr')).toEqual({ text: 'Култура', language: 'sr-Cyrl' });
  });

  it('finds the bare language for a tag with a script', () => {
    expect(textInLanguage({ en: 'Culture', sr: 'Kultura' }, 'sr-Latn')).toEqual({
      text: 'Kultura',
      language: 'sr',
    });
  });

  it('falls back to English and says so', () => {
    expect(textInLanguage(labels, 'sl')).toEqual({ text: 'Culture', language: 'en' });
  });

  it('falls back to the first text when there is no English one, skipping empty texts', () => {
    expect(textInLanguage({ de: '', hr: 'Kultura' }, 'sl')).toEqual({ text: 'Kultura', language: 'hr' });
    expect(textInLanguage({}, 'en')).toBeUndefined();
  });
});

describe('themeSearchText', () => {
  it('holds the code and every label folded to search keys', () => {
    expect(themeSearchText('urban-dev', { en: 'Urban development', sr: 'Урбани развој' })).toBe(
      'urban dev | urban development | urbani razvoj',
    );
  });
});

describe('checkTheme', () => {
  it('accepts a theme with an English label', () => {
    expect(checkTheme({ labels: { en: 'Culture', hr: 'Kultura' } })).toEqual([]);
  });

  it('refuses a theme without an English label', () => {
    expect(checkTheme({ labels: { hr: 'Kultura' } })).toMatchObject([
      { field: 'body.labels.en', code: 'theme.english_label_required' },
    ]);
    expect(checkTheme({ labels: { en: ' ' } })).toHaveLength(1);
  });
});
