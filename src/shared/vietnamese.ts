// Vietnamese text: diacritic-insensitive search folding and the order of Vietnamese name lists.

/** lower-case, without diacritics (đ → d), single-spaced: the form names are searched in */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface VietnameseNameParts {
  family: string;
  middle: string;
  given: string;
}

/** "Nguyễn Thị Hương" → family Nguyễn, middle Thị, given Hương */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

/** Vietnamese alphabetical order (unit names, lists of words) */
export const vietnameseCollator = new Intl.Collator('vi');
const collator = vietnameseCollator;

/** Vietnamese lists order people by given name, then by the whole name, in Vietnamese alphabetical order */
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(splitVietnameseName(a).given, splitVietnameseName(b).given) || collator.compare(a.normalize('NFC').trim(), b.normalize('NFC').trim());
}

// Vietnamese alphabet order (with f, j, w, z for foreign names); ă, â, đ, ê, ô, ơ, ư are letters of their own
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_CODE = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]));
// tone marks in the order of the Vietnamese collation: none, huyền, hỏi, ngã, sắc, nặng
const TONE_CODE = new Map([['\u0300', '1'], ['\u0309', '2'], ['\u0303', '3'], ['\u0301', '4'], ['\u0323', '5']]);
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031B': 'horn' };
const WITH_MARK: Record<string, string> = { 'a breve': 'ă', 'a circumflex': 'â', 'e circumflex': 'ê', 'o circumflex': 'ô', 'o horn': 'ơ', 'u horn': 'ư' };

interface Weights {
  primary: string;
  secondary: string;
  tertiary: string;
}

/** the three levels of collation weights of a text, each an ASCII string that sorts byte-wise */
function weightsOf(text: string): Weights {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  const clusters = text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  for (const cluster of clusters) {
    const base = cluster[0];
    const lower = base.toLowerCase();
    let letter = lower;
    let tone = '0';
    for (const mark of cluster.slice(1)) {
      const letterMark = LETTER_MARKS[mark];
      if (letterMark && WITH_MARK[`${letter} ${letterMark}`]) letter = WITH_MARK[`${letter} ${letterMark}`];
      else if (TONE_CODE.has(mark)) tone = TONE_CODE.get(mark)!;
    }
    if (/\s/.test(base)) primary += '#';
    else if (/[0-9]/.test(base)) primary += base;
    else if (LETTER_CODE.has(letter)) {
      primary += LETTER_CODE.get(letter);
      secondary += tone;
      tertiary += lower === base ? '0' : '1';
    } else primary += '$';
  }
  return { primary, secondary, tertiary };
}

/** an ASCII key whose byte order is the order of compareVietnameseNames (stored in a binary-collated column) */
export function vietnameseNameSortKey(fullName: string): string {
  const name = fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  const given = weightsOf(splitVietnameseName(name).given);
  const whole = weightsOf(name);
  return [given.primary, given.secondary, given.tertiary, whole.primary, whole.secondary, whole.tertiary].join(' ');
}

/** the words of a query, folded: "Nguyễn  Thị" → ["nguyen", "thi"] */
export const searchWords = (text: string | undefined | null): string[] => foldForSearch(text ?? '').split(' ').filter(Boolean);

/**
 * the words typed before the last are whole words of the name, the last starts one ("nguyen thi huo" finds
 * Nguyễn Thị Hương; "huong" never finds Phương); the SQL twin is db/search.ts
 */
export function nameMatchesWords(name: string, words: readonly string[]): boolean {
  if (!words.length) return true;
  const nameWords = foldForSearch(name).split(' ');
  const last = words[words.length - 1];
  return words.slice(0, -1).every((w) => nameWords.includes(w)) && nameWords.some((n) => n.startsWith(last));
}
