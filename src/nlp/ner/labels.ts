/**
 * BILOU label scheme. Label 0 is O; entity type k (0..3) has B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
 * BILOU rather than BIO: explicit ends and unit-length names give the linear model sharper
 * boundaries (Ratinov & Roth, 2009).
 */
import type { NerLabel } from '../types.js';

/** Entity types in label order. */
export const TYPES: readonly NerLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** Number of BILOU labels. */
export const NUM_LABELS = 1 + 4 * TYPES.length;

const B = 0,
  I = 1,
  L = 2,
  U = 3;

/** Position of a label within its entity: 0 B, 1 I, 2 L, 3 U (undefined for O). */
export function part(label: number): number {
  return (label - 1) % 4;
}

/** Entity type index of a label (undefined meaning for O). */
export function typeOf(label: number): number {
  return (label - 1) >> 2;
}

/** The label id for a type index and part. */
export function labelId(type: number, p: number): number {
  return 1 + 4 * type + p;
}

/** Readable name of a label ("B-PER", "O"). */
export function labelName(label: number): string {
  return label === 0 ? 'O' : `${'BILU'[part(label)]}-${TYPES[typeOf(label)]}`;
}

/** True when `cur` may follow `prev` (prev = -1 at sentence start). */
export function allowed(prev: number, cur: number): boolean {
  const open = prev > 0 && (part(prev) === B || part(prev) === I);
  if (open) return cur > 0 && typeOf(cur) === typeOf(prev) && (part(cur) === I || part(cur) === L);
  return cur === 0 || part(cur) === B || part(cur) === U;
}

/** True when a sentence may end on `label`. */
export function canEnd(label: number): boolean {
  return label === 0 || part(label) === L || part(label) === U;
}

/** A labelled span of token indices `[start, end)`. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: number;
}

/** Decodes a BILOU sequence into spans (tolerates ill-formed sequences by closing at type changes). */
export function spansFromBilou(labels: ArrayLike<number>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l === 0) {
      start = -1;
      continue;
    }
    const p = part(l),
      t = typeOf(l);
    if (p === B || p === U || start < 0 || t !== type) {
      start = i;
      type = t;
    }
    if (p === L || p === U) {
      out.push({ start, end: i + 1, type });
      start = -1;
    } else if (i + 1 === labels.length || !continues(labels[i + 1] ?? 0, t)) {
      out.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return out;
}

function continues(next: number, type: number): boolean {
  return next > 0 && typeOf(next) === type && (part(next) === I || part(next) === L);
}

/** Encodes spans over `n` tokens as BILOU label ids. */
export function bilouFromSpans(spans: readonly TokenSpan[], n: number): Uint8Array {
  const labels = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      labels[s.start] = labelId(s.type, U);
      continue;
    }
    labels[s.start] = labelId(s.type, B);
    for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = labelId(s.type, I);
    labels[s.end - 1] = labelId(s.type, L);
  }
  return labels;
}
