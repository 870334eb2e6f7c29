import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../src/nlp/ner/conll.js';
import { NUM_TEMPLATES, STACK_FIRST } from '../../src/nlp/ner/features.js';
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
  it('saves and reloads both passes, labelling as before', () => {
    const docs = parseConll(readFileSync(fixture, 'utf8'));
    const lexicon = emptyLexicon();
    const first = trainPerceptron(docs, [], lexicon, { bits: 12, epochs: 5, seed: 1 }).weights;
    const withPrior = docs.map((d) => {
      const pass = passLabels(first, lexicon, d);
      return { ...d, prior: pass.labels, base: pass.emit };
    });
    const range = [STACK_FIRST, NUM_TEMPLATES - STACK_FIRST] as const;
    const second = trainPerceptron(withPrior, [], lexicon, { bits: 10, epochs: 5, seed: 2, templates: range }).weights;
    const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
    saveModel(dir, { weights: first, stage2: second }, 12, { gazetteer: {}, lowerVocab: [] }, {});
    const loaded = readModel(dir);
    expect(loaded.stage2).toBeDefined();
    const before = new LinearRecognizer(first, lexicon, {}, second);
    const after = new LinearRecognizer(loaded.weights, loaded.lexicon, {}, loaded.stage2);
    for (const d of docs) expect(after.labelDocument(d).map((s) => [s.start, s.end, s.type])).toEqual(
      before.labelDocument(d).map((s) => [s.start, s.end, s.type]),
    );
  });
});
