/**
 * Per-word partial scores for sparse Int16 weights. The templates in WORD_TEMPLATES depend on the
 * word alone, so their 16 label weights sum to the same integers at every occurrence of a word:
 * summed once per distinct word and kept here, they cost the scoring loop one cached 64-byte read
 * per token instead of thirteen row fetches from a table larger than the caches. Integer sums
 * are exact in any order, so scores are unchanged.
 */
import { NUM_TEMPLATES, WORD_TEMPLATES } from './features.js';
import { NUM_LABELS } from './labels.js';
import { sparseRow, type LinearWeights } from './perceptron.js';

/** Labels a row holds (O-free). */
const STRIDE = NUM_LABELS - 1;
/** Words kept before the cache starts afresh (checked between documents, never within one). */
const MAX_WORDS = 50_000;

/** 1 for the templates in WORD_TEMPLATES. */
export const IS_WORD_TEMPLATE = new Uint8Array(NUM_TEMPLATES);
for (const t of WORD_TEMPLATES) IS_WORD_TEMPLATE[t] = 1;

/** The per-word sums of one set of sparse weights. */
export class WordPartials {
  private readonly slots = new Map<object, number>();
  /** Partial sums, STRIDE per word; slot k starts at k * STRIDE. */
  pool = new Int32Array(STRIDE * 4096);
  private used = 0;

  constructor(private readonly m: LinearWeights) {
    if (!m.index || !(m.weights instanceof Int16Array) || !m.oFree)
      throw new Error('WordPartials needs sparse O-free Int16 weights');
  }

  /** Call before each document: starts afresh when full, so no slot changes while one is scored. */
  startDocument(): void {
    if (this.slots.size < MAX_WORDS) return;
    this.slots.clear();
    this.used = 0;
  }

  /**
   * Offset into `pool` of the partial of token `i`, whose word key is `key`; computed from the
   * token's feature hashes (not yet converted to rows) when the word is new.
   */
  offsetOf(key: object, feats: Uint32Array, i: number): number {
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    const at = this.used * STRIDE;
    if (at + STRIDE > this.pool.length) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    const { index, weights: w, mask } = this.m;
    const pool = this.pool.fill(0, at, at + STRIDE); // a slot used before the last fresh start
    for (const t of WORD_TEMPLATES) {
      const r = sparseRow(index!, feats[i * NUM_TEMPLATES + t]! & mask) * STRIDE;
      for (let y = 0; y < STRIDE; y++) pool[at + y]! += w[r + y]!;
    }
    this.used++;
    this.slots.set(key, at);
    return at;
  }
}
