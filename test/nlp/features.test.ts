import { describe, expect, it } from 'vitest';
import {
  NUM_TEMPLATES,
  STACK_FIRST,
  extractFeatures,
  normalizeWord,
  shortShape,
  wordShape,
} from '../../src/nlp/ner/features.js';
import { CHANNELS, emptyLexicon, gazetteerTags, lexiconFromData } from '../../src/nlp/ner/lexicon.js';

describe('feature extractor', () => {
  it('computes word shapes', () => {
    expect(wordShape('Peshawar')).toBe('Xxxx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('2024')).toBe('ddd');
    expect(shortShape(wordShape('Tehreek-E-Taliban'))).toBe('Xx-X-Xx');
    expect(normalizeWord('ISKP’s')).toBe("ISKP's");
  });

  it('gives every token the same number of features, deterministically', () => {
    const input = {
      words: ['Ahmed', 'Khan', 'visited', 'Peshawar', '.'],
      sentences: [[0, 5]] as [number, number][],
    };
    const a = extractFeatures(input, emptyLexicon());
    const b = extractFeatures(input, emptyLexicon());
    expect(a.length).toBe(5 * NUM_TEMPLATES);
    expect(a).toEqual(b);
  });

  it('depends on the context: same word, different neighbours, different context features', () => {
    const lex = emptyLexicon();
    const f1 = extractFeatures({ words: ['in', 'Kunar', 'province'], sentences: [[0, 3]] }, lex);
    const f2 = extractFeatures({ words: ['by', 'Kunar', 'himself'], sentences: [[0, 3]] }, lex);
    const t1 = f1.slice(NUM_TEMPLATES, 2 * NUM_TEMPLATES);
    const t2 = f2.slice(NUM_TEMPLATES, 2 * NUM_TEMPLATES);
    expect(t1[1]).toBe(t2[1]); // the word itself
    expect(t1[4]).not.toBe(t2[4]); // the previous word
  });

  it('marks gazetteer matches with BILOU parts per type, longest match first', () => {
    const lex = lexiconFromData({
      gazetteer: { LOC: ['South Waziristan', 'Waziristan'], PER: [], ORG: [], MISC: [] },
      lowerVocab: [],
    });
    const words = ['in', 'South', 'Waziristan', 'and', 'Waziristan'];
    const out = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, out);
    const loc = Array.from(out, (g) => (g >> 6) & 7);
    expect(loc).toEqual([0, 1, 3, 0, 4]);
  });
});

describe('gazetteer channels and stacking', () => {
  it('matches all-caps words by their title-case form and keeps project lists in their own channels', () => {
    const lex = lexiconFromData({
      gazetteer: { LOC: [], PER: [], ORG: [], MISC: [], KB_ORG: ['Boko Haram'], PLACE: ['Peshawar'] },
      lowerVocab: [],
    });
    const words = ['PESHAWAR', ':', 'Boko', 'Haram', 'fighters'];
    const out = new Int32Array(words.length);
    gazetteerTags(words, 0, words.length, lex, out, ['Peshawar', ':', 'Boko', 'Haram', 'fighters']);
    const channel = (k: number): number[] => Array.from(out, (g) => (g >> (3 * k)) & 7);
    expect(channel(CHANNELS.indexOf('PLACE'))).toEqual([4, 0, 0, 0, 0]);
    expect(channel(CHANNELS.indexOf('KB_ORG'))).toEqual([0, 0, 1, 3, 0]);
    expect(channel(CHANNELS.indexOf('LOC'))).toEqual([0, 0, 0, 0, 0]);
  });

  it('turns a first pass into document-level votes only when a prior is given', () => {
    const words = ['Haram', 'said', '.', 'Haram', 'attacked', '.'];
    const sentences: [number, number][] = [
      [0, 3],
      [3, 6],
    ];
    const lex = emptyLexicon();
    const none = extractFeatures({ words, sentences }, lex);
    const prior = new Uint8Array([8, 0, 0, 0, 0, 0]); // U-ORG on the first "Haram" only
    const voted = extractFeatures({ words, sentences, prior }, lex);
    const slot = (f: Uint32Array, i: number): number => f[i * NUM_TEMPLATES + STACK_FIRST] ?? 0;
    expect(slot(voted, 3)).not.toBe(slot(none, 3)); // the second "Haram" hears the first one's ORG vote
    expect(slot(voted, 1)).toBe(slot(none, 1)); // lower-case words do not vote
    expect(voted.slice(0, STACK_FIRST)).toEqual(none.slice(0, STACK_FIRST));
  });
});
