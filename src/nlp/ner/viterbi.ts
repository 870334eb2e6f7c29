/**
 * First-order Viterbi decoding over emission scores `emit[i * L + y]` and transition scores
 * `trans[(prev + 1) * L + y]` (row 0 is the start state), restricted to allowed transitions.
 */

/** Lattice buffers reused across calls (decoding is synchronous), grown on demand. */
const buffers = { delta: new Float64Array(0), back: new Int32Array(0) };

/** Decodes the best label sequence for `n` tokens into `out`; returns its score. */
export function viterbi(
  emit: Float32Array,
  trans: Float32Array,
  allowedMask: Uint8Array,
  endMask: Uint8Array,
  n: number,
  L: number,
  out: Uint8Array,
): number {
  if (n === 0) return 0;
  if (buffers.delta.length < n * L) {
    buffers.delta = new Float64Array(n * L * 2);
    buffers.back = new Int32Array(n * L * 2);
  }
  const { delta, back } = buffers;
  const { from, first, score } = lattice(allowedMask, trans, L);
  for (let y = 0; y < L; y++) delta[y] = allowedMask[y] ? (emit[y] ?? 0) + (trans[y] ?? 0) : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * L,
      prevBase = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity,
        arg = 0;
      for (let k = first[y]!, end = first[y + 1]!; k < end; k++) {
        const p = from[k]!;
        const s = delta[prevBase + p]! + score[k]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[base + y] = best + emit[base + y]!;
      back[base + y] = arg;
    }
  }
  let best = -Infinity,
    arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = delta[last + y] ?? -Infinity;
    if (endMask[y] && s > best) {
      best = s;
      arg = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg] ?? 0;
  }
  return best;
}

/**
 * The allowed transitions as flat arrays: for label y, entries `[first[y], first[y + 1])` of
 * `from` are the labels allowed before it (ascending, so ties go to the same label as a full
 * scan) and of `score` their transition weights. Flat typed arrays keep the inner loop free of
 * nested lookups; built once per (mask, weights) pair.
 */
interface Lattice {
  readonly from: Int32Array;
  readonly first: Int32Array;
  readonly score: Float64Array;
}

const lattices = new WeakMap<Uint8Array, WeakMap<Float32Array, Lattice>>();

function lattice(allowedMask: Uint8Array, trans: Float32Array, L: number): Lattice {
  let byTrans = lattices.get(allowedMask);
  if (!byTrans) lattices.set(allowedMask, (byTrans = new WeakMap()));
  let lat = byTrans.get(trans);
  // trans of a model being trained changes in place: rebuild unless it is known to be fixed
  if (!lat || lat.first.length !== L + 1 || !sameScores(lat, trans, L)) {
    const from: number[] = [];
    const score: number[] = [];
    const first = new Int32Array(L + 1);
    for (let y = 0; y < L; y++) {
      first[y] = from.length;
      for (let p = 0; p < L; p++) {
        if (!allowedMask[(p + 1) * L + y]) continue;
        from.push(p);
        score.push(trans[(p + 1) * L + y] ?? 0);
      }
    }
    first[L] = from.length;
    lat = { from: Int32Array.from(from), first, score: Float64Array.from(score) };
    byTrans.set(trans, lat);
  }
  return lat;
}

/** True when a cached lattice still holds `trans`' weights. */
function sameScores(lat: Lattice, trans: Float32Array, L: number): boolean {
  for (let y = 0; y < L; y++)
    for (let k = lat.first[y]!; k < lat.first[y + 1]!; k++)
      if (lat.score[k] !== (trans[(lat.from[k]! + 1) * L + y] ?? 0)) return false;
  return true;
}
