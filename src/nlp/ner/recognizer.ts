/** The trained NER: hashed-feature linear model + Viterbi per sentence + document consistency. */
import type { NerMention, Sentence, Token } from '../types.js';
import {
  NUM_TEMPLATES,
  STACK_FIRST,
  extractFeatures,
  normalizeWord,
  setStackFeatures,
  wordKeys,
  type FeatureInput,
} from './features.js';
import { NUM_LABELS, TYPES, spansFromBilou, type TokenSpan } from './labels.js';
import type { Lexicon } from './lexicon.js';
import type { NerModel } from './model.js';
import { decode, emissions, partialEmissions, toRows, toRowsOf, type LinearWeights } from './perceptron.js';
import { IS_WORD_TEMPLATE, WordPartials } from './word-partials.js';
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

/** The head templates (before the votes) that are not word templates, scored row by row. */
const CONTEXT_HEAD = Int32Array.from(
  Array.from({ length: STACK_FIRST }, (_, t) => t).filter((t) => !IS_WORD_TEMPLATE[t]),
);
/** Every template but the word templates: the ones the first pass converts to rows. */
const NOT_WORD = Int32Array.from(
  Array.from({ length: NUM_TEMPLATES }, (_, t) => t).filter((t) => !IS_WORD_TEMPLATE[t]),
);

/** The statistical recogniser; also labels pre-tokenised documents (for evaluation and training). */
export class LinearRecognizer implements NerModel {
  constructor(
    readonly weights: LinearWeights,
    readonly lexicon: Lexicon,
    readonly options: RecognizerOptions = {},
  ) {
    this.head = { ...weights, templates: [0, STACK_FIRST] };
    this.tail = { ...weights, templates: [STACK_FIRST, NUM_TEMPLATES - STACK_FIRST] };
    this.partials =
      weights.index && weights.weights instanceof Int16Array && weights.oFree && NUM_LABELS === 17
        ? new WordPartials(weights)
        : undefined;
  }

  /** The weights restricted to the templates before the vote templates, and to the vote templates. */
  private readonly head: LinearWeights;
  private readonly tail: LinearWeights;

  /**
   * Working arrays reused from document to document (labelling is synchronous and nothing
   * returned points into them): a document's features alone are ~200 bytes a token.
   */
  private readonly work = {
    feats: new Uint32Array(0),
    base: new Float32Array(0),
    scratch: new Float32Array(0),
    offsets: new Int32Array(0),
  };

  /** Per-word partial sums, for sparse Int16 weights with 17 labels (the shipped layout). */
  private readonly partials: WordPartials | undefined;

  /** Labels a document given its words and sentence ranges; spans are over word indices. */
  labelDocument(input: FeatureInput): ScoredSpan[] {
    const n = input.words.length;
    const work = this.work;
    if (work.feats.length < n * NUM_TEMPLATES) work.feats = new Uint32Array(n * NUM_TEMPLATES * 2);
    const feats = extractFeatures(input, this.lexicon, work.feats);
    const labels = new Uint8Array(n);
    let longest = 0;
    for (const [a, b] of input.sentences) longest = Math.max(longest, b - a);
    if (work.scratch.length < longest * NUM_LABELS) work.scratch = new Float32Array(longest * NUM_LABELS * 2);
    const scratch = work.scratch;
    const scored: ScoredSpan[] = [];
    let base: Float32Array | undefined;
    let final = this.weights;
    const sparse = this.weights.index !== undefined;
    if (this.options.stacked) {
      // first pass: every template but the votes, kept as the base of the second pass
      if (work.base.length < n * NUM_LABELS) work.base = new Float32Array(n * NUM_LABELS * 2);
      base = work.base;
      const partials = this.partials;
      let keys: readonly object[] = [];
      if (partials) {
        partials.startDocument();
        keys = wordKeys(input.words, this.lexicon);
        if (work.offsets.length < n) work.offsets = new Int32Array(n * 2);
      }
      for (const [a, b] of input.sentences) {
        const head = base.subarray(a * NUM_LABELS, b * NUM_LABELS);
        if (partials) {
          for (let i = a; i < b; i++) work.offsets[i] = partials.offsetOf(keys[i]!, feats, i);
          toRowsOf(this.weights, feats, a, b, NOT_WORD);
          partialEmissions(this.weights, CONTEXT_HEAD, feats, a, b, head, partials.pool, work.offsets);
        } else {
          if (sparse) toRows(this.weights, feats, a * NUM_TEMPLATES, b * NUM_TEMPLATES);
          else touchRows(this.weights, feats, a, b);
          emissions(this.head, feats, a, b, head);
        }
        decode(this.tail, feats, a, b, labels.subarray(a, b), scratch, base);
      }
      setStackFeatures(feats, input.words, labels, this.lexicon);
      if (sparse) tailRows(this.weights, feats, input.words.length);
      final = this.tail;
    } else if (sparse) toRows(this.weights, feats, 0, feats.length);
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
  if (weights.index) toRows(weights, feats, 0, feats.length);
  for (const [a, b] of input.sentences) decode(weights, feats, a, b, labels.subarray(a, b), scratch);
  return labels;
}

/** Converts the vote templates of every token to rows (setStackFeatures wrote them as hashes). */
function tailRows(m: LinearWeights, feats: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) toRows(m, feats, i * NUM_TEMPLATES + STACK_FIRST, (i + 1) * NUM_TEMPLATES);
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
 * Reads one weight of every feature row of tokens `[a, b)` before the scoring loop does (dense
 * weights; `toRows` does the same for sparse ones): the rows are scattered over a table larger
 * than the caches, and this loop, with nothing else to do, lets the processor fetch many of them
 * at once instead of a few at a time.
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
