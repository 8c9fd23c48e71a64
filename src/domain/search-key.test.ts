import { describe, expect, it } from 'vitest';
import {
  analyseQuery,
  damerauLevenshtein,
  detectScript,
  editVariants,
  searchKeysFor,
  toSearchKey,
  toSlug,
} from './search-key.js';

describe('toSearchKey', () => {
  it.each([
    // one place, every way of writing it
    ['Ниш', 'nis'],
    ['Niš', 'nis'],
    ['Nis', 'nis'],
    ['NIŠ', 'nis'],
    ['Beč', 'bec'],
    ['Беч', 'bec'],
    ['Виена', 'viena'],
    ['Dunaj', 'dunaj'],
    ['Wien', 'wien'],
    ['Vienna', 'vienna'],
    ['Софија', 'sofija'],
    ['София', 'sofija'],
    ['Стара Загора', 'stara zagora'],
    ['Kraków', 'krakow'],
    ['Krakov', 'krakov'],
    ['Краков', 'krakov'],
    ['Pécs', 'pecs'],
    ['Pečuh', 'pecuh'],
    ['Солун', 'solun'],
    ['Đakovo', 'djakovo'],
    ['Ђурђевдан', 'djurdjevdan'],
    ['Ćuprija', 'cuprija'],
    ['Џеп', 'dzep'],
    ['Москва', 'moskva'],
    ['Київ', 'kijiv'],
    ['Щастя', 'stastja'],
    ['Крым', 'krim'],
    ['Ѓорче Петров', 'gjorce petrov'],
    ['Ќафа', 'kjafa'],
    ['Ѕвезда', 'dzvezda'],
    ["Мар'їнка", 'marjinka'],
    // letters that decomposition does not fold
    ['Straße', 'strasse'],
    ['Tromsø', 'tromso'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Łódź', 'lodz'],
    ['Þingvellir', 'thingvellir'],
    ['İstanbul', 'istanbul'],
    ['Bakı', 'baki'],
    ['Gəncə', 'gence'],
    ['Col·legi', 'collegi'],
    // compatibility forms
    ['ﬁnance', 'finance'],
    ['Ⅻ', 'xii'],
    ['ＺＡＧＲＥＢ', 'zagreb'],
    // Romanian, Hungarian, Albanian, Turkish diacritics
    ['Timișoara', 'timisoara'],
    ['Târgu Mureș', 'targu mures'],
    ['Székesfehérvár', 'szekesfehervar'],
    ['Győr', 'gyor'],
    ['Gjirokastër', 'gjirokaster'],
    ['Çanakkale', 'canakkale'],
    // punctuation, hyphens and spacing
    ['Cities@Heart', 'cities heart'],
    ['Krapinsko-zagorska', 'krapinsko zagorska'],
    ['  Grad   Zagreb  ', 'grad zagreb'],
    ['Sankt-Peterburg', 'sankt peterburg'],
    ['“Europe” (2020)', 'europe 2020'],
    ['x\u00ADy', 'xy'],
    ['-- / --', ''],
    ['', ''],
  ])('keys %j as %j', (name, key) => {
    expect(toSearchKey(name)).toBe(key);
  });

  it.each([
    ['Θεσσαλονίκη', 'thessaloniki'],
    ['ΘΕΣΣΑΛΟΝΊΚΗ', 'thessaloniki'],
    ['Αθήνα', 'athina'],
    ['Πάτρα', 'patra'],
    ['Ηράκλειο', 'irakleio'],
    ['Ευρώπη', 'evropi'],
    ['Αυστρία', 'afstria'],
    ['Κουφονήσια', 'koufonisia'],
    ['Άγγελος', 'angelos'],
    ['Μπανιά', 'bania'],
    ['Ταΰγετος', 'taygetos'],
  ])('transliterates Greek %j by ELOT 743 as %j', (name, key) => {
    expect(toSearchKey(name)).toBe(key);
  });

  it('meets the Latin spelling of a Greek name', () => {
    expect(toSearchKey('Θεσσαλονίκη')).toBe(toSearchKey('Thessaloniki'));
  });

  it('handles names mixing scripts', () => {
    expect(toSearchKey('Grad Ниш - Θεσσαλονίκη')).toBe('grad nis thessaloniki');
    expect(toSearchKey('EUROCITIES Београд')).toBe('eurocities beograd');
  });

  it('keeps letters of scripts it does not transliterate, so such names still have a key', () => {
    expect(toSearchKey('北京 Beijing')).toBe('北京 beijing');
  });

  it('makes keys of lower-case ASCII letters, digits and single spaces from European text', () => {
    const text = 'Općina Čačak – Ђурђевдан, Σπάρτη; Łódź & Ærø: Straße 12/ß Ñuñoa Øresund Œuvre Þór';
    expect(toSearchKey(text)).toMatch(/^[a-z0-9]+(?: [a-z0-9]+)*$/);
  });
});

describe('searchKeysFor', () => {
  it('indexes a Latin name under its key alone', () => {
    expect(searchKeysFor('Zagreb', 'hr')).toEqual(['zagreb']);
    expect(searchKeysFor('Kraków', 'pl')).toEqual(['krakow']);
  });

  it('adds the plain-d form of đ', () => {
    expect(searchKeysFor('Đakovo', 'hr')).toEqual(['djakovo', 'dakovo']);
    expect(searchKeysFor('Đurđevac')).toEqual(['djurdjevac', 'durdevac']);
    expect(searchKeysFor('Ђурђевдан', 'sr')).toEqual(['djurdjevdan', 'durdevdan']);
  });

  it.each([
    ['София', 'bg', ['sofija', 'sofia', 'sofiya']],
    ['Пловдив', 'bg', ['plovdiv']],
    ['Стара Загора', 'bg', ['stara zagora']],
    ['Велико Търново', 'bg', ['veliko tarnovo']],
    ['Шумен', 'bg', ['sumen', 'shumen']],
    ['Перущица', 'bg', ['perustica', 'perushtitsa']],
    ['Москва', 'ru', ['moskva']],
    ['Хабаровск', 'ru', ['habarovsk', 'khabarovsk']],
    ['Щёлково', 'ru', ['stelkovo', 'shchelkovo']],
    ['Нижний Новгород', 'ru', ['niznij novgorod', 'nizhniy novgorod']],
    ['Київ', 'uk', ['kijiv', 'kyiv']],
    ['Харків', 'uk', ['harkiv', 'kharkiv']],
    ['Запоріжжя', 'uk', ['zaporizzja', 'zaporizhzhia']],
    ['Єнакієве', 'uk', ['jenakijeve', 'yenakiieve']],
    ['Згурівка', 'uk', ['zgurivka', 'zghurivka']],
    ["Мар'їнка", 'uk', ['marjinka', 'marinka']],
    ['Мінск', 'be', ['minsk']],
    ['Гомель', 'be', ['gomel', 'homiel']],
    ['Віцебск', 'be', ['vicebsk', 'viciebsk']],
    ['Скопје', 'mk', ['skopje']],
    ['Штип', 'mk', ['stip', 'shtip']],
    ['Ѓорче Петров', 'mk', ['gjorce petrov', 'gjorche petrov']],
    ['Софија', 'sr', ['sofija']],
    ['Чачак', 'sr-Cyrl', ['cacak']],
    ['Никшић', 'cnr', ['niksic']],
  ])('indexes %j (%s) under %j', (name, language, keys) => {
    expect(searchKeysFor(name, language)).toEqual(keys);
  });

  it('adds the English-style key to a Cyrillic name of unknown language', () => {
    expect(searchKeysFor('София')).toEqual(['sofija', 'sofiya']);
    expect(searchKeysFor('Чачак', 'xx')).toEqual(['cacak', 'chachak']);
    expect(searchKeysFor('Щастя')).toEqual(['stastja', 'shchastya']);
  });

  it('lets Софија and София meet on sofija', () => {
    expect(searchKeysFor('Софија', 'mk')).toContain('sofija');
    expect(searchKeysFor('София', 'bg')).toContain('sofija');
  });

  it('gives no keys to a name without letters or digits', () => {
    expect(searchKeysFor('')).toEqual([]);
    expect(searchKeysFor(' – ', 'bg')).toEqual([]);
  });
});

describe('analyseQuery', () => {
  it.each([
    ['u Beču', 'becu', 'bec'],
    ['Sofiji', 'sofiji', 'sofija'],
    ['Zagrebu', 'zagrebu', 'zagreb'],
    ['Сарајеву', 'sarajevu', 'sarajevo'],
    ['Nišu', 'nisu', 'nis'],
    ['Нишу', 'nisu', 'nis'],
    ['Ljubljanom', 'ljubljanom', 'ljubljana'],
    ['u Novom Sadu', 'novom sadu', 'novi sad'],
    ['becom', 'becom', 'bec'],
    ['sofije', 'sofije', 'sofija'],
    ['zagreba', 'zagreba', 'zagreb'],
    ['u Krakovu', 'krakovu', 'krakov'],
    ['u Pragu', 'pragu', 'prag'],
    ['u Beogradu', 'beogradu', 'beograd'],
    ['u Rijeci', 'rijeci', 'rijeka'],
    ['u Podgorici', 'podgorici', 'podgorica'],
    ['u Atini', 'atini', 'atina'],
    ['в Софии', 'sofii', 'sofija'],
    ['Софии', 'sofii', 'sofiya'],
    ['u Osijeku', 'osijeku', 'osijek'],
    ['u Splitu', 'splitu', 'split'],
    ['v Celju', 'celju', 'celje'],
    ['v Kranju', 'kranju', 'kranj'],
    ['v Mariboru', 'mariboru', 'maribor'],
    ['v Ljubljani', 'ljubljani', 'ljubljana'],
    ['u Sisku', 'sisku', 'sisak'],
    ['v Kopru', 'kopru', 'koper'],
    ['u Staroj Zagori', 'staroj zagori', 'stara zagora'],
    ['u Banjoj Luci', 'banjoj luci', 'banja luka'],
    ['v Novem mestu', 'novem mestu', 'novo mesto'],
    ['u Herceg Novom', 'herceg novom', 'herceg novi'],
    ['в Москве', 'moskve', 'moskva'],
  ])('finds in %j (%j) the base form %j', (query, key, stem) => {
    const analysed = analyseQuery(query);
    expect(analysed.key).toBe(key);
    expect(analysed.stems).toContain(stem);
  });

  it('puts the most likely base form first', () => {
    expect(analyseQuery('u Beču').stems[0]).toBe('bec');
    expect(analyseQuery('Sofiji').stems[0]).toBe('sofija');
    expect(analyseQuery('u Novom Sadu').stems[0]).toBe('novi sad');
    expect(analyseQuery('u Staroj Zagori').stems[0]).toBe('stara zagora');
  });

  it('drops leading prepositions of any script, but never the whole query', () => {
    expect(analyseQuery('u Novom Sadu').tokens).toEqual(['novom', 'sadu']);
    expect(analyseQuery('във Варна').key).toBe('varna');
    expect(analyseQuery('од Ниша').key).toBe('nisa');
    expect(analyseQuery('към София').key).toBe('sofija');
    expect(analyseQuery('U').key).toBe('u');
  });

  it('leaves nominatives alone', () => {
    for (const query of [
      'Zagreb',
      'Sofija',
      'Sarajevo',
      'Celje',
      'Niš',
      'Beograd',
      'Stara Zagora',
      'Novi Sad',
    ]) {
      expect(analyseQuery(query).stems).toEqual([]);
    }
  });

  it('keeps the list of stems small, without the key or short words', () => {
    for (const query of [
      'u Novom Sadu',
      'v Novem mestu',
      'Ljubljanom',
      'u Banjoj Luci',
      'Софии',
      'ab',
      'oja',
    ]) {
      const { key, stems } = analyseQuery(query);
      expect(stems.length).toBeLessThanOrEqual(8);
      expect(stems).not.toContain(key);
      for (const stem of stems) expect(stem.replace(/ /g, '').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('analyses an empty query as empty', () => {
    expect(analyseQuery(' - ')).toEqual({ key: '', tokens: [], stems: [] });
  });
});

describe('editVariants', () => {
  it('reaches the right key from one typo', () => {
    expect(editVariants('zagerb')).toContain('zagreb');
    expect(editVariants('ljubjana')).toContain('ljubljana');
    expect(editVariants('beogard')).toContain('beograd');
    expect(editVariants('sarajeva')).toContain('sarajevo');
    expect(editVariants('osiijek')).toContain('osijek');
  });

  it('gives each variant once, all one edit away, never the key itself', () => {
    const variants = editVariants('zagerb');
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants).not.toContain('zagerb');
    for (const variant of variants) expect(damerauLevenshtein('zagerb', variant)).toBe(1);
  });

  it('gives none for keys shorter than 4 or longer than 20 characters', () => {
    expect(editVariants('nis')).toEqual([]);
    expect(editVariants('a'.repeat(21))).toEqual([]);
    expect(editVariants('nisa').length).toBeGreaterThan(0);
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['zagreb', 'zagreb', 0],
    ['zagerb', 'zagreb', 1],
    ['ljubjana', 'ljubljana', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3],
  ])('measures %j to %j as %i', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
  });

  it('stops at max and reports max + 1', () => {
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(damerauLevenshtein('abcdefgh', 'stuvwxyz', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
    expect(damerauLevenshtein('zagerb', 'zagreb', 1)).toBe(1);
  });
});

describe('detectScript and toSlug', () => {
  it('detects the dominant script', () => {
    expect(detectScript('Ниш')).toBe('Cyrl');
    expect(detectScript('Θεσσαλονίκη')).toBe('Grek');
    expect(detectScript('Niš')).toBe('Latn');
  });

  it('makes slugs from keys', () => {
    expect(toSlug('Cities@Heart')).toBe('cities-heart');
    expect(toSlug('Ниш')).toBe('nis');
    expect(toSlug('—')).toBe('item');
  });
});
