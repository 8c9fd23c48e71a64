/**
 * Cyrillic and Greek into Latin: the one-to-one Serbian mapping behind every search key, and the national
 * romanisations a name is also indexed under. Inputs are NFKC-normalised lower-case text; outputs are
 * plain ASCII for the letters these tables know, other characters passing through unchanged.
 */

/**
 * Cyrillic letters in Serbian Latin (which Macedonian shares), diacritics already folded (`ч` → `c`,
 * `ђ` → `dj`); letters Serbian lacks take their closest Serbian value (Bulgarian `щ` = `št` → `st`).
 */
export const cyrillicKeyLetters: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
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
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  // Macedonian
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  // Bulgarian, Russian, Ukrainian, Belarusian, as Serbian writes them
  щ: 'st',
  ъ: 'a',
  ь: '',
  ю: 'ju',
  я: 'ja',
  й: 'j',
  ы: 'i',
  э: 'e',
  ё: 'e',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
  ў: 'u',
  // pre-reform spellings still found in old names
  ѣ: 'e',
  ѳ: 'f',
  ѵ: 'i',
};

/** A national romanisation: letters that differ from the key mapping, and its positional rules. */
interface Romanisation {
  letters: Readonly<Record<string, string>>;
  /** Spellings at the start of a word (Ukrainian `я` is `ya` there, `ia` elsewhere). */
  initial?: Readonly<Record<string, string>>;
  /** Whether the initial spellings also apply after a vowel, `ў`, `ь` or an apostrophe (Belarusian). */
  initialAfterVowel?: boolean;
  /** Bulgarian: a word-final `ия` is `ia` (`София` → `Sofia`). */
  finalIya?: boolean;
  /** Ukrainian: `зг` is `zgh`, so that it is not read as `ж`. */
  zgh?: boolean;
}

/** Bulgarian Streamlined System (the 2009 law). */
const bulgarian: Romanisation = {
  letters: { ж: 'zh', й: 'y', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya' },
  finalIya: true,
};

/** Russian as English texts usually write it (BGN/PCGN without its diacritics and apostrophes). */
const russian: Romanisation = {
  letters: {
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  },
};

/** Ukrainian national system (2010). */
const ukrainian: Romanisation = {
  letters: {
    г: 'h',
    ґ: 'g',
    є: 'ie',
    ж: 'zh',
    и: 'y',
    ї: 'i',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'iu',
    я: 'ia',
  },
  initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  zgh: true,
};

/** Belarusian national system (2007), diacritics folded. */
const belarusian: Romanisation = {
  letters: { г: 'h', е: 'ie', ё: 'io', й: 'j', х: 'ch', ы: 'y', ю: 'iu', я: 'ia' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  initialAfterVowel: true,
};

/** Macedonian digraph romanisation of passports and most current texts. */
const macedonian: Romanisation = {
  letters: { ж: 'zh', ч: 'ch', ш: 'sh', џ: 'dzh' },
};

/** How an English speaker writes an unknown Cyrillic name: `zh`, `ch`, `sh`, `ya`, `yu`, `shch`. */
const englishStyle: Romanisation = {
  letters: {
    ж: 'zh',
    й: 'y',
    х: 'h',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    џ: 'dzh',
    ы: 'y',
    ю: 'yu',
    я: 'ya',
    є: 'ye',
    ї: 'yi',
  },
};

/** Bulgarian letter by letter, without the word-final `ия` rule (`София` → `Sofiya`). */
const bulgarianLetterByLetter: Romanisation = { letters: bulgarian.letters };

/** Languages whose Cyrillic is the Serbian one-to-one mapping, so they need no extra key. */
const serbianLatinLanguages = new Set(['sr', 'bs', 'cnr', 'sh']);

const romanisationsByLanguage: Readonly<Record<string, readonly Romanisation[]>> = {
  bg: [bulgarian, bulgarianLetterByLetter],
  ru: [russian],
  uk: [ukrainian],
  be: [belarusian],
  mk: [macedonian],
};

/**
 * The national romanisations of a lower-case Cyrillic name in its language (`bg`, `ru`, `uk`, `be`,
 * `mk`); none for Serbian-family languages, whose key is already their romanisation; the English-style
 * one when the language is absent or unknown.
 */
export function romaniseCyrillic(lower: string, language?: string): string[] {
  const base = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (serbianLatinLanguages.has(base)) return [];
  const schemes = romanisationsByLanguage[base] ?? [englishStyle];
  return schemes.map((scheme) => romanise(lower, scheme));
}

function isCyrillic(code: number): boolean {
  return code >= 0x400 && code <= 0x52f;
}

const cyrillicVowels = new Set([...'аеёиіоуыэюяєїў']);
const apostrophes = new Set(["'", '\u2019', '\u02bc']);

function romanise(lower: string, scheme: Romanisation): string {
  let latin = '';
  const length = lower.length;
  for (let i = 0; i < length; i++) {
    const char = lower[i] ?? '';
    const code = lower.charCodeAt(i);
    if (!isCyrillic(code)) {
      // Apostrophes inside a Cyrillic word only mark a separate sound; they are not written.
      const previous = lower.charCodeAt(i - 1);
      const next = lower.charCodeAt(i + 1);
      if (apostrophes.has(char) && isCyrillic(previous) && isCyrillic(next)) continue;
      latin += char;
      continue;
    }
    const previousChar = lower[i - 1] ?? ' ';
    const atWordStart = !isCyrillic(lower.charCodeAt(i - 1)) && !apostrophes.has(previousChar);
    const initial = scheme.initial?.[char];
    if (
      initial !== undefined &&
      (atWordStart ||
        (scheme.initialAfterVowel === true &&
          (cyrillicVowels.has(previousChar) || previousChar === 'ь' || apostrophes.has(previousChar))))
    ) {
      latin += initial;
    } else if (
      scheme.finalIya === true &&
      char === 'и' &&
      lower[i + 1] === 'я' &&
      !isCyrillic(lower.charCodeAt(i + 2))
    ) {
      latin += 'ia';
      i++;
    } else if (scheme.zgh === true && char === 'з' && lower[i + 1] === 'г') {
      latin += 'zgh';
      i++;
    } else {
      latin += scheme.letters[char] ?? cyrillicKeyLetters[char] ?? char;
    }
  }
  return latin;
}

const greekLetters: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  ϲ: 's',
  ϳ: 'j',
};

/** Whether a code point is in the Greek or Greek Extended block. */
export function isGreek(code: number): boolean {
  return (code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff);
}

/** The unaccented lower-case letter of each Greek code point, and whether it carries a diaeresis. */
const greekBases = new Map<number, { base: string; diaeresis: boolean }>();
for (const [from, to] of [
  [0x370, 0x3ff],
  [0x1f00, 0x1fff],
] as const) {
  for (let code = from; code <= to; code++) {
    const decomposed = String.fromCharCode(code).normalize('NFD').toLowerCase();
    greekBases.set(code, { base: decomposed[0] ?? '', diaeresis: decomposed.includes('\u0308') });
  }
}

/** Letters after which the `υ` of `αυ`, `ευ`, `ηυ` is voiced (`v`); before the others it is `f`. */
const voicedAfterUpsilon = new Set([...'αεηιοωυβγδζλμνρ']);

/**
 * Greek in Latin by ELOT 743 (the simple transcription of Greek passports and road signs): `αυ` → `av`
 * or `af`, `ου` → `ou`, `γγ` → `ng`, `γκ` → `gk`, `γξ` → `nx`, `γχ` → `nch`, initial `μπ` → `b`.
 * Every Greek character is replaced (punctuation by a space); other characters pass through.
 */
export function romaniseGreek(lower: string): string {
  let latin = '';
  const length = lower.length;
  for (let i = 0; i < length; i++) {
    const code = lower.charCodeAt(i);
    const current = greekBases.get(code);
    if (current === undefined) {
      latin += lower[i];
      continue;
    }
    const next = greekBases.get(lower.charCodeAt(i + 1));
    const pair = current.base + (next?.base ?? '');
    if (next !== undefined && !next.diaeresis && (pair === 'αυ' || pair === 'ευ' || pair === 'ηυ')) {
      const after = greekBases.get(lower.charCodeAt(i + 2))?.base ?? '';
      latin += (greekLetters[current.base] ?? '') + (voicedAfterUpsilon.has(after) ? 'v' : 'f');
      i++;
    } else if (next !== undefined && !next.diaeresis && pair === 'ου') {
      latin += 'ou';
      i++;
    } else if (pair === 'γγ' || pair === 'γξ' || pair === 'γχ') {
      latin += 'n' + (greekLetters[next?.base ?? ''] ?? '');
      i++;
    } else if (pair === 'μπ' && greekBases.get(lower.charCodeAt(i - 1)) === undefined) {
      latin += 'b';
      i++;
    } else {
      latin += greekLetters[current.base] ?? ' ';
    }
  }
  return latin;
}
