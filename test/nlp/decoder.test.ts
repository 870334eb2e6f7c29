import { describe, expect, it } from 'vitest';
import { viterbi } from '../../src/nlp/ner/viterbi.js';
import { bilouFromSpans, labelName, spansFromBilou } from '../../src/nlp/ner/labels.js';
import { spansFromTags } from '../../src/nlp/ner/conll.js';

describe('viterbi', () => {
  // two labels, three tokens; transitions make the locally best label at token 1 lose
  const L = 2;
  const allowed = new Uint8Array((L + 1) * L).fill(1);
  const endOk = new Uint8Array(L).fill(1);

  it('picks the best path, not the best label per token', () => {
    const emit = Float32Array.from([1, 0, 0, 0.5, 1, 0]);
    const trans = new Float32Array((L + 1) * L);
    trans[(0 + 1) * L + 1] = -2; // 0 → 1 is costly
    trans[(1 + 1) * L + 0] = -2; // 1 → 0 is costly
    const out = new Uint8Array(3);
    const score = viterbi(emit, trans, allowed, endOk, 3, L, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
    expect(score).toBeCloseTo(2);
  });

  it('respects forbidden transitions and end labels', () => {
    const emit = Float32Array.from([0, 5, 0, 5]);
    const trans = new Float32Array((L + 1) * L);
    const noEnd1 = Uint8Array.from([1, 0]);
    const out = new Uint8Array(2);
    viterbi(emit, trans, allowed, noEnd1, 2, L, out);
    expect(out[1]).toBe(0);
  });
});

describe('labels', () => {
  it('round-trips spans through BILOU', () => {
    const spans = [
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 2 },
      { start: 4, end: 7, type: 1 },
    ];
    const labels = bilouFromSpans(spans, 8);
    expect(Array.from(labels, labelName)).toEqual([
      'B-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-ORG',
      'I-ORG',
      'L-ORG',
      'O',
    ]);
    expect(spansFromBilou(labels)).toEqual(spans);
  });

  it('reads BIO1 and BIO2 tags with conlleval semantics', () => {
    expect(spansFromTags(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 0 },
      { start: 2, end: 3, type: 0 },
      { start: 4, end: 5, type: 2 },
    ]);
    expect(spansFromTags(['B-ORG', 'I-ORG', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 1 },
      { start: 2, end: 3, type: 2 },
    ]);
  });
});
