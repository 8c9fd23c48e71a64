/** Serbian Cyrillic to Latin (Gaj's alphabet): one letter to one letter or digraph, without loss. */
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
};

/** Writes Serbian Cyrillic text in Latin letters; other characters stay as they are. */
export function serbianToLatin(text: string): string {
  let result = '';
  const characters = [...text];
  characters.forEach((character, index) => {
    const lower = character.toLowerCase();
    const latin = cyrillicToLatin[lower];
    if (latin === undefined) {
      result += character;
    } else if (character === lower) {
      result += latin;
    } else {
      // Љ before a capital (ЉУБЉАНА) is LJ; before a small letter or alone (Љубљана) it is Lj.
      const next = characters[index + 1];
      const isAllCaps = next !== undefined && next !== next.toLowerCase();
      result += isAllCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  });
  return result;
}
