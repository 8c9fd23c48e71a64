import { describe, expect, it } from 'vitest';
import { checkProgramme, chooseDisplayTitle } from './programme.js';

describe('chooseDisplayTitle', () => {
  it('prefers the English title', () => {
    expect(chooseDisplayTitle({ hr: 'Program', en: 'Programme' })).toBe('Programme');
  });

  it('takes the first non-empty title when there is no English one', () => {
    expect(chooseDisplayTitle({ en: ' ', hr: '', sr: 'Програм' })).toBe('Програм');
  });

  it('is empty when there is no title at all', () => {
    expect(chooseDisplayTitle({})).toBe('');
  });
});

describe('checkProgramme', () => {
  const title = { en: 'Programme of international cooperation for 2022' };

  it('accepts a programme adopted before or during its year', () => {
    expect(checkProgramme({ year: 2022, title, adoptedOn: '2021-12-16' })).toEqual([]);
    expect(checkProgramme({ year: 2022, title, adoptedOn: '2022-03' })).toEqual([]);
    expect(checkProgramme({ year: 2022, title, adoptedOn: '2022' })).toEqual([]);
    expect(checkProgramme({ year: 2022, title, adoptedOn: null })).toEqual([]);
  });

  it('refuses a programme adopted after its year ends', () => {
    expect(checkProgramme({ year: 2022, title, adoptedOn: '2023-01-10' })).toEqual([
      expect.objectContaining({ field: 'body.adoptedOn', code: 'programme.adopted_after_year' }),
    ]);
  });

  it('refuses a programme without a title', () => {
    expect(checkProgramme({ year: 2022, title: { hr: '  ' } })).toEqual([
      expect.objectContaining({ field: 'body.title', code: 'programme.title_required' }),
    ]);
  });
});
