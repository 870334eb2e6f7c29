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
  const preds = predecessors(allowedMask, L);
  for (let y = 0; y < L; y++) delta[y] = allowedMask[y] ? (emit[y] ?? 0) + (trans[y] ?? 0) : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * L,
      prevBase = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity,
        arg = 0;
      const ps = preds[y] as Int32Array;
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k]!;
        const row = (p + 1) * L + y;
        const s = (delta[prevBase + p] ?? -Infinity) + (trans[row] ?? 0);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[base + y] = best + (emit[base + y] ?? 0);
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

/** Per label, the labels allowed before it (ascending, so ties go to the same label as a full scan). */
const predecessorLists = new WeakMap<Uint8Array, Int32Array[]>();

function predecessors(allowedMask: Uint8Array, L: number): Int32Array[] {
  let lists = predecessorLists.get(allowedMask);
  if (!lists || lists.length !== L) {
    lists = [];
    for (let y = 0; y < L; y++) {
      const ps: number[] = [];
      for (let p = 0; p < L; p++) if (allowedMask[(p + 1) * L + y]) ps.push(p);
      lists.push(Int32Array.from(ps));
    }
    predecessorLists.set(allowedMask, lists);
  }
  return lists;
}
