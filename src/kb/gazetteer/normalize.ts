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

const ARTICLE_RE = /^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh) (?=\S)/;
const VOWELS_RE = /[aeiou]+/g;

/**
 * A key that one name shares with its other transliterations ("Menoufia" and "Monufia",
 * "Daqahliya" and "Dakahlia", "Shabwa" and "Shabwah", "Badgam" and "Budgam"): the normalised
 * name without a leading Arabic article, with h dropped, q and c read as k, ph as f, w and y
 * read as vowels after the first letter, every run of vowels one "v" and doubled letters single.
 * Null when fewer than two consonants are left: such keys match too many names.
 */
export function spellingKey(name: string): string | null {
  const n = normalizeName(name).replace(ARTICLE_RE, '');
  const words = n.split(' ').map((w) => {
    const head = w.charAt(0);
    const rest = w.slice(1).replace(/[wy]/g, 'a');
    return (head + rest)
      .replace(/ph/g, 'f')
      .replace(/h/g, '')
      .replace(/[qc]/g, 'k')
      .replace(/x/g, 'ks')
      .replace(VOWELS_RE, 'v')
      .replace(/(.)\1+/g, '$1');
  });
  const key = words.join(' ');
  return key.replace(/[v ]/g, '').length >= 2 ? key : null;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(
          (prev[j] ?? 0) + 1,
          (row[j - 1] ?? 0) + 1,
          (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    prev = row;
  }
  return prev[b.length] ?? 0;
}
