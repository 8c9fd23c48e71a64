import { describe, expect, it } from 'vitest';
import { formattingTag, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('follows the first preferred language it has an interface for', () => {
    expect(negotiateLocale(['de-AT', 'hr-HR', 'en'])).toBe('hr');
    expect(negotiateLocale(['sl-SI'])).toBe('sl');
    expect(negotiateLocale(['mk', 'bg'])).toBe('mk');
  });

  it('reads Serbian as Latin unless the browser asks for Cyrillic', () => {
    expect(negotiateLocale(['sr'])).toBe('sr-Latn');
    expect(negotiateLocale(['sr-RS'])).toBe('sr-Latn');
    expect(negotiateLocale(['sr-Latn-RS'])).toBe('sr-Latn');
    expect(negotiateLocale(['sr-Cyrl'])).toBe('sr-Cyrl');
    expect(negotiateLocale(['sr-Cyrl-BA'])).toBe('sr-Cyrl');
  });

  it('knows Montenegrin and Bosnian', () => {
    expect(negotiateLocale(['cnr-ME'])).toBe('cnr');
    expect(negotiateLocale(['bs-BA'])).toBe('bs');
  });

  it('falls back to English', () => {
    expect(negotiateLocale(['fr-FR', 'de'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });
});

describe('formattingTag', () => {
  it('formats in the locale itself when the browser has its data', () => {
    expect(formattingTag('mk', () => true)).toBe('mk');
    expect(formattingTag('sr-Cyrl', () => true)).toBe('sr-Cyrl');
  });

  it('falls back to the nearest language when the browser lacks the data', () => {
    expect(formattingTag('mk', (tag) => tag !== 'mk')).toBe('bg');
    expect(formattingTag('bs', (tag) => tag !== 'bs')).toBe('sr-Latn-BA');
  });

  it('formats Montenegrin as Serbian Latin of Montenegro', () => {
    expect(formattingTag('cnr', () => true)).toBe('sr-Latn-ME');
  });
});
