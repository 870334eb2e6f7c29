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
}

/** All templates. */
const ALL: readonly [number, number] = [0, NUM_TEMPLATES];

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
    shippedEmissions(w, mask, scale, first, count, feats, a, b, out, base);
    return;
  }
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
 * `emissions` for the shipped layout (Int16, 16 entity labels a row, O fixed at 0), with the
 * sums in locals: the hot loop of the recogniser, bound by fetching one 32-byte row per feature.
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
