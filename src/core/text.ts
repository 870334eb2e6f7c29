/** Text helpers shared by every stage. */
import { memoize } from './memo.js';

/**
 * A key for comparing names: accents and case folded, typographic quotes and dashes treated as
 * their ASCII forms, punctuation collapsed. "Pakistan’s military" and "Pakistan's Military" share a key.
 */
export const nameKey: (name: string) => string = memoize(computeNameKey, 50_000);

function computeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`‘ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
