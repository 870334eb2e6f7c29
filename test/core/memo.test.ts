import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/core/index.js';

describe('memoize', () => {
  it('computes a key once while it is held, and stays bounded', () => {
    const calls: string[] = [];
    const upper = memoize((s) => {
      calls.push(s);
      return s.toUpperCase();
    }, 2);
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
    // full: the memo starts afresh, and answers stay right
    expect(upper('c')).toBe('C');
    expect(upper('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
