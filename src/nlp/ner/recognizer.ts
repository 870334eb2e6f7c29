/** The trained NER: hashed-feature linear model + Viterbi per sentence + document consistency. */
import type { NerMention, Sentence, Token } from '../types.js';
import {
  NUM_TEMPLATES,
  STACK_FIRST,
  extractFeatures,
  normalizeWord,
  setStackFeatures,
  type FeatureInput,
} from './features.js';
import { NUM_LABELS, TYPES, spansFromBilou, type TokenSpan } from './labels.js';
import type { Lexicon } from './lexicon.js';
import type { NerModel } from './model.js';
import { decode, emissions, type LinearWeights } from './perceptron.js';
import { propagateNames } from './consistency.js';

/** Options of the recogniser. */
export interface RecognizerOptions {
  /** Run the document-consistency pass (default true). */
  readonly consistency?: boolean;
  /**
   * Two passes with the same weights: the first with the vote templates empty, the second with
   * the first's document-level votes. Only the vote templates change, so the second pass costs
   * a few table lookups per token.
   */
  readonly stacked?: boolean;
}

/** A span with the model's confidence. */
export interface ScoredSpan extends TokenSpan {
  readonly score: number;
}

const CAP = /^\p{Lu}/u;

/** The statistical recogniser; also labels pre-tokenised documents (for evaluation and training). */
export class LinearRecognizer implements NerModel {
  constructor(
    readonly weights: LinearWeights,
    readonly lexicon: Lexicon,
    readonly options: RecognizerOptions = {},
  ) {
    this.head = { ...weights, templates: [0, STACK_FIRST] };
    this.tail = { ...weights, templates: [STACK_FIRST, NUM_TEMPLATES - STACK_FIRST] };
  }

  /** The weights restricted to the templates before the vote templates, and to the vote templates. */
  private readonly head: LinearWeights;
  private readonly tail: LinearWeights;

  /** Labels a document given its words and sentence ranges; spans are over word indices. */
  labelDocument(input: FeatureInput): ScoredSpan[] {
    const feats = extractFeatures(input, this.lexicon);
    const labels = new Uint8Array(input.words.length);
    let longest = 0;
    for (const [a, b] of input.sentences) longest = Math.max(longest, b - a);
    const scratch = new Float32Array(longest * NUM_LABELS);
    const scored: ScoredSpan[] = [];
    let base: Float32Array | undefined;
    let final = this.weights;
    if (this.options.stacked) {
      // first pass: every template but the votes, kept as the base of the second pass
      base = new Float32Array(input.words.length * NUM_LABELS);
      for (const [a, b] of input.sentences) {
        touchRows(this.weights, feats, a, b);
        emissions(this.head, feats, a, b, base.subarray(a * NUM_LABELS, b * NUM_LABELS));
        decode(this.tail, feats, a, b, labels.subarray(a, b), scratch, base);
      }
      setStackFeatures(feats, input.words, labels, this.lexicon);
      final = this.tail;
    }
    for (const [a, b] of input.sentences) {
      const out = labels.subarray(a, b);
      decode(final, feats, a, b, out, scratch, base);
      for (const s of spansFromBilou(out))
        scored.push({ start: s.start + a, end: s.end + a, type: s.type, score: confidence(scratch, out, s) });
    }
    if (this.options.consistency === false) return scored;
    const starts = new Uint8Array(input.words.length);
    for (const [a] of input.sentences) starts[a] = 1;
    const nameLike = (i: number): boolean => isNameLike(input.words[i] ?? '', starts[i] === 1, this.lexicon);
    return propagateNames(scored, { words: input.words, nameLike, sentences: input.sentences }).map((s) =>
      'score' in s ? (s as ScoredSpan) : { ...s, score: 0.5 },
    );
  }

  /** Finds mentions in text that was tokenized and split by this package. */
  recognize(text: string, tokens: readonly Token[], sentences: readonly Sentence[]): NerMention[] {
    const words = tokens.map((t) => normalizeWord(t.text));
    const ranges = sentences.map((s) => [s.firstToken, s.endToken] as const);
    return this.labelDocument({ words, sentences: ranges }).map((s) => ({
      start: tokens[s.start]?.start ?? 0,
      end: tokens[s.end - 1]?.end ?? 0,
      label: TYPES[s.type] ?? 'MISC',
      score: s.score,
    }));
  }
}

/** BILOU labels of one unstacked pass of `weights` over a document (the votes a stacked pass is trained on). */
export function passLabels(weights: LinearWeights, lexicon: Lexicon, input: FeatureInput): Uint8Array {
  const feats = extractFeatures(input, lexicon);
  const labels = new Uint8Array(input.words.length);
  let longest = 0;
  for (const [a, b] of input.sentences) longest = Math.max(longest, b - a);
  const scratch = new Float32Array(longest * NUM_LABELS);
  for (const [a, b] of input.sentences) decode(weights, feats, a, b, labels.subarray(a, b), scratch);
  return labels;
}

/** Capitalised, and not a common word opening its sentence. */
function isNameLike(w: string, atStart: boolean, lex: Lexicon): boolean {
  if (!CAP.test(w)) return false;
  return !(atStart && lex.lowerVocab.has(w.toLowerCase()));
}

/** Confidence of a span: logistic of the mean margin of its labels over the best other label. */
function confidence(emit: Float32Array, labels: Uint8Array, s: TokenSpan): number {
  let margin = 0;
  for (let i = s.start; i < s.end; i++) {
    const y = labels[i] ?? 0;
    const chosen = emit[i * NUM_LABELS + y] ?? 0;
    let other = -Infinity;
    for (let k = 0; k < NUM_LABELS; k++) if (k !== y) other = Math.max(other, emit[i * NUM_LABELS + k] ?? 0);
    margin += chosen - other;
  }
  const m = margin / (s.end - s.start);
  return Math.round((1 / (1 + Math.exp(-m / 4))) * 1000) / 1000;
}

/** Sink for touchRows' reads, so the loop is not optimised away. */
const touched = { sum: 0 };

/**
 * Reads one weight of every feature row of tokens `[a, b)` before the scoring loop does: the rows
 * are scattered over a table larger than the caches, and this loop, with nothing else to do,
 * lets the processor fetch many of them at once instead of a few at a time.
 */
function touchRows(m: LinearWeights, feats: Uint32Array, a: number, b: number): void {
  const w = m.weights,
    mask = m.mask,
    stride = m.oFree ? NUM_LABELS - 1 : NUM_LABELS;
  let sink = 0;
  for (let k = a * NUM_TEMPLATES, end = b * NUM_TEMPLATES; k < end; k++)
    sink += w[(feats[k]! & mask) * stride]!;
  touched.sum = sink;
}
