/**
 * The one normaliser of names and titles into search keys. Keys are lower-case Latin ASCII with
 * single spaces, so that `Ниш`, `Niš`, `NIŠ` and `Nis` all become `nis`.
 *
 * Cyrillic is transliterated one-to-one by Serbian rules (which Macedonian shares), then diacritics are
 * folded; letters that Serbian lacks take their closest Serbian Latin value.
 */

const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
  // Macedonian
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  // Bulgarian, Russian, Ukrainian, Belarusian
  щ: 'št',
  ъ: 'a',
  ь: '',
  ю: 'ju',
  я: 'ja',
  й: 'j',
  ы: 'y',
  э: 'e',
  ё: 'e',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
  ў: 'u',
};

/** Letters that Unicode decomposition does not fold to a base letter. */
const specialLetters: Record<string, string> = {
  đ: 'dj',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
};

const combiningMarks = /\p{M}+/gu;
const nonAlphanumeric = /[^\p{L}\p{N}]+/gu;

/** Turns any name or title into its search key. */
export function toSearchKey(text: string): string {
  const lower = text.normalize('NFKC').toLocaleLowerCase('und');
  let latin = '';
  for (const char of lower) latin += cyrillicToLatin[char] ?? char;
  let folded = '';
  for (const char of latin) folded += specialLetters[char] ?? char;
  return folded.normalize('NFD').replace(combiningMarks, '').replace(nonAlphanumeric, ' ').trim();
}

/** Detects the ISO 15924 script of a name from its letters (Latin unless Cyrillic or Greek dominate). */
export function detectScript(text: string): 'Latn' | 'Cyrl' | 'Grek' {
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
