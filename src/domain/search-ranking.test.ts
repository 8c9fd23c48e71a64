import { describe, expect, it } from 'vitest';
import { classifyMatch, confidenceOf, scoreMatch, type MatchFacts } from './search-ranking.js';

/** The score of a match of a place of `population` inhabitants. */
const score = (facts: Partial<MatchFacts> & Pick<MatchFacts, 'kind'>, population = 10_000) =>
  scoreMatch({ importance: Math.log10(population + 1), isRegistryRecord: false, ...facts });

describe('scoreMatch', () => {
  it('ranks exact > inflected > one typo > prefix > fuzzy before population', () => {
    const small = 1_000;
    const large = 10_000_000;
    expect(score({ kind: 'exact' }, small)).toBeGreaterThan(score({ kind: 'stem' }, large));
    expect(score({ kind: 'stem' }, small)).toBeGreaterThan(score({ kind: 'typo' }, large));
    expect(score({ kind: 'typo' }, small)).toBeGreaterThan(score({ kind: 'prefix' }, large));
    expect(score({ kind: 'prefix' }, small)).toBeGreaterThan(
      score({ kind: 'fuzzy', similarity: 0.9 }, large),
    );
  });

  it('ranks the more populous of two equal matches first', () => {
    expect(score({ kind: 'prefix' }, 2_000_000)).toBeGreaterThan(score({ kind: 'prefix' }, 200_000));
  });

  it('treats an exact match of a short query as a completion, first unless a place ten times larger starts so', () => {
    // `Par`: the hamlet Par (1,500) against Paris (2.1 million).
    expect(score({ kind: 'prefix' }, 2_138_551)).toBeGreaterThan(
      score({ kind: 'exact', isShortQuery: true }, 1_500),
    );
    // `Nis`: Niš (250,000) against Nishinomiya (480,000).
    expect(score({ kind: 'exact', isShortQuery: true }, 250_000)).toBeGreaterThan(
      score({ kind: 'prefix' }, 480_000),
    );
    expect(score({ kind: 'exact', isShortQuery: false }, 1_500)).toBeGreaterThan(
      score({ kind: 'prefix' }, 2_138_551),
    );
  });

  it('ranks prefixes and typos through exonyms below those through a place’s own names', () => {
    // `Mas`: Moscow's Latvian name Maskava against Mashhad.
    expect(score({ kind: 'prefix' }, 3_001_184)).toBeGreaterThan(
      score({ kind: 'prefix', isForeignName: true }, 10_381_222),
    );
    expect(score({ kind: 'typo' }, 40_000)).toBeGreaterThan(
      score({ kind: 'typo', isForeignName: true }, 8_000_000),
    );
    expect(score({ kind: 'exact' }, 2_000)).toBeGreaterThan(
      score({ kind: 'exact', isShortQuery: true, isForeignName: true }, 200_000),
    );
  });

  it('keeps exact and inflected matches through exonyms at full weight (Beč, u Beču)', () => {
    expect(score({ kind: 'exact', isForeignName: true })).toBe(score({ kind: 'exact' }));
    expect(score({ kind: 'stem', isForeignName: true })).toBe(score({ kind: 'stem' }));
  });

  it('ranks a fuzzy match two edits away above other fuzzy matches and below every prefix', () => {
    const twoEdits = score({ kind: 'fuzzy', similarity: 0.27, distance: 2 }, 1_000);
    expect(twoEdits).toBeGreaterThan(score({ kind: 'fuzzy', similarity: 0.6, distance: 3 }, 10_000_000));
    expect(twoEdits).toBeLessThan(score({ kind: 'prefix' }, 1_000));
  });

  it('lifts registry records, more so with relations', () => {
    const bare = score({ kind: 'exact' });
    const record = score({ kind: 'exact', isRegistryRecord: true });
    expect(record).toBeGreaterThan(bare);
    expect(score({ kind: 'exact', isRegistryRecord: true, relations: 9 })).toBeGreaterThan(record);
  });
});

describe('classifyMatch', () => {
  it('tells an exact key, a base form, a typo, a prefix and a fuzzy match apart', () => {
    expect(classifyMatch('zagreb', [], 'zagreb')).toBe('exact');
    expect(classifyMatch('becu', ['bec'], 'bec')).toBe('stem');
    expect(classifyMatch('zagerb', [], 'zagreb')).toBe('typo');
    expect(classifyMatch('zag', [], 'zagreb')).toBe('prefix');
    expect(classifyMatch('daatmuth', [], 'dartmouth')).toBe('fuzzy');
  });
});

describe('confidenceOf', () => {
  it('is highest for an exact sole best match and stays within 0..1', () => {
    expect(confidenceOf('exact', 0, true)).toBe(0.98);
    expect(confidenceOf('prefix')).toBeLessThan(confidenceOf('typo'));
    expect(confidenceOf('fuzzy', 1)).toBeLessThanOrEqual(0.6);
  });
});
