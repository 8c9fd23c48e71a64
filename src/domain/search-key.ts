/**
 * The one normaliser of names and titles into search keys. Keys are lower-case Latin with single spaces,
 * so that `Ниш`, `Niš`, `NIŠ` and `Nis` all become `nis`, and `Θεσσαλονίκη` becomes `thessaloniki`.
 *
 * Cyrillic is transliterated one-to-one by Serbian rules (which Macedonian shares), Greek by ELOT 743,
 * then diacritics are folded (`č` → `c`, `đ` → `dj`, `ß` → `ss`). Letters of other scripts (Arabic, Chinese)
 * are kept as they are, lower-cased and without marks, so that such names still have a key of their own.
 *
 * It runs over hundreds of thousands of names at import, so characters go through a table filled on first
 * sight rather than through regular expressions.
 */
import { stemCandidates } from './stemming.js';
import { cyrillicKeyLetters, isGreek, romaniseCyrillic, romaniseGreek } from './transliteration.js';

/** Letters that Unicode decomposition does not fold to a base letter. */
const specialLetters: Readonly<Record<string, string>> = {
  đ: 'dj',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  ȷ: 'j',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ə: 'e',
  ǝ: 'e',
  ɛ: 'e',
  ɔ: 'o',
  ɑ: 'a',
  ɡ: 'g',
  ǥ: 'g',
  ʒ: 'z',
  ƶ: 'z',
  ƒ: 'f',
  ɨ: 'i',
  ʉ: 'u',
  ĸ: 'k',
  ƀ: 'b',
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
  // A middle dot joins letters (Catalan `l·l`); it does not separate words.
  '·': '',
};

const asciiFolds: readonly string[] = Array.from({ length: 128 }, (_, code) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? String.fromCharCode(code) : ' ',
);
const bmpFolds: (string | undefined)[] = new Array<string | undefined>(0x10000);
const astralFolds = new Map<number, string>();

const isMark = /^\p{M}$/u;
const isInvisible = /^\p{Cf}$/u;
const isLetterOrDigit = /^[\p{L}\p{N}]$/u;

/** The key text of one lower-case character: folded letters, `''` to drop it, `' '` for a separator. */
function foldCharacter(char: string): string {
  const mapped = cyrillicKeyLetters[char] ?? specialLetters[char];
  if (mapped !== undefined) return mapped;
  if (isMark.test(char) || isInvisible.test(char)) return '';
  const code = char.codePointAt(0) ?? 0;
  // Spacing modifier letters are apostrophes and tone marks (`ʼ`, `ˈ`), not letters of a word.
  if (code >= 0x2b0 && code <= 0x2ff) return ' ';
  const decomposed = char.normalize('NFD');
  if (decomposed !== char) {
    let folded = '';
    for (const part of decomposed) if (part !== char) folded += foldedOf(part.codePointAt(0) ?? 0);
    if (folded.trim() !== '') return folded;
  }
  return isLetterOrDigit.test(char) ? char : ' ';
}

function foldedOf(code: number): string {
  if (code < 0x80) return asciiFolds[code] ?? ' ';
  if (code < 0x10000) {
    let folded = bmpFolds[code];
    if (folded === undefined) {
      folded = foldCharacter(String.fromCharCode(code));
      bmpFolds[code] = folded;
    }
    return folded;
  }
  let folded = astralFolds.get(code);
  if (folded === undefined) {
    folded = foldCharacter(String.fromCodePoint(code));
    astralFolds.set(code, folded);
  }
  return folded;
}

function isCyrillic(code: number): boolean {
  return code >= 0x400 && code <= 0x52f;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/** The key of NFKC-normalised lower-case text. */
function foldLower(lower: string): string {
  let key = '';
  let pendingSpace = false;
  const length = lower.length;
  for (let i = 0; i < length; i++) {
    let code = lower.charCodeAt(i);
    let folded: string;
    if (code < 0x80 && code !== 0x27) {
      folded = asciiFolds[code] ?? ' ';
    } else if (isGreek(code)) {
      return foldLower(romaniseGreek(lower));
    } else if (
      isApostrophe(code) &&
      isCyrillic(lower.charCodeAt(i - 1)) &&
      isCyrillic(lower.charCodeAt(i + 1))
    ) {
      // Ukrainian and Belarusian apostrophes sit inside words (`Мар'їнка`).
      folded = '';
    } else {
      if (code >= 0xd800 && code < 0xdc00) {
        code = lower.codePointAt(i) ?? code;
        if (code > 0xffff) i++;
      }
      folded = foldedOf(code);
    }
    if (folded === ' ') {
      pendingSpace = key !== '';
    } else if (folded !== '') {
      if (pendingSpace) {
        key += ' ';
        pendingSpace = false;
      }
      key += folded;
    }
  }
  return key;
}

function normaliseCase(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Turns any name or title into its language-independent search key. */
export function toSearchKey(text: string): string {
  return foldLower(normaliseCase(text));
}

/**
 * Every search key a name is stored under, the language-independent key first: the plain-`d` form of
 * `đ` (`Đakovo` → `djakovo`, `dakovo`), and for Cyrillic names the romanisation of their language
 * (Bulgarian `София` → `sofija`, `sofia`, `sofiya`), or the English-style one when the language is unknown.
 */
export function searchKeysFor(name: string, language?: string): string[] {
  const lower = normaliseCase(name);
  const key = foldLower(lower);
  if (key === '') return [];
  const keys = [key];
  const add = (variant: string): void => {
    if (variant !== '' && !keys.includes(variant)) keys.push(variant);
  };
  let hasCyrillic = false;
  let hasDj = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code === 0x111 || code === 0x452) hasDj = true;
    if (isCyrillic(code)) hasCyrillic = true;
  }
  if (hasDj) add(foldLower(lower.replace(/[đђ]/g, 'd')));
  if (hasCyrillic) for (const latin of romaniseCyrillic(lower, language)) add(foldLower(latin));
  return keys;
}

/** Prepositions that start inflected queries ("u Beču", "в София", "във Варна"), as their keys. */
const prepositions = new Set('u v vo vav na za iz od ot do sa s sas z ka k kam o po pri kod'.split(' '));

/** A query taken apart for matching against stored keys. */
export interface AnalysedQuery {
  /** The query's key, without leading prepositions. */
  key: string;
  tokens: string[];
  /** Likely base forms of an inflected query (`u Beču` → `bec`), most likely first, never `key` itself. */
  stems: string[];
}

/** Keys a query should be looked up under: its own, and those of its likely nominative forms. */
export function analyseQuery(q: string): AnalysedQuery {
  const tokens = toSearchKey(q)
    .split(' ')
    .filter((token) => token !== '');
  while (tokens.length > 1 && prepositions.has(tokens[0] ?? '')) tokens.shift();
  return { key: tokens.join(' '), tokens, stems: stemCandidates(tokens) };
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one Damerau-Levenshtein edit away from a key (deletion, transposition, substitution or
 * insertion of a letter), to find one-typo matches through an exact-key index. Keys outside 4..20
 * characters get none: short keys have too many neighbours, long ones too many variants.
 */
export function editVariants(key: string): string[] {
  const length = key.length;
  if (length < 4 || length > 20) return [];
  const variants = new Set<string>();
  for (let i = 0; i < length; i++) {
    const before = key.slice(0, i);
    const after = key.slice(i + 1);
    variants.add(before + after);
    if (i + 1 < length && key[i] !== key[i + 1])
      variants.add(before + key[i + 1] + key[i] + key.slice(i + 2));
    for (const letter of alphabet) variants.add(before + letter + after);
  }
  for (let i = 0; i <= length; i++) {
    const before = key.slice(0, i);
    const after = key.slice(i);
    for (const letter of alphabet) variants.add(before + letter + after);
  }
  variants.delete(key);
  return [...variants].filter(
    (variant) => !variant.includes('  ') && !variant.startsWith(' ') && !variant.endsWith(' '),
  );
}

/**
 * The optimal-string-alignment Damerau-Levenshtein distance between two strings. With `max`, it stops as
 * soon as the distance must exceed it and returns `max + 1`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const aLength = a.length;
  const bLength = b.length;
  if (Math.abs(aLength - bLength) > max) return max + 1;
  if (aLength === 0) return bLength;
  if (bLength === 0) return aLength;
  let beforePrevious = new Int32Array(bLength + 1);
  let previous = new Int32Array(bLength + 1);
  let current = new Int32Array(bLength + 1);
  for (let j = 0; j <= bLength; j++) previous[j] = j;
  let previousMinimum = 0;
  for (let i = 1; i <= aLength; i++) {
    const aCode = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= bLength; j++) {
      const bCode = b.charCodeAt(j - 1);
      const cost = aCode === bCode ? 0 : 1;
      let distance = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && aCode === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bCode) {
        distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    // Later rows can only grow from this row or, through a transposition, from the one before it.
    if (Math.min(rowMinimum, previousMinimum + 1) > max) return max + 1;
    previousMinimum = rowMinimum;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[bLength] ?? 0;
  return distance > max ? max + 1 : distance;
}

/** Whether every character is ASCII (so none is Cyrillic or Greek). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Detects the ISO 15924 script of a name from its letters (Latin unless Cyrillic or Greek dominate). */
export function detectScript(text: string): 'Latn' | 'Cyrl' | 'Grek' {
  // Most names are plain ASCII: no need to count letters by script.
  if (isAscii(text)) return 'Latn';
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const greek = text.match(/\p{Script=Greek}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic > latin && cyrillic >= greek) return 'Cyrl';
  if (greek > latin) return 'Grek';
  return 'Latn';
}

/** Makes a URL slug from a name: `Cities@Heart` → `cities-heart`, `Niš` → `nis`. */
export function toSlug(text: string): string {
  return toSearchKey(text).replace(/ /g, '-').slice(0, 80) || 'item';
}
