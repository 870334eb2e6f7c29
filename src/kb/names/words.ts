/** Splits names and texts into words: maximal runs of letters, marks and digits, with their offsets. */
import { memoize } from '../../core/index.js';

/** A word of a text: a run of letters, marks and digits (inner apostrophes kept). `text.slice(start, end) === raw`. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
}

// Inner apostrophes join ("Jama'at", "Kata'ib"), except the possessive "'s", which is a word of its own.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’ʼ](?![sS](?![\p{L}\p{M}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;

/** Every word of `text`, in order. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  return out;
}

/** Accents and case folded, apostrophes and ayn/hamza marks removed: "Jama'at" → "jamaat". */
export const foldWord: (raw: string) => string = memoize((raw) => fold(raw), 100_000);

function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`‘ʼʿʾ]/g, '');
}

/** True when the word begins with an upper-case letter or a digit. */
export function isCapitalized(raw: string): boolean {
  const c = raw.charAt(0);
  return c !== c.toLowerCase() || /\p{N}/u.test(c);
}
