/**
 * Transliteration-aware name keys for Arabic, Pashto, Urdu and Persian names written in Latin
 * script. Spellings of one name ("Tehreek-e-Taliban" / "Tehrik-i-Taliban", "Muhajir" / "Mohajir",
 * "Lashkar-e-Taiba" / "Lashkar-e-Tayyiba", "al-Qaida" / "Al Qaeda") share a key; different names
 * ("Hafiz Saeed" / "Hafiz Gul Bahadur", "Taliban" / "Tehreek-e-Taliban Pakistan") do not.
 */
import { memoize } from '../../core/index.js';
import { foldWord, wordsOf, type Word } from './words.js';

/** Arabic articles and Urdu/Persian izafat connectors, and English/Romance function words inside names. */
const FILLER_WORDS = new Set([
  'al',
  'el',
  'ul',
  'ud',
  'ur',
  'e',
  'i',
  's',
  'the',
  'of',
  'and',
  'in',
  'for',
  'wal',
  'wa',
  'de',
  'la',
  'le',
  'du',
  'des',
  'del',
  'y',
  'da',
  'do',
  'dos',
  'das',
]);

/** Articles that count as fillers only when hyphen-attached ("as-Sham", "ad-Din", "ash-Shabab"). */
const ATTACHED_ARTICLES = new Set([
  'as',
  'ad',
  'ash',
  'at',
  'az',
  'an',
  'ar',
  'ut',
  'us',
  'ud',
  'ul',
  'ur',
  'al',
  'el',
]);

/** True when `word` (followed in its text by `next`) adds nothing to a name's identity. */
export function isFillerWord(raw: string, next = ''): boolean {
  return fillerBefore(wordKey(raw), next.charCodeAt(0));
}

/** True when a word of this key adds nothing to a name where the character `nextCode` follows it. */
export function fillerBefore(key: WordKey, nextCode: number): boolean {
  return key.filler === FILLER || (key.filler === FILLER_IF_ATTACHED && isHyphen(nextCode));
}

/** `WordKey.filler`: never a filler, always one, or one only when a hyphen follows ("as-Sham"). */
const NOT_FILLER = 0,
  FILLER = 1,
  FILLER_IF_ATTACHED = 2;

/** What name matching needs of one spelling of a word. */
export interface WordKey {
  /** See wordSkeleton. */
  readonly skeleton: string;
  /** NOT_FILLER, FILLER or FILLER_IF_ATTACHED. */
  readonly filler: number;
}

/**
 * The skeleton and filler kind of a raw word, computed once per distinct spelling: a matcher that
 * walks every word of a text then makes one map look-up per word instead of one per question.
 */
export const wordKey: (raw: string) => WordKey = memoize((raw) => {
  const w = foldWord(raw);
  const filler = FILLER_WORDS.has(w) ? FILLER : ATTACHED_ARTICLES.has(w) ? FILLER_IF_ATTACHED : NOT_FILLER;
  return { skeleton: wordSkeleton(raw), filler };
}, 100_000);

/** A hyphen that attaches an article to its word: "-", "‐" or "‑" (NaN, past the text's end, is none). */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

const VOWEL = /[aeiou*]/;

/** Consonant digraphs that transliterate one letter; folded before vowels are collapsed. */
function foldDigraphs(w: string): string {
  return w
    .replace(/sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/[tdkgpz]h(?=.)/g, (m) => m.charAt(0))
    .replace(/[kg]h$/, (m) => m.charAt(0))
    .replace(/ph/g, 'f')
    .replace(/ck|q|c/g, 'k')
    .replace(/v/g, 'w')
    .replace(/dj/g, 'j');
}

/** Collapses vowels (and y/w after a vowel) into one placeholder and doubled consonants into one. */
function collapseVowels(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charAt(i);
    const prevVowel = out.endsWith('*');
    const isVowel =
      VOWEL.test(c) || ((c === 'y' || c === 'w') && prevVowel) || (c === 'y' && i === w.length - 1);
    if (isVowel) {
      if (!prevVowel) out += '*';
    } else if (!out.endsWith(c)) out += c;
  }
  // A final h after a vowel is silent in transliteration: "Sanaullah" / "Sanaulla", "Hamzah" / "Hamza".
  return out.length > 2 ? out.replace(/\*h$/, '*') : out;
}

/** The key of one word: digraphs folded, vowels collapsed ("Tehreek" and "Tahrik" → "t*hr*k"). */
export const wordSkeleton: (raw: string) => string = memoize((raw) => skeletonOf(raw), 100_000);

function skeletonOf(raw: string): string {
  const w = foldWord(raw);
  if (/^\p{N}+$/u.test(w)) return w;
  return collapseVowels(foldDigraphs(w));
}

/** The content words of a name, fillers dropped. */
export function contentWords(name: string): Word[] {
  const words = wordsOf(name);
  return words.filter((w) => !isFillerWord(w.raw, name.slice(w.end)));
}

/** The transliteration-aware key of a whole name: the content words' keys joined by spaces. */
export function nameSkeleton(name: string): string {
  return contentWords(name)
    .map((w) => wordSkeleton(w.raw))
    .join(' ');
}

/** True when two names are spellings of one name (same skeleton, non-empty). */
export function sameName(a: string, b: string): boolean {
  const ka = nameSkeleton(a);
  return ka !== '' && ka === nameSkeleton(b);
}
