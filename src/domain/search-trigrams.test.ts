import { describe, expect, it } from 'vitest';
import { similarityOf, trigramSimilarity, trigramsOf } from './search-trigrams.js';

describe('trigrams as pg_trgm cuts them', () => {
  it('pads each word with two spaces before and one after', () => {
    expect(trigramsOf('a b1').sort()).toEqual(['  a', '  b', ' a ', ' b1', 'b1 ']);
  });

  it('counts a trigram once however often it occurs', () => {
    expect(trigramsOf('aaaa').sort()).toEqual(['  a', ' aa', 'aa ', 'aaa']);
    expect(trigramsOf('nis nis')).toHaveLength(4);
  });

  it('cuts words of other scripts by their letters', () => {
    expect(trigramsOf('东京').sort()).toEqual(['  东', ' 东京', '东京 '].sort());
  });

  it('has no trigrams for a key without letters or digits', () => {
    expect(trigramsOf('')).toEqual([]);
    expect(trigramsOf(' ')).toEqual([]);
  });
});

describe('trigram similarity', () => {
  it.each([
    ['daatmuth', 'dartmouth', 0.26666668],
    ['san salvaeor el sco', 'san salvador el seco', 0.5217391],
    ['zagerb', 'zagreb', 0.27272728],
    ['a', 'a b', 0.5],
    ['东京都', '东京', 0.4],
  ])('of %s and %s is what similarity() returns', (a, b, expected) => {
    expect(similarityOf(a, b)).toBe(Math.fround(expected));
  });

  it('is zero when either side has no trigrams', () => {
    expect(trigramSimilarity(0, 0, 0)).toBe(0);
    expect(similarityOf('', 'nis')).toBe(0);
  });
});
