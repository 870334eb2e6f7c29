/**
 * Document-level consistency, a second pass over a document's decoded spans: a name tagged once
 * is tagged the same elsewhere in the document. Untagged repeats of a tagged name, and a surname
 * or given name alone after a full person name ("Ghafari" after "Sanaullah Ghafari"), get the
 * name's type, as long as they are capitalised and not a common word opening a sentence.
 */
import type { TokenSpan } from './labels.js';

/** What the pass needs to know about each token. */
export interface ConsistencyInput {
  readonly words: readonly string[];
  /** True where a token may start a name (capitalised, and not a common word at a sentence start). */
  readonly nameLike: (i: number) => boolean;
  /** Sentence `[first, end)` ranges; propagated names do not cross them. */
  readonly sentences: readonly (readonly [number, number])[];
}

/** Returns the spans plus propagated repeats, sorted by start. */
export function propagateNames(spans: readonly TokenSpan[], input: ConsistencyInput): TokenSpan[] {
  const known = new Map<string, number>();
  for (const s of spans) {
    const key = input.words.slice(s.start, s.end).join(' ');
    if (!known.has(key)) known.set(key, s.type);
    if (s.type === 0 && s.end - s.start >= 2) {
      // a person's surname or given name alone refers back to the person
      for (const part of [input.words[s.end - 1], input.words[s.start]])
        if (part && !known.has(part)) known.set(part, 0);
    }
  }
  const covered = new Uint8Array(input.words.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const added: TokenSpan[] = [];
  for (const [a, b] of input.sentences) {
    for (let i = a; i < b; i++) {
      if (covered[i] || !input.nameLike(i)) continue;
      const m = longestKnown(input.words, known, covered, i, b);
      if (m) {
        added.push(m);
        i = m.end - 1;
      }
    }
  }
  return [...spans, ...added].sort((x, y) => x.start - y.start);
}

function longestKnown(
  words: readonly string[],
  known: Map<string, number>,
  covered: Uint8Array,
  i: number,
  b: number,
): TokenSpan | null {
  let best: TokenSpan | null = null;
  let key = '';
  for (let j = i; j < b && j - i < 6 && !covered[j]; j++) {
    key = j === i ? (words[i] ?? '') : `${key} ${words[j] ?? ''}`;
    const type = known.get(key);
    if (type !== undefined) best = { start: i, end: j + 1, type };
  }
  // a repeat must end where the name ends: "Ghafari" inside "Ghafari Street" is not a repeat
  return best;
}
