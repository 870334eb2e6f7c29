/** Honorifics, ranks and offices written before names ("Mr Ghafari", "Mullah Omar", "Maj. Gen. Rasool"). */
import { foldWord, wordsOf } from './words.js';

/** Single words that are titles or ranks when they precede a name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'gen',
  'general',
  'lt',
  'lieutenant',
  'col',
  'colonel',
  'maj',
  'major',
  'capt',
  'captain',
  'brig',
  'brigadier',
  'sgt',
  'sergeant',
  'cpl',
  'corporal',
  'pvt',
  'private',
  'adm',
  'admiral',
  'cmdr',
  'commander',
  'marshal',
  'field',
  'president',
  'vice',
  'prime',
  'minister',
  'gov',
  'governor',
  'sen',
  'senator',
  'rep',
  'representative',
  'judge',
  'justice',
  'chief',
  'deputy',
  'inspector',
  'superintendent',
  'commissioner',
  'assistant',
  'officer',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'mayor',
  'sheikh',
  'shaikh',
  'shaykh',
  'mullah',
  'mulla',
  'maulana',
  'maulvi',
  'mawlawi',
  'mawlavi',
  'mufti',
  'hafiz',
  'qari',
  'haji',
  'hajji',
  'imam',
  'ayatollah',
  'emir',
  'amir',
  'pastor',
  'father',
  'bishop',
  'rev',
  'reverend',
  'king',
  'queen',
  'prince',
  'princess',
  'senior',
  'director',
  'secretary',
  'ambassador',
  'police',
  'district',
  'health',
  'provincial',
  'interior',
  'defence',
  'defense',
  'foreign',
  'home',
  'army',
  'sgt',
  'st',
  'jr',
  'sr',
  'prophet',
  'saint',
]);

/** Titles that are also common parts of South Asian and Arabic given names, kept when they are the whole name. */
const NAME_LIKE_TITLES = new Set(['hafiz', 'sheikh', 'shaikh', 'haji', 'qari', 'mufti', 'amir', 'emir']);

/** True when the word is a title or rank. */
export function isTitleWord(raw: string): boolean {
  return TITLE_WORDS.has(foldWord(raw).replace(/\.$/, ''));
}

/** True when every word of the phrase is a title or rank ("Deputy Superintendent of Police", "Maj. Gen."). */
export function isTitleOnly(phrase: string): boolean {
  const words = wordsOf(phrase).filter((w) => !['of', 'the', 'and', 'for'].includes(foldWord(w.raw)));
  return words.length > 0 && words.every((w) => isTitleWord(w.raw));
}

/** How many leading characters of `name` are titles ("Mr Ghafari" → 3); the rest is the name proper. */
export function titlePrefixLength(name: string): number {
  const words = wordsOf(name);
  let end = 0;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    if (!w || !isTitleWord(w.raw)) break;
    const next = words[i + 1];
    if (!next) break;
    end = next.start;
  }
  return end;
}

/** The name without its leading titles ("Maj. Gen. Yehia Rasool" → "Yehia Rasool"). */
export function stripTitles(name: string): string {
  return name.slice(titlePrefixLength(name));
}

/** True when a title word may also be a given name ("Hafiz Saeed" keeps "Hafiz" for identity). */
export function isNameLikeTitle(raw: string): boolean {
  return NAME_LIKE_TITLES.has(foldWord(raw));
}
