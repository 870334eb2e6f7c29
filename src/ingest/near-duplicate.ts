/**
 * Exact and near-duplicate detection for syndicated copies. The exact key hashes the text with
 * case, quotes, dashes and whitespace folded. The near-duplicate signature is a MinHash (64
 * permutations) over word 3-shingles: the share of equal slots estimates the Jaccard similarity
 * of the shingle sets, so a wire story republished with other boilerplate or headline scores high.
 */
import { sha256 } from '../core/index.js';

const PERMUTATIONS = 64;
const SHINGLE = 3;
const PREFIX = 'mh1:';

/** Text folded for comparison: NFKC, lower case, typographic quotes and dashes as ASCII, words only. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
}

/** A key equal for texts that differ only in case, quotes, dashes, punctuation or whitespace. */
export function exactDuplicateKey(text: string): string {
  return `sha256:${sha256(words(text).join(' '))}`;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Fixed odd multipliers and offsets for the permutations (a deterministic xorshift sequence). */
const SEEDS: readonly (readonly [number, number])[] = (() => {
  let x = 0x9e3779b9;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [next() | 1, next()] as const);
})();

/** Mixes a hash with one permutation's seed (multiply-xorshift, 32-bit). */
function permute(h: number, [a, b]: readonly [number, number]): number {
  let v = (Math.imul(h, a) + b) >>> 0;
  v ^= v >>> 15;
  return Math.imul(v, 0x2c1b3c6d) >>> 0;
}

/** The MinHash signature of a text's word 3-shingles, as a hex string (`mh1:` + 64 × 8 hex digits). */
export function nearDuplicateSignature(text: string): string {
  const w = words(text);
  const shingles = new Set<number>();
  if (w.length < SHINGLE) shingles.add(fnv1a(w.join(' ')));
  for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  const mins = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of shingles) {
    for (let p = 0; p < PERMUTATIONS; p++) {
      const v = permute(h, SEEDS[p]!);
      if (v < mins[p]!) mins[p] = v;
    }
  }
  return PREFIX + Array.from(mins, (m) => m.toString(16).padStart(8, '0')).join('');
}

/** Estimated Jaccard similarity in [0, 1] of the texts behind two signatures (0 for malformed input). */
export function similarity(sigA: string, sigB: string): number {
  if (!sigA.startsWith(PREFIX) || sigA.length !== sigB.length || !sigB.startsWith(PREFIX)) return 0;
  let equal = 0;
  for (let p = 0; p < PERMUTATIONS; p++) {
    const at = PREFIX.length + p * 8;
    if (sigA.slice(at, at + 8) === sigB.slice(at, at + 8)) equal++;
  }
  return equal / PERMUTATIONS;
}

/** Similarity at or above which two documents are treated as copies of one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** LSH band keys (16 bands × 4 slots): documents sharing any key are candidate near-duplicates, for indexed lookup. */
export function signatureBands(sig: string): string[] {
  const body = sig.slice(PREFIX.length);
  return Array.from({ length: 16 }, (_, b) => `${b}:${body.slice(b * 32, b * 32 + 32)}`);
}
