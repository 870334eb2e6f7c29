/** Scores a recogniser on CoNLL documents with conlleval semantics (exact span + type, micro-averaged). */
import {
  addCounts,
  newCounts,
  parseConll,
  scoreCounts,
  spansFromTags,
  type ConllDocument,
  type Prf,
} from './conll.js';
import { normalizeWord } from './features.js';
import { loadRecognizer } from './load.js';
import { LinearRecognizer } from './recognizer.js';
import type { TokenSpan } from './labels.js';

/** Evaluation result: overall and per-type P/R/F1 (percent), tokens and throughput. */
export interface NerScore {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly perType: Record<string, Prf>;
  readonly tokens: number;
  readonly tokensPerSecond: number;
}

/** Labels each document with `label` (gold tokenisation) and scores it against the gold tags. */
export function evaluateDocuments(
  docs: readonly ConllDocument[],
  label: (doc: ConllDocument) => readonly TokenSpan[],
): NerScore {
  const counts = newCounts();
  let tokens = 0;
  let elapsed = 0;
  for (const doc of docs) {
    const t0 = performance.now();
    const pred = label(doc);
    elapsed += performance.now() - t0;
    tokens += doc.words.length;
    const gold = doc.sentences.flatMap(([a, b]) => spansFromTags(doc.tags, a, b));
    addCounts(counts, pred, gold);
  }
  const { overall, perType } = scoreCounts(counts);
  return {
    p: overall.p,
    r: overall.r,
    f1: overall.f1,
    perType,
    tokens,
    tokensPerSecond: elapsed > 0 ? (tokens * 1000) / elapsed : 0,
  };
}

/** Scores the shipped recogniser on CoNLL text, using the gold tokenisation and documents. */
export function evaluateNerFile(
  conllText: string,
  options: { consistency?: boolean; modelDir?: string } = {},
): NerScore {
  const docs = parseConll(conllText).map((d) => ({ ...d, words: d.words.map(normalizeWord) }));
  const base = loadRecognizer(options.modelDir);
  const rec = new LinearRecognizer(base.weights, base.lexicon, { ...base.options, ...options });
  warmUp(docs, (doc) => rec.labelDocument(doc));
  return evaluateDocuments(docs, (doc) => rec.labelDocument(doc));
}

/** Runs the labeller over ~100,000 tokens first, so tokens/s on a small file measures the compiled code, not the JIT's warm-up. */
function warmUp(docs: readonly ConllDocument[], label: (doc: ConllDocument) => unknown): void {
  let tokens = 0;
  for (let round = 0; round < 1000 && tokens < 100_000 && docs.length > 0; round++) {
    for (const doc of docs) {
      label(doc);
      tokens += doc.words.length;
      if (tokens >= 100_000) return;
    }
  }
}
