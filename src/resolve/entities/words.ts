/**
 * `wordsOf` for candidate surfaces, memoised: the resolver splits the same few dozen surfaces
 * again and again (trimming, noise filters, surname keys, and the pairwise surname-variant check),
 * and a regex split costs far more than a map lookup. The words are shared, so callers must not
 * change the array (it is typed readonly).
 */
import { memoize } from '../../core/index.js';
import { wordsOf, type Word } from '../../kb/names/index.js';

/** The words of a surface (see `wordsOf`), from the memo when seen before (surfaces recur within a document). */
export const surfaceWords: (surface: string) => readonly Word[] = memoize(
  (surface) => wordsOf(surface),
  20_000,
);

/** The last document split by `documentWords`. */
let lastText: string | null = null;
let lastWords: readonly Word[] = [];

/**
 * The words of a whole document, kept for the next call with the same text: the actor matcher
 * and the surname scan both walk every word of it.
 */
export function documentWords(text: string): readonly Word[] {
  if (text !== lastText) {
    lastWords = wordsOf(text);
    lastText = text;
  }
  return lastWords;
}
