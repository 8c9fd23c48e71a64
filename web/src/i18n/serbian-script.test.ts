import { describe, expect, it } from 'vitest';
import { serbianToLatin } from './serbian-script';

describe('serbianToLatin', () => {
  it('writes Serbian Cyrillic in Latin letters', () => {
    expect(serbianToLatin('Бечеј')).toBe('Bečej');
    expect(serbianToLatin('Ниш')).toBe('Niš');
    expect(serbianToLatin('Љубљана')).toBe('Ljubljana');
    expect(serbianToLatin('Џеп и Ђурђевдан')).toBe('Džep i Đurđevdan');
  });

  it('keeps digraphs capital in capitals and leaves other characters alone', () => {
    expect(serbianToLatin('ЉУБЉАНА')).toBe('LJUBLJANA');
    expect(serbianToLatin('Град Ниш (RS) 2024')).toBe('Grad Niš (RS) 2024');
  });
});
