/**
 * The recogniser's fast paths must score exactly as the plain ones: the sparse weight layout and
 * its per-word partial sums, the flattened Viterbi, the per-word gazetteer shortcuts, and the model
 * file formats. Each is checked against a straightforward reference on random or small inputs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NUM_TEMPLATES, STACK_FIRST, WORD_TEMPLATES } from '../../src/nlp/ner/features.js';
import { rng } from '../../src/nlp/ner/hash.js';
import { ALLOWED, END_OK } from '../../src/nlp/ner/perceptron.js';
import { NUM_LABELS } from '../../src/nlp/ner/labels.js';
import { gazetteerTags, lexiconFromData } from '../../src/nlp/ner/lexicon.js';
import { readModel, saveModel } from '../../src/nlp/ner/model-file.js';
import {
  emissions,
  partialEmissions,
  sparseRow,
  sparseRows,
  toRows,
  toRowsOf,
  type LinearWeights,
} from '../../src/nlp/ner/perceptron.js';
import { LinearRecognizer } from '../../src/nlp/ner/recognizer.js';
import { viterbi } from '../../src/nlp/ner/viterbi.js';
import { IS_WORD_TEMPLATE, WordPartials } from '../../src/nlp/ner/word-partials.js';

const L = NUM_LABELS;
const STRIDE = L - 1;

/** Random O-free Int16 weights over 2^bits buckets, most rows all zero (as in a trained model). */
function randomWeights(bits: number, seed: number): Int16Array {
  const r = rng(seed);
  const q = new Int16Array((1 << bits) * STRIDE);
  for (let b = 0; b < 1 << bits; b++) {
    if (r() < 0.8) continue;
    for (let y = 0; y < STRIDE; y++) q[b * STRIDE + y] = Math.round((r() - 0.5) * 60000);
  }
  return q;
}

function randomFeats(tokens: number, seed: number): Uint32Array {
  const r = rng(seed);
  return Uint32Array.from({ length: tokens * NUM_TEMPLATES }, () => Math.floor(r() * 2 ** 32));
}

const trans = Float32Array.from({ length: (L + 1) * L }, (_, k) => Math.sin(k) * 3);

describe('sparse weight rows', () => {
  const bits = 10;
  const dense = randomWeights(bits, 1);
  const { index, rows } = sparseRows(dense, STRIDE);

  it('maps every bucket to its row, and empty buckets to the zero row', () => {
    expect(Array.from(rows.subarray(0, STRIDE))).toEqual(new Array(STRIDE).fill(0));
    for (let b = 0; b < 1 << bits; b++) {
      const r = sparseRow(index, b);
      expect(Array.from(rows.subarray(r * STRIDE, (r + 1) * STRIDE))).toEqual(
        Array.from(dense.subarray(b * STRIDE, (b + 1) * STRIDE)),
      );
    }
  });

  it('scores tokens exactly as the dense matrix, with and without per-word partial sums', () => {
    const mask = (1 << bits) - 1;
    const denseW: LinearWeights = { weights: dense, scale: 0.003, mask, trans, oFree: true };
    const sparseW: LinearWeights = { ...denseW, weights: rows, index };
    const n = 40;
    const feats = randomFeats(n, 2);
    // repeated words: tokens 20–39 share the word templates of tokens 0–19
    for (let i = 20; i < n; i++)
      for (const t of WORD_TEMPLATES) feats[i * NUM_TEMPLATES + t] = feats[(i - 20) * NUM_TEMPLATES + t]!;
    const expected = new Float32Array(n * L);
    emissions(denseW, feats, 0, n, expected);

    const asRows = feats.slice();
    toRows(sparseW, asRows, 0, asRows.length);
    const plain = new Float32Array(n * L);
    emissions(sparseW, asRows, 0, n, plain);
    expect(plain).toEqual(expected);

    // the first pass of a stacked model scores the templates before the votes
    const head: LinearWeights = { ...denseW, templates: [0, STACK_FIRST] };
    const headExpected = new Float32Array(n * L);
    emissions(head, feats, 0, n, headExpected);

    const partials = new WordPartials(sparseW);
    partials.startDocument();
    const shared = Array.from({ length: 20 }, (_, i) => ({ word: i }));
    const withPartials = feats.slice();
    const offsets = new Int32Array(n);
    for (let i = 0; i < n; i++) offsets[i] = partials.offsetOf(shared[i % 20]!, withPartials, i);
    expect(offsets.subarray(20)).toEqual(offsets.subarray(0, 20));
    const context = Int32Array.from(
      Array.from({ length: STACK_FIRST }, (_, t) => t).filter((t) => !IS_WORD_TEMPLATE[t]),
    );
    toRowsOf(sparseW, withPartials, 0, n, context);
    const got = new Float32Array(n * L);
    partialEmissions(sparseW, context, withPartials, 0, n, got, partials.pool, offsets);
    expect(got).toEqual(headExpected);
  });
});

/** Viterbi by exhaustive search over label sequences (tiny n only). */
function bruteForce(emit: Float32Array, n: number, labels: number): { best: number; path: number[] } {
  let best = -Infinity;
  let path: number[] = [];
  const seq = new Array<number>(n).fill(0);
  const total = labels ** n;
  for (let code = 0; code < total; code++) {
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / labels)) seq[n - 1 - i] = c % labels;
    let s = 0;
    let ok = END_OK[seq[n - 1]!] === 1;
    for (let i = 0; i < n && ok; i++) {
      const prev = i === 0 ? -1 : seq[i - 1]!;
      if (!ALLOWED[(prev + 1) * L + seq[i]!]) ok = false;
      s += emit[i * L + seq[i]!]! + trans[(prev + 1) * L + seq[i]!]!;
    }
    if (ok && s > best) {
      best = s;
      path = seq.slice();
    }
  }
  return { best, path };
}

describe('viterbi over the BILOU lattice', () => {
  it('finds the best allowed sequence', () => {
    const r = rng(7);
    for (let trial = 0; trial < 5; trial++) {
      const n = 3;
      const emit = Float32Array.from({ length: n * L }, () => (r() - 0.5) * 10);
      const out = new Uint8Array(n);
      const score = viterbi(emit, trans, ALLOWED, END_OK, n, L, out);
      const ref = bruteForce(emit, n, L);
      expect(Array.from(out)).toEqual(ref.path);
      expect(score).toBeCloseTo(ref.best, 4);
    }
  });

  it('follows transition weights changed in place (as in training)', () => {
    const t = trans.slice();
    const emit = new Float32Array(2 * L);
    const out = new Uint8Array(2);
    viterbi(emit, t, ALLOWED, END_OK, 2, L, out);
    t[(0 + 1) * L + 4] = 100; // O → U-PER now dominates
    viterbi(emit, t, ALLOWED, END_OK, 2, L, out);
    expect(out[1]).toBe(4);
  });
});

describe('gazetteer shortcuts', () => {
  const lex = lexiconFromData({
    gazetteer: { LOC: ['New York', 'New York City', 'York'], ORG: ['New York Times', 'Times'] },
    lowerVocab: [],
  });

  it('tag as the plain lookups do', () => {
    const words = ['The', 'New', 'York', 'Times', 'said', 'New', 'York', 'City', 'New', 'Delhi'];
    const plain = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, plain);
    const single = Int32Array.from(words, (w) => lex.gazetteer.get(w) ?? 0);
    const cont = Uint8Array.from(words, (w) => (lex.continuations?.has(w) ? 1 : 0));
    const fast = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, fast, undefined, single, cont);
    expect(fast).toEqual(plain);
    expect(plain[2]).not.toBe(0);
    expect(cont[9]).toBe(0); // "Delhi" continues no phrase
  });

  it('tag title-cased all-caps words as the plain lookups do', () => {
    // "NEW YORK" matches only as "New York"; "the New YORK Times" needs both forms in one phrase
    const words = ['NEW', 'YORK', 'police', 'and', 'The', 'New', 'YORK', 'Times', 'in', 'York'];
    const caseless = ['New', 'York', 'police', 'and', 'The', 'New', 'York', 'Times', 'in', 'York'];
    const plain = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, plain, caseless);
    const single = Int32Array.from(words, (w) => lex.gazetteer.get(w) ?? 0);
    const cont = Uint8Array.from(words, (w) => (lex.continuations?.has(w) ? 1 : 0));
    const fast = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, fast, caseless, single, cont);
    expect(fast).toEqual(plain);
    expect(plain[0]).not.toBe(0);
    expect(plain[7]).not.toBe(0);
  });
});

describe('model files', () => {
  it('reads the dense format 3 and the sparse format 4 to the same labels', () => {
    const bits = 12;
    const dense = randomWeights(bits, 3);
    const weights: LinearWeights = {
      weights: dense,
      scale: 0.002,
      mask: (1 << bits) - 1,
      trans,
      oFree: true,
    };
    const lexicon = { gazetteer: { LOC: ['Kabul'] }, lowerVocab: ['the'] };
    const v4 = mkdtempSync(join(tmpdir(), 'ner-v4-'));
    saveModel(v4, { weights, stacked: true }, bits, lexicon, {});
    const v3 = mkdtempSync(join(tmpdir(), 'ner-v3-'));
    saveModel(v3, { weights, stacked: true }, bits, lexicon, {});
    const header = readModel(v4).header;
    writeFileSync(join(v3, 'model.json'), JSON.stringify({ ...header, format: 'sitrep-ner/3' }));
    writeFileSync(join(v3, 'weights.bin.gz'), gzipSync(Buffer.from(dense.buffer)));
    const a = readModel(v4);
    const b = readModel(v3);
    expect(a.header.format).toBe('sitrep-ner/4');
    expect(b.weights.weights).toEqual(a.weights.weights);
    expect(b.weights.index).toEqual(a.weights.index);
    const words = ['Taliban', 'fighters', 'attacked', 'Kabul', 'on', 'Monday', '.'];
    const doc = { words, sentences: [[0, words.length] as const] };
    const plain = new LinearRecognizer(weights, a.lexicon, { stacked: true }).labelDocument(doc);
    expect(new LinearRecognizer(a.weights, a.lexicon, { stacked: true }).labelDocument(doc)).toEqual(plain);
    expect(new LinearRecognizer(b.weights, b.lexicon, { stacked: true }).labelDocument(doc)).toEqual(plain);
  });
});
