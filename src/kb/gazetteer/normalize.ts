/** Name normalisation shared by the gazetteer build and its look-ups. */

const MARKS_RE = /\p{M}+/gu;
const DROP_RE = /[.'’‘`ʼʻ]/g;
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;
const LEADING_THE_RE = /^the /;

/**
 * The look-up key of a place name: without diacritics, case, periods and apostrophes, other
 * punctuation as single spaces, and without a leading "the" ("the Sahel" → "sahel", "U.S." → "us").
 */
export function normalizeName(name: string): string {
  const folded = name.normalize('NFD').replace(MARKS_RE, '').toLowerCase().replace(DROP_RE, '');
  return folded.replace(SEPARATOR_RE, ' ').trim().replace(LEADING_THE_RE, '');
}
