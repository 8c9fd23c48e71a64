/**
 * Light stemming of inflected place names in search keys: South Slavic (hr, sr, bs, cnr, sl, mk) and
 * Russian case endings turned back into likely nominatives (`becu` → `bec`, `sofiji` → `sofija`,
 * `novom sadu` → `novi sad`). The candidates are probed exactly against stored keys, so a wrong guess
 * only costs a lookup; rules are kept narrow enough not to turn nominatives into other common words.
 */

/** The gender (or plural) of a base form, so that an adjective and its noun agree: novi sad, nova gorica. */
type Gender = 'm' | 'f' | 'n' | 'p';

/** A likely nominative of a word. */
export interface BaseForm {
  form: string;
  gender: Gender;
}

/** A case ending and the nominative endings that may replace it, most likely first. */
interface EndingRule {
  ending: string;
  replacements: readonly (readonly [string, Gender])[];
}

/**
 * Noun endings, longer ones first. `''` restores a bare masculine stem (with its fleeting vowel, if any),
 * `o` a neuter one (`e` after soft consonants), `a` after `-i` a feminine one with its velar restored.
 */
const nounRules: readonly EndingRule[] = [
  { ending: 'ijom', replacements: [['ija', 'f']] },
  { ending: 'iji', replacements: [['ija', 'f']] },
  { ending: 'ije', replacements: [['ija', 'f']] },
  { ending: 'iju', replacements: [['ija', 'f']] },
  // Russian София: Софии, Софией (and how English speakers write the nominative).
  {
    ending: 'ii',
    replacements: [
      ['ija', 'f'],
      ['iya', 'f'],
      ['ia', 'f'],
    ],
  },
  {
    ending: 'iej',
    replacements: [
      ['ija', 'f'],
      ['iya', 'f'],
      ['ia', 'f'],
    ],
  },
  // Plural place names: u Vinkovcima → Vinkovci.
  { ending: 'ima', replacements: [['i', 'p']] },
  {
    ending: 'om',
    replacements: [
      ['', 'm'],
      ['a', 'f'],
      ['o', 'n'],
    ],
  },
  {
    ending: 'em',
    replacements: [
      ['', 'm'],
      ['o', 'n'],
    ],
  },
  { ending: 'oj', replacements: [['a', 'f']] },
  {
    ending: 'u',
    replacements: [
      ['', 'm'],
      ['o', 'n'],
      ['a', 'f'],
    ],
  },
  {
    ending: 'a',
    replacements: [
      ['', 'm'],
      ['o', 'n'],
    ],
  },
  {
    ending: 'e',
    replacements: [
      ['a', 'f'],
      ['', 'm'],
    ],
  },
  { ending: 'i', replacements: [['a', 'f']] },
  { ending: 'y', replacements: [['a', 'f']] },
];

/** Adjective endings (novom, novog, staroj, slavonskim) towards their masculine, neuter, feminine forms. */
const adjectiveRules: readonly EndingRule[] = [
  ...['omu', 'oga', 'ega', 'og'].map((ending): EndingRule => ({
    ending,
    replacements: [
      ['i', 'm'],
      ['o', 'n'],
    ],
  })),
  {
    ending: 'emu',
    replacements: [
      ['i', 'm'],
      ['e', 'n'],
    ],
  },
  {
    ending: 'om',
    replacements: [
      ['i', 'm'],
      ['o', 'n'],
      ['a', 'f'],
    ],
  },
  // Slovene: v Novem mestu.
  {
    ending: 'em',
    replacements: [
      ['o', 'n'],
      ['i', 'm'],
      ['e', 'n'],
    ],
  },
  { ending: 'im', replacements: [['i', 'm']] },
  ...['oj', 'ej', 'e', 'u'].map((ending): EndingRule => ({ ending, replacements: [['a', 'f']] })),
];

const vowels = new Set([...'aeiouy']);

/** Stem endings after which a neuter noun ends in `-e` rather than `-o` (Celje, Polje, Skoplje). */
function isSoftStem(stem: string): boolean {
  return /(?:j|c|s|z)$/.test(stem);
}

/** Stems that are not masculine nouns: Sofij-, Podgoric-, Zagorsk-, or ending in a vowel. */
function isUnlikelyMasculine(stem: string): boolean {
  return /(?:ij|ic|sk|ck|[aeiouy])$/.test(stem);
}

/** Stems whose neuter genitive is in `-a`: Sarajeva, Kraljeva, Mesta, Polja, Sela. */
function mayBeNeuterStem(stem: string): boolean {
  return /(?:v|j|st|l)$/.test(stem);
}

/** Masculine stems that lose a vowel when inflected: Sisak → Siska, Zadar → Zadra, Gradec → Gradca. */
function withFleetingVowel(stem: string): string[] {
  const last = stem.at(-1) ?? '';
  const beforeLast = stem.at(-2) ?? '';
  if (!'kcrlng'.includes(last) || beforeLast === '' || vowels.has(beforeLast) || last === beforeLast)
    return [];
  if (/(?:lj|nj|dj|st)$/.test(stem)) return [];
  const head = stem.slice(0, -1);
  return [`${head}a${last}`, `${head}e${last}`];
}

/** Feminine nouns in -ka, -ga, -ha soften before -i: Rijeka → Rijeci, Volga → Volzi. */
function feminineFromLocative(stem: string, word: string): string[] {
  const last = stem.at(-1);
  const head = stem.slice(0, -1);
  if (last === 'c') return word.endsWith('ici') ? [`${stem}a`, `${head}ka`] : [`${head}ka`, `${stem}a`];
  if (last === 'z') return [`${head}ga`, `${stem}a`];
  if (last === 's') return [`${head}ha`, `${stem}a`];
  return [`${stem}a`];
}

function applyNounRule(rule: EndingRule, stem: string, word: string): BaseForm[] {
  // A word in -ija or -ica is a nominative (Sofija, Podgorica), not a genitive.
  if (rule.ending === 'a' && /(?:ij|ic)$/.test(stem)) return [];
  const forms: BaseForm[] = [];
  for (const [replacement, gender] of rule.replacements) {
    if (replacement === '') {
      if (!isUnlikelyMasculine(stem)) forms.push({ form: stem, gender });
      forms.push(...withFleetingVowel(stem).map((form) => ({ form, gender })));
    } else if (replacement === 'o') {
      if (rule.ending === 'a' && !mayBeNeuterStem(stem)) continue;
      forms.push({ form: stem + (isSoftStem(stem) ? 'e' : 'o'), gender });
    } else if (rule.ending === 'i' && replacement === 'a') {
      forms.push(...feminineFromLocative(stem, word).map((form) => ({ form, gender })));
    } else {
      forms.push({ form: stem + replacement, gender });
    }
  }
  return forms;
}

function matchingRules(word: string, rules: readonly EndingRule[]): { rule: EndingRule; stem: string }[] {
  return rules
    .filter((rule) => word.endsWith(rule.ending) && word.length - rule.ending.length >= 2)
    .map((rule) => ({ rule, stem: word.slice(0, -rule.ending.length) }));
}

/**
 * How a word is read: a lone `noun`; a `modifier` before the last word, an adjective first (novom → novi,
 * novo, nova); the `head` word closing a longer name, a noun first but possibly an adjective (Herceg Novi).
 */
export type WordRole = 'noun' | 'modifier' | 'head';

/** Likely nominatives of one word of a key, most likely first; none when it shows no case ending. */
export function baseForms(word: string, role: WordRole = 'noun'): BaseForm[] {
  if (word.length < 3 || /[^a-z]/.test(word)) return [];
  const nounForms: BaseForm[] = [];
  for (const { rule, stem } of matchingRules(word, nounRules)) {
    // Soft-stem neuters (Celje, Skopje) are already nominatives.
    if (rule.ending === 'e' && stem.endsWith('j')) continue;
    // A leading word in -a or -i is a nominative adjective or noun (Stara Zagora, Novi Sad).
    if (role === 'modifier' && (rule.ending === 'a' || rule.ending === 'i')) continue;
    nounForms.push(...applyNounRule(rule, stem, word));
  }
  const adjectiveForms: BaseForm[] =
    role === 'noun'
      ? []
      : matchingRules(word, adjectiveRules).flatMap(({ rule, stem }) =>
          rule.replacements.map(([replacement, gender]) => ({ form: stem + replacement, gender })),
        );
  const seen = new Set<string>([word]);
  const ordered = role === 'modifier' ? [...adjectiveForms, ...nounForms] : [...nounForms, ...adjectiveForms];
  return ordered.filter((base) => {
    if (base.form.length < 2 || seen.has(base.form)) return false;
    seen.add(base.form);
    return true;
  });
}

/** The gender a word typed as a nominative adjective shows: stara, novi, novo. */
function nominativeGender(word: string): Gender | undefined {
  if (word.length < 3) return undefined;
  const last = word.at(-1);
  if (last === 'a') return 'f';
  if (last === 'i') return 'm';
  if (last === 'o' || last === 'e') return 'n';
  return undefined;
}

const maximumStems = 8;
const maximumFormsPerWord = 4;
/** How many words at the end of a query are stemmed; earlier ones are kept as typed. */
const maximumStemmedWords = 3;

interface Combination {
  words: string[];
  rank: number;
  /** The gender the words so far agree on; undefined while none has shown one. */
  gender: Gender | undefined;
}

/**
 * Likely nominative forms of a whole query (its tokens already keys): its last words replaced by base
 * forms that agree in gender (novom sadu → novi sad, not nova sad), ranked by how likely each replacement
 * is, the query itself excluded.
 */
export function stemCandidates(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return [];
  const query = tokens.join(' ');
  const firstStemmed = Math.max(0, tokens.length - maximumStemmedWords);
  let combinations: Combination[] = [{ words: [], rank: 0, gender: undefined }];
  tokens.forEach((token, index) => {
    const isLast = index === tokens.length - 1;
    const role: WordRole = !isLast ? 'modifier' : tokens.length > 1 ? 'head' : 'noun';
    const forms = index < firstStemmed ? [] : baseForms(token, role).slice(0, maximumFormsPerWord);
    // The word as typed is the only option of a word without a case ending, and the least likely one
    // of a word with one. Typed before the last word, it may show the gender the others must agree with.
    const keptRank = forms.length === 0 ? 0 : maximumFormsPerWord;
    const keptGender = isLast ? undefined : nominativeGender(token);
    combinations = combinations.flatMap((combination) => [
      ...forms
        .filter((base) => combination.gender === undefined || combination.gender === base.gender)
        .map((base) => ({
          words: [...combination.words, base.form],
          rank: combination.rank + forms.indexOf(base) + 1,
          gender: base.gender,
        })),
      ...(keptGender !== undefined && combination.gender !== undefined && combination.gender !== keptGender
        ? []
        : [
            {
              words: [...combination.words, token],
              rank: combination.rank + keptRank,
              gender: combination.gender ?? keptGender,
            },
          ]),
    ]);
  });
  const stems = combinations
    .map((combination) => ({ key: combination.words.join(' '), rank: combination.rank }))
    .filter((candidate) => candidate.key !== query)
    .sort((a, b) => a.rank - b.rank)
    .map((candidate) => candidate.key);
  return [...new Set(stems)].slice(0, maximumStems);
}
