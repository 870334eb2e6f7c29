// Geoparsing throughput on one core, NER excluded: `npx tsx bench/geo.ts`. Tokens, sentences
// and NER mentions are computed first; the timed loop runs findToponyms + resolveToponyms.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGazetteer } from '../src/kb/gazetteer/index.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';
import { nerOrNull } from '../src/resolve/geo/evaluate.js';
import { findToponyms, resolveToponyms } from '../src/resolve/geo/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const corpora = ['../shared/data/geo/trnews.jsonl', '../shared/data/geo/geovirus.jsonl']
  .map((p) => resolve(ROOT, p))
  .filter((p) => existsSync(p));
const files = corpora.length ? corpora : [resolve(ROOT, 'test/fixtures/geo-mini.jsonl')];
const texts = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text),
);

const t0 = performance.now();
const gaz = loadGazetteer();
const loadMs = performance.now() - t0;
const ner = nerOrNull();
const inputs = texts.map((text) => {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  return {
    text,
    tokens,
    sentences,
    nerMentions: ner?.recognize(text, tokens, sentences) ?? [],
    datelineSpan: null,
  };
});

const geoparse = (): number => {
  let places = 0;
  for (const input of inputs) {
    const toponyms = findToponyms(input, gaz);
    places += resolveToponyms({ text: input.text, toponyms, dateline: null }, gaz).length;
  }
  return places;
};
geoparse(); // warm-up: fills the gazetteer's parse caches as a long-running process would
const t1 = performance.now();
const places = geoparse();
const seconds = (performance.now() - t1) / 1000;
console.log(
  JSON.stringify({
    documents: inputs.length,
    places,
    docsPerSecond: Math.round(inputs.length / seconds),
    gazetteerLoadMs: Math.round(loadMs),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }),
);
