import { describe, expect, it } from 'vitest';
import {
  fromLocalisedRows,
  normaliseDecimal,
  optionalNumber,
  optionalText,
  rebase,
  safeReturnPath,
  toLocalisedRows,
} from './form-values';

describe('form values', () => {
  it('edits a translatable text as rows and sends only the rows with text', () => {
    expect(toLocalisedRows({ en: 'Vienna', hr: 'Beč' }, 'hr')).toEqual([
      { language: 'en', text: 'Vienna' },
      { language: 'hr', text: 'Beč' },
    ]);
    expect(toLocalisedRows({}, 'sr-Cyrl')).toEqual([{ language: 'sr-Cyrl', text: '' }]);
    expect(
      fromLocalisedRows([
        { language: 'en', text: ' Vienna ' },
        { language: 'hr', text: '  ' },
      ]),
    ).toEqual({ en: 'Vienna' });
  });

  it('sends an empty field as null', () => {
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' 2007-05 ')).toBe('2007-05');
    expect(optionalNumber('')).toBeNull();
    expect(optionalNumber(790017)).toBe(790017);
    expect(optionalNumber('45.8')).toBe(45.8);
  });

  it('reads amounts as people write them, as exact decimal strings', () => {
    expect(normaliseDecimal('72075.50')).toBe('72075.50');
    expect(normaliseDecimal('72 075,50')).toBe('72075.50');
    expect(normaliseDecimal('72.075,50')).toBe('72075.50');
    expect(normaliseDecimal('72,075.50')).toBe('72075.50');
    expect(normaliseDecimal('85,5')).toBe('85.5');
    expect(normaliseDecimal('')).toBeNull();
    expect(normaliseDecimal('about 70k')).toBe('about70k');
  });

  it('re-bases typed values on a newer version without losing what was typed', () => {
    const base = {
      status: 'active',
      endedOn: '',
      agreementUrl: '',
      description: [{ language: 'en', text: '' }],
    };
    const mine = { ...base, agreementUrl: 'https://example.org/a.pdf', endedOn: '2024' };
    const latest = { ...base, status: 'ended', endedOn: '2025' };
    expect(rebase(base, mine, latest)).toEqual({
      values: { ...mine, status: 'ended' },
      adopted: ['status'],
      kept: ['endedOn'],
    });
  });

  it('reports nothing when someone else made the same change', () => {
    const base = { status: 'active' };
    expect(rebase(base, { status: 'ended' }, { status: 'ended' })).toEqual({
      values: { status: 'ended' },
      adopted: [],
      kept: [],
    });
  });

  it('returns only to paths inside the application', () => {
    expect(safeReturnPath('/organisations/zagreb')).toBe('/organisations/zagreb');
    expect(safeReturnPath('//evil.example')).toBeUndefined();
    expect(safeReturnPath('https://evil.example')).toBeUndefined();
    expect(safeReturnPath(null)).toBeUndefined();
  });
});
