import { trigramSimilarity, trigramsOf } from '../../domain/search-trigrams.js';
import { paceEvery } from '../../platform/pacing.js';

/** The letters of plain keys as trigram digits: space 0, a–z 1–26, 0–9 27–36. */
const base = 37;
/** Trigrams of plain letters are numbered by their digits; other trigrams get the numbers after those. */
const plainTrigrams = base * base * base;
const digitOf = new Int8Array(128).fill(-1);
digitOf[0x20] = 0;
for (let code = 0x61; code <= 0x7a; code++) digitOf[code] = code - 0x60;
for (let code = 0x30; code <= 0x39; code++) digitOf[code] = code - 0x30 + 27;

/** Whether a key holds only plain letters, digits and spaces (nearly every key). */
function isPlain(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 128 || digitOf[code] === -1) return false;
  }
  return true;
}

/** A similar key: its number in the list the index was built from, and its similarity to the query. */
export interface SimilarKey {
  keyNumber: number;
  similarity: number;
}

/**
 * The trigrams of a list of keys, as pg_trgm cuts them (see domain/search-trigrams.ts), for similarity
 * searches in memory: each trigram has a number, and the numbers of the keys that hold it are kept in
 * one array (a quarter of a million keys hold two and a half million trigrams).
 */
export class TrigramIndex {
  private readonly otherTrigrams = new Map<string, number>();
  /** The keys holding trigram t are `postings[offsets[t]]` to `postings[offsets[t + 1] - 1]`. */
  private offsets = new Int32Array(0);
  private postings = new Int32Array(0);
  private readonly trigramCounts: Uint16Array;
  /** Scratch space: trigrams seen in the current key, shared trigrams per key, the keys touched. */
  private readonly seen = new Int32Array(plainTrigrams).fill(-1);
  private stamp = 0;
  private readonly shared: Uint16Array;
  private readonly touched: Int32Array;

  private constructor(keyCount: number) {
    this.trigramCounts = new Uint16Array(keyCount);
    this.shared = new Uint16Array(keyCount);
    this.touched = new Int32Array(keyCount);
  }

  /**
   * The index of `keys`: a fifth of a second of work for the gazetteer's keys, in slices (`pace` yields
   * to the event loop now and then).
   */
  static async build(keys: readonly string[], pace: () => Promise<void>): Promise<TrigramIndex> {
    const index = new TrigramIndex(keys.length);
    const starts = new Int32Array(keys.length + 1);
    let numbers = new Int32Array(keys.length * 12);
    let used = 0;
    for (let keyNumber = 0; keyNumber < keys.length; keyNumber++) {
      if (keyNumber % paceEvery === 0) await pace();
      starts[keyNumber] = used;
      const trigrams = index.numbersOf(keys[keyNumber]!, true);
      if (used + trigrams.length > numbers.length) {
        const larger = new Int32Array(Math.max(numbers.length * 2, used + trigrams.length));
        larger.set(numbers);
        numbers = larger;
      }
      numbers.set(trigrams, used);
      used += trigrams.length;
      index.trigramCounts[keyNumber] = trigrams.length;
    }
    starts[keys.length] = used;
    await pace();

    const trigramTotal = plainTrigrams + index.otherTrigrams.size;
    const offsets = new Int32Array(trigramTotal + 1);
    for (let i = 0; i < used; i++) offsets[numbers[i]! + 1]!++;
    for (let trigram = 0; trigram < trigramTotal; trigram++) offsets[trigram + 1]! += offsets[trigram]!;
    const next = offsets.slice(0, trigramTotal);
    const postings = new Int32Array(used);
    for (let keyNumber = 0; keyNumber < keys.length; keyNumber++) {
      if (keyNumber % paceEvery === 0) await pace();
      for (let i = starts[keyNumber]!; i < starts[keyNumber + 1]!; i++) {
        postings[next[numbers[i]!]!++] = keyNumber;
      }
    }
    index.offsets = offsets;
    index.postings = postings;
    return index;
  }

  /**
   * The distinct trigram numbers of a key; a trigram of other letters that the index does not hold is
   * numbered -1 (it counts in the similarity, and no key shares it), or given a number when `isBuilding`.
   */
  private numbersOf(key: string, isBuilding: boolean): number[] {
    const numbers: number[] = [];
    if (isPlain(key)) {
      if (this.stamp === 0x7fffffff) {
        this.seen.fill(-1);
        this.stamp = 0;
      }
      const stamp = this.stamp++;
      // Each word is read as if written "  word ": two spaces of padding before it, one after it.
      let first = 0;
      let second = 0;
      for (let i = 0; i <= key.length; i++) {
        const digit = i < key.length ? digitOf[key.charCodeAt(i)]! : 0;
        if (digit === 0 && second === 0) {
          first = 0;
          continue;
        }
        const trigram = (first * base + second) * base + digit;
        if (this.seen[trigram] !== stamp) {
          this.seen[trigram] = stamp;
          numbers.push(trigram);
        }
        // After a word's last letter, the next word starts with two spaces of padding again.
        first = digit === 0 ? 0 : second;
        second = digit;
      }
      return numbers;
    }
    for (const trigram of trigramsOf(key)) {
      let number = this.otherTrigrams.get(trigram);
      if (number === undefined && isBuilding) {
        number = plainTrigrams + this.otherTrigrams.size;
        this.otherTrigrams.set(trigram, number);
      }
      numbers.push(number ?? -1);
    }
    return numbers;
  }

  /** The keys that share at least `threshold` of their trigrams with `key` (pg_trgm's similarity). */
  similarKeys(key: string, threshold: number): SimilarKey[] {
    const trigrams = this.numbersOf(key, false);
    const { shared, touched, offsets, postings } = this;
    let touchedCount = 0;
    for (const trigram of trigrams) {
      if (trigram < 0 || trigram + 1 >= offsets.length) continue;
      for (let i = offsets[trigram]!; i < offsets[trigram + 1]!; i++) {
        const keyNumber = postings[i]!;
        const count = shared[keyNumber]!;
        shared[keyNumber] = count + 1;
        if (count === 0) touched[touchedCount++] = keyNumber;
      }
    }
    const similar: SimilarKey[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const keyNumber = touched[i]!;
      const similarity = trigramSimilarity(
        shared[keyNumber]!,
        trigrams.length,
        this.trigramCounts[keyNumber]!,
      );
      shared[keyNumber] = 0;
      if (similarity >= threshold) similar.push({ keyNumber, similarity });
    }
    return similar;
  }
}
