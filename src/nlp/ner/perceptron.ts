/**
 * Linear sequence model: hashed feature weights (one row of NUM_LABELS weights per bucket) plus
 * label-transition weights, decoded with Viterbi. Training is the averaged structured perceptron
 * (Collins, 2002) with the lazy-averaging trick: `avg = w - u / c`.
 */
import { NUM_TEMPLATES } from './features.js';
import { NUM_LABELS, allowed, canEnd } from './labels.js';
import { viterbi } from './viterbi.js';

const L = NUM_LABELS;

/** Transition mask `[(prev + 1) * L + cur]` and end mask of the BILOU scheme. */
export const ALLOWED = new Uint8Array((L + 1) * L);
/** Labels a sentence may end on. */
export const END_OK = new Uint8Array(L);
for (let p = -1; p < L; p++) for (let y = 0; y < L; y++) ALLOWED[(p + 1) * L + y] = allowed(p, y) ? 1 : 0;
for (let y = 0; y < L; y++) END_OK[y] = canEnd(y) ? 1 : 0;

/** Weights of a trained (or training) model. */
export interface LinearWeights {
  /** `weights[(hash & mask) * L + label]`; Int16 when quantised (multiply by `scale`). */
  readonly weights: Float32Array | Int16Array;
  readonly scale: number;
  readonly mask: number;
  readonly trans: Float32Array;
  /**
   * Rows hold only the NUM_LABELS - 1 entity labels, O's weight being 0: subtracting a feature's O
   * weight from all its labels' weights shifts every label's score alike, so decoding is unchanged,
   * and a 16-label Int16 row fills exactly half a cache line.
   */
  readonly oFree?: boolean;
  /** Templates `[first, count]` this view of the weights scores (default: all); see RecognizerOptions.stacked. */
  readonly templates?: readonly [number, number];
  /**
   * Present when `weights` holds only the non-zero rows, row 0 being all zero (see `sparseRows`):
   * per block of 32 buckets, `index[2k]` is the row of the block's first non-zero bucket and
   * `index[2k + 1]` the bit set of its non-zero buckets. With such weights, `emissions` and
   * `decode` read row numbers where the feature array held hashes: `toRows` converts it.
   */
  readonly index?: Uint32Array;
}

/**
 * Drops the all-zero rows of an O-free Int16 matrix (four in five buckets of the shipped model:
 * no training feature hashed there) and indexes the rest by a bit set per 32 buckets. The rows
 * left are a fifth of the dense table, so more of them stay in cache and in the TLB; row 0 is
 * kept all zero for the features of empty buckets. Sums run over the same integers, so scores
 * are unchanged.
 */
export function sparseRows(q: Int16Array, stride: number): { index: Uint32Array; rows: Int16Array } {
  const buckets = q.length / stride;
  const index = new Uint32Array(Math.ceil(buckets / 32) * 2);
  let kept = 1;
  for (let r = 0; r < buckets; r++) {
    if ((r & 31) === 0) index[(r >>> 5) * 2] = kept;
    let any = 0;
    for (let y = 0; y < stride; y++) any |= q[r * stride + y]!;
    if (any === 0) continue;
    index[(r >>> 5) * 2 + 1]! |= 1 << (r & 31);
    kept++;
  }
  const rows = new Int16Array(kept * stride);
  for (let r = 0, k = 1; r < buckets; r++) {
    if (sparseRow(index, r) === 0) continue;
    rows.set(q.subarray(r * stride, (r + 1) * stride), k * stride);
    k++;
  }
  return { index, rows };
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Row of bucket `h` in a sparse index (0, the zero row, when the bucket is empty). */
export function sparseRow(index: Uint32Array, h: number): number {
  const k = (h >>> 5) << 1;
  const bits = index[k + 1]!;
  const bit = h & 31;
  if (!((bits >>> bit) & 1)) return 0;
  return index[k]! + popcount(bits & ~(-1 << bit));
}

/** Sink for toRows' reads, so they are not optimised away. */
const touched = { sum: 0 };

/**
 * For sparse weights: replaces the feature hashes `feats[from, to)` by their rows, reading one
 * weight of each row on the way. The rows are scattered over a table larger than the caches; this
 * loop, with little else to do, lets the processor fetch many at once before the scoring loop
 * needs them.
 */
export function toRows(m: LinearWeights, feats: Uint32Array, from: number, to: number): void {
  const index = m.index;
  if (!index) throw new Error('toRows: weights are not sparse');
  const w = m.weights,
    mask = m.mask;
  let sink = 0;
  for (let k = from; k < to; k++) {
    const r = sparseRow(index, feats[k]! & mask);
    feats[k] = r;
    sink += w[r << 4]!;
  }
  touched.sum = sink;
}

/** All templates. */
const ALL: readonly [number, number] = [0, NUM_TEMPLATES];

/**
 * `toRows` for tokens `[a, b)` and only the templates listed in `templates`, leaving the others
 * as hashes (the word templates, which WordPartials scores from its cache). A list, not a mask
 * over all templates: the loop then does nothing per skipped template.
 */
export function toRowsOf(
  m: LinearWeights,
  feats: Uint32Array,
  a: number,
  b: number,
  templates: Int32Array,
): void {
  const index = m.index;
  if (!index) throw new Error('toRowsOf: weights are not sparse');
  const w = m.weights,
    mask = m.mask,
    count = templates.length;
  let sink = 0;
  for (let i = a; i < b; i++) {
    const base = i * NUM_TEMPLATES;
    for (let t = 0; t < count; t++) {
      const k = base + templates[t]!;
      const r = sparseRow(index, feats[k]! & mask);
      feats[k] = r;
      sink += w[r << 4]!;
    }
  }
  touched.sum = sink;
}

/**
 * Emission scores of tokens `[a, b)` from sparse Int16 weights (17 labels, O-free) over the
 * templates listed in `templates` (their feats already rows), each token's sums starting from its
 * partial `pool[offsets[i] + y]` (see WordPartials). Same integer sums, so the same scores as
 * `emissions` over all the templates.
 */
export function partialEmissions(
  m: LinearWeights,
  templates: Int32Array,
  feats: Uint32Array,
  a: number,
  b: number,
  out: Float32Array,
  pool: Int32Array,
  offsets: Int32Array,
): void {
  const w = m.weights,
    scale = m.scale;
  if (!(w instanceof Int16Array) || !m.oFree || L !== 17)
    throw new Error('partialEmissions: not the shipped layout');
  const count = templates.length;
  for (let i = a; i < b; i++) {
    const fb = i * NUM_TEMPLATES;
    const p = offsets[i]!;
    let s1 = pool[p]!,
      s2 = pool[p + 1]!,
      s3 = pool[p + 2]!,
      s4 = pool[p + 3]!,
      s5 = pool[p + 4]!,
      s6 = pool[p + 5]!,
      s7 = pool[p + 6]!,
      s8 = pool[p + 7]!;
    let s9 = pool[p + 8]!,
      s10 = pool[p + 9]!,
      s11 = pool[p + 10]!,
      s12 = pool[p + 11]!,
      s13 = pool[p + 12]!,
      s14 = pool[p + 13]!,
      s15 = pool[p + 14]!,
      s16 = pool[p + 15]!;
    for (let t = 0; t < count; t++) {
      const r = feats[fb + templates[t]!]! << 4;
      s1 += w[r]!;
      s2 += w[r + 1]!;
      s3 += w[r + 2]!;
      s4 += w[r + 3]!;
      s5 += w[r + 4]!;
      s6 += w[r + 5]!;
      s7 += w[r + 6]!;
      s8 += w[r + 7]!;
      s9 += w[r + 8]!;
      s10 += w[r + 9]!;
      s11 += w[r + 10]!;
      s12 += w[r + 11]!;
      s13 += w[r + 12]!;
      s14 += w[r + 13]!;
      s15 += w[r + 14]!;
      s16 += w[r + 15]!;
    }
    const o = (i - a) * L;
    out[o] = 0;
    out[o + 1] = s1 * scale;
    out[o + 2] = s2 * scale;
    out[o + 3] = s3 * scale;
    out[o + 4] = s4 * scale;
    out[o + 5] = s5 * scale;
    out[o + 6] = s6 * scale;
    out[o + 7] = s7 * scale;
    out[o + 8] = s8 * scale;
    out[o + 9] = s9 * scale;
    out[o + 10] = s10 * scale;
    out[o + 11] = s11 * scale;
    out[o + 12] = s12 * scale;
    out[o + 13] = s13 * scale;
    out[o + 14] = s14 * scale;
    out[o + 15] = s15 * scale;
    out[o + 16] = s16 * scale;
  }
}

/**
 * Emission scores `out[(i - a) * L + y]` for tokens `[a, b)` of a document's feature array, plus
 * `base[i * L + y]` when given (a first pass's emissions, which a stacked pass corrects).
 */
export function emissions(
  m: LinearWeights,
  feats: Uint32Array,
  a: number,
  b: number,
  out: Float32Array,
  base?: Float32Array,
): void {
  const w = m.weights,
    mask = m.mask,
    scale = m.scale;
  const [first, count] = m.templates ?? ALL;
  if (w instanceof Int16Array && m.oFree && L === 17) {
    // rows (see LinearWeights.index) need no mask: all ones leaves them as they are
    shippedEmissions(w, m.index ? -1 : mask, scale, first, count, feats, a, b, out, base);
    return;
  }
  if (m.index) throw new Error('sparse NER weights must be O-free Int16 with 17 labels');
  const stride = m.oFree ? L - 1 : L,
    y0 = L - stride;
  out.fill(0, 0, (b - a) * L);
  for (let i = a; i < b; i++) {
    const o = (i - a) * L;
    const fb = i * NUM_TEMPLATES + first;
    for (let t = 0; t < count; t++) {
      const row = (feats[fb + t]! & mask) * stride - y0;
      for (let y = y0; y < L; y++) out[o + y]! += w[row + y]!;
    }
    if (scale !== 1) for (let y = 0; y < L; y++) out[o + y]! *= scale;
    if (base) for (let y = 0; y < L; y++) out[o + y]! += base[i * L + y]!;
  }
}

/**
 * `emissions` for the shipped layout (Int16, 16 entity labels a row, O fixed at 0; dense, or
 * sparse with `feats` holding rows), with the sums in locals: the hot loop of the recogniser,
 * bound by fetching one 32-byte row per feature.
 */
function shippedEmissions(
  w: Int16Array,
  mask: number,
  scale: number,
  first: number,
  count: number,
  feats: Uint32Array,
  a: number,
  b: number,
  out: Float32Array,
  base?: Float32Array,
): void {
  for (let i = a; i < b; i++) {
    const fb = i * NUM_TEMPLATES + first;
    let s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0;
    let s9 = 0,
      s10 = 0,
      s11 = 0,
      s12 = 0,
      s13 = 0,
      s14 = 0,
      s15 = 0,
      s16 = 0;
    for (let t = 0; t < count; t++) {
      const r = (feats[fb + t]! & mask) << 4;
      s1 += w[r]!;
      s2 += w[r + 1]!;
      s3 += w[r + 2]!;
      s4 += w[r + 3]!;
      s5 += w[r + 4]!;
      s6 += w[r + 5]!;
      s7 += w[r + 6]!;
      s8 += w[r + 7]!;
      s9 += w[r + 8]!;
      s10 += w[r + 9]!;
      s11 += w[r + 10]!;
      s12 += w[r + 11]!;
      s13 += w[r + 12]!;
      s14 += w[r + 13]!;
      s15 += w[r + 14]!;
      s16 += w[r + 15]!;
    }
    const o = (i - a) * L;
    out[o] = 0;
    out[o + 1] = s1 * scale;
    out[o + 2] = s2 * scale;
    out[o + 3] = s3 * scale;
    out[o + 4] = s4 * scale;
    out[o + 5] = s5 * scale;
    out[o + 6] = s6 * scale;
    out[o + 7] = s7 * scale;
    out[o + 8] = s8 * scale;
    out[o + 9] = s9 * scale;
    out[o + 10] = s10 * scale;
    out[o + 11] = s11 * scale;
    out[o + 12] = s12 * scale;
    out[o + 13] = s13 * scale;
    out[o + 14] = s14 * scale;
    out[o + 15] = s15 * scale;
    out[o + 16] = s16 * scale;
    if (base) for (let y = 0; y < L; y++) out[o + y]! += base[i * L + y]!;
  }
}

/** Decodes tokens `[a, b)` into `labels` (length ≥ b - a); `scratch` holds ≥ (b - a) * L floats. */
export function decode(
  m: LinearWeights,
  feats: Uint32Array,
  a: number,
  b: number,
  labels: Uint8Array,
  scratch: Float32Array,
  base?: Float32Array,
): void {
  emissions(m, feats, a, b, scratch, base);
  viterbi(scratch, m.trans, ALLOWED, END_OK, b - a, L, labels);
}

/** Averaged-perceptron trainer over hashed features. */
export class PerceptronTrainer {
  readonly w: Float32Array;
  readonly u: Float32Array;
  readonly trans = new Float32Array((L + 1) * L);
  readonly transU = new Float64Array((L + 1) * L);
  readonly mask: number;
  private c = 1;

  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
    this.w = new Float32Array((1 << bits) * L);
    this.u = new Float32Array((1 << bits) * L);
  }

  /** The current (non-averaged) weights, for decoding during training. */
  current(): LinearWeights {
    return { weights: this.w, scale: 1, mask: this.mask, trans: this.trans };
  }

  /** One perceptron step on a sentence: decode, then move weights from the prediction towards gold. */
  step(
    feats: Uint32Array,
    a: number,
    b: number,
    gold: Uint8Array,
    pred: Uint8Array,
    scratch: Float32Array,
  ): boolean {
    decode(this.current(), feats, a, b, pred, scratch);
    let wrong = false;
    for (let i = 0; i < b - a; i++) {
      const g = gold[a + i] ?? 0,
        p = pred[i] ?? 0;
      const gp = i === 0 ? -1 : (gold[a + i - 1] ?? 0),
        pp = i === 0 ? -1 : (pred[i - 1] ?? 0);
      if (g !== p) {
        wrong = true;
        this.updateToken(feats, a + i, g, 1);
        this.updateToken(feats, a + i, p, -1);
      }
      if (g !== p || gp !== pp) {
        this.updateTrans((gp + 1) * L + g, 1);
        this.updateTrans((pp + 1) * L + p, -1);
      }
    }
    this.c++;
    return wrong;
  }

  private updateToken(feats: Uint32Array, i: number, y: number, d: number): void {
    const fb = i * NUM_TEMPLATES,
      c = this.c;
    for (let t = 0; t < NUM_TEMPLATES; t++) {
      const k = ((feats[fb + t] ?? 0) & this.mask) * L + y;
      this.w[k] = (this.w[k] ?? 0) + d;
      this.u[k] = (this.u[k] ?? 0) + c * d;
    }
  }

  private updateTrans(k: number, d: number): void {
    this.trans[k] = (this.trans[k] ?? 0) + d;
    this.transU[k] = (this.transU[k] ?? 0) + this.c * d;
  }

  /** The averaged weights (a new model; training may continue). */
  averaged(): LinearWeights {
    const weights = new Float32Array(this.w.length);
    for (let k = 0; k < weights.length; k++) weights[k] = (this.w[k] ?? 0) - (this.u[k] ?? 0) / this.c;
    const trans = new Float32Array(this.trans.length);
    for (let k = 0; k < trans.length; k++) trans[k] = (this.trans[k] ?? 0) - (this.transU[k] ?? 0) / this.c;
    return { weights, scale: 1, mask: this.mask, trans };
  }
}
