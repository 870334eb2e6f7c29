import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../src/nlp/ner/conll.js';
import { emptyLexicon } from '../../src/nlp/ner/lexicon.js';
import { readModel, saveModel } from '../../src/nlp/ner/model-file.js';
import { LinearRecognizer, passLabels } from '../../src/nlp/ner/recognizer.js';
import { scoreWeights, trainPerceptron } from '../../src/nlp/ner/train.js';

const fixture = new URL('../fixtures/ner-tiny.conll', import.meta.url);

describe('perceptron training', () => {
  it('learns a tiny corpus', () => {
    const docs = parseConll(readFileSync(fixture, 'utf8'));
    expect(docs).toHaveLength(2);
    const lexicon = emptyLexicon();
    const result = trainPerceptron(docs, [], lexicon, { bits: 14, epochs: 10, seed: 1 });
    expect(scoreWeights(result.weights, lexicon, docs).f1).toBe(100);
  });

  it('is deterministic for a seed', () => {
    const docs = parseConll(readFileSync(fixture, 'utf8'));
    const a = trainPerceptron(docs, [], emptyLexicon(), { bits: 12, epochs: 3, seed: 5 });
    const b = trainPerceptron(docs, [], emptyLexicon(), { bits: 12, epochs: 3, seed: 5 });
    expect(a.weights.weights).toEqual(b.weights.weights);
  });
});

describe('stacked model file', () => {
  it('saves and reloads a stacked model, labelling as before', () => {
    const docs = parseConll(readFileSync(fixture, 'utf8'));
    const lexicon = emptyLexicon();
    const first = trainPerceptron(docs, [], lexicon, { bits: 12, epochs: 5, seed: 1 }).weights;
    const voted = docs.map((d) => ({ ...d, prior: passLabels(first, lexicon, d) }));
    const weights = trainPerceptron([...docs, ...voted], [], lexicon, {
      bits: 12,
      epochs: 5,
      seed: 2,
    }).weights;
    const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
    saveModel(dir, { weights, stacked: true }, 12, { gazetteer: {}, lowerVocab: [] }, {});
    const loaded = readModel(dir);
    expect(loaded.stacked).toBe(true);
    const before = new LinearRecognizer(weights, lexicon, { stacked: true });
    const after = new LinearRecognizer(loaded.weights, loaded.lexicon, { stacked: true });
    const spans = (r: LinearRecognizer, d: (typeof docs)[number]): number[][] =>
      r.labelDocument(d).map((s) => [s.start, s.end, s.type]);
    for (const d of docs) expect(spans(after, d)).toEqual(spans(before, d));
    expect(scoreWeights(weights, lexicon, docs).f1).toBeGreaterThan(90);
  });
});
