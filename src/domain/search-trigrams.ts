/**
 * Trigram similarity of search keys, computed as PostgreSQL's pg_trgm computes it, so that a search in
 * memory finds what the `%` operator of the database would: each word (a run of letters and digits) is
 * padded with two spaces before and one after, cut into every run of three characters, and the set of
 * those is compared: similarity = shared / (all of both − shared).
 */

const asciiWordKey = /^[a-z0-9 ]*$/;
const wordCharacter = /^[\p{L}\p{N}]$/u;
/** Whether each character of the Basic Multilingual Plane is a letter or digit: 0 unknown, 1 yes, 2 no. */
const isWordCharacter = new Uint8Array(0x10000);

function isWordCharacterOf(character: string): boolean {
  const code = character.charCodeAt(0);
  if (character.length > 1) return wordCharacter.test(character);
  let known = isWordCharacter[code]!;
  if (known === 0) {
    known = wordCharacter.test(character) ? 1 : 2;
    isWordCharacter[code] = known;
  }
  return known === 1;
}

function addWordTrigrams(characters: readonly string[], trigrams: Set<string>): void {
  if (characters.length === 0) return;
  const padded = [' ', ' ', ...characters, ' '];
  for (let i = 0; i + 2 < padded.length; i++) trigrams.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
}

/** The distinct trigrams of a key, as `show_trgm` lists them (in another order). */
export function trigramsOf(key: string): string[] {
  const trigrams = new Set<string>();
  if (asciiWordKey.test(key)) {
    // Search keys are lower-case ASCII words separated by single spaces, nearly always.
    for (const word of key.split(' ')) {
      if (word === '') continue;
      const padded = `  ${word} `;
      for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
    }
    return [...trigrams];
  }
  let word: string[] = [];
  for (const character of key.toLowerCase()) {
    if (isWordCharacterOf(character)) {
      word.push(character);
    } else {
      addWordTrigrams(word, trigrams);
      word = [];
    }
  }
  addWordTrigrams(word, trigrams);
  return [...trigrams];
}

/**
 * The similarity of two sets of trigrams sharing `shared` trigrams, rounded to single precision as
 * pg_trgm's `similarity()` returns it.
 */
export function trigramSimilarity(shared: number, countA: number, countB: number): number {
  const union = countA + countB - shared;
  return union <= 0 ? 0 : Math.fround(shared / union);
}

/** The trigram similarity of two keys (pg_trgm's `similarity(a, b)`). */
export function similarityOf(a: string, b: string): number {
  const ofA = trigramsOf(a);
  const ofB = new Set(trigramsOf(b));
  const shared = ofA.filter((trigram) => ofB.has(trigram)).length;
  return trigramSimilarity(shared, ofA.length, ofB.size);
}
