/**
 * Rebuilds the shipped NER model (data/models/ner/) from ../shared/data/ner/ and the project's
 * own data: an averaged structured perceptron over hashed features, trained on CoNLL-2003 train
 * (plus dateline-joined copies of its story openings), wikigold and the team-written
 * conflict-news sentences in data/ner-extra/, epochs chosen on CoNLL-2003 dev. Then the stacked
 * model: 4-fold jackknifed first-pass labels give each training document its document-level votes,
 * and one set of weights is trained on every document without and with votes (run twice at run
 * time). Gazetteer channels: names harvested from WikiANN (en), reference-KB actors (data/kb/),
 * gazetteer places (data/gazetteer/places.tsv) and given names. Deterministic for a seed and the
 * same input files. Also scores the held-out news sample (never trained on).
 *
 *   npm run train:ner -- [--seed 1] [--epochs 20] [--bits 20] [--folds 4] [--no-wikigold] [--extra 3]
 *                        [--no-lists] [--no-datelines] [--data ../shared/data/ner] [--out data/models/ner] [--no-save]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConll, spansFromTags, type ConllDocument } from '../src/nlp/ner/conll.js';
import { evaluateDocuments, type NerScore } from '../src/nlp/ner/evaluate.js';
import { normalizeWord } from '../src/nlp/ner/features.js';
import { TYPES } from '../src/nlp/ner/labels.js';
import { CHANNELS, lexiconFromData, type LexiconData } from '../src/nlp/ner/lexicon.js';
import { saveModel, type ModelWeights } from '../src/nlp/ner/model-file.js';
import { givenNames, kbNames, placeNames, type KbActorNames } from '../src/nlp/ner/name-lists.js';
import type { LinearWeights } from '../src/nlp/ner/perceptron.js';
import { LinearRecognizer, passLabels } from '../src/nlp/ner/recognizer.js';
import { trainPerceptron, type TrainDocument } from '../src/nlp/ner/train.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '20' },
    /** Stop after this many epochs without a better dev score. */
    patience: { type: 'string', default: '3' },
    bits: { type: 'string', default: '20' },
    data: { type: 'string', default: '../shared/data/ner' },
    out: { type: 'string', default: 'data/models/ner' },
    'no-save': { type: 'boolean', default: false },
    /** Lists from the project's data (KB actors, gazetteer places, given names); --no-lists for the CoNLL-only baseline. */
    'no-lists': { type: 'boolean', default: false },
    /** Smallest population of a gazetteer place used as a name (countries and admin areas always). */
    'place-pop': { type: 'string', default: '5000' },
    /** Train on wikigold too (its names then leave the harvested gazetteer). */
    wikigold: { type: 'boolean', default: true },
    /** Times the team-written sentences of data/ner-extra/ are repeated per epoch (0: not used). */
    extra: { type: 'string', default: '3' },
    /** Add copies of CoNLL datelines joined to the story's first sentence ("LONDON - ..."). */
    datelines: { type: 'boolean', default: true },
    /** Add an upper-cased copy of every Nth CoNLL train document (0: none), for all-caps text (headlines, MUC-style wire). */
    upper: { type: 'string', default: '5' },
    /** Evaluate this held-out file after training (not trained on). */
    check: { type: 'string', default: 'test/fixtures/ner-news-sample.conll' },
    /** Folds of the jackknife that gives the stacked pass its votes (0: one pass, no stacking). */
    folds: { type: 'string', default: '4' },
  },
  allowNegative: true,
});
const seed = Number(args.seed),
  maxEpochs = Number(args.epochs),
  bits = Number(args.bits);
const t0 = performance.now();
const log = (msg: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const read = (path: string, strip = ''): ConllDocument[] =>
  parseConll(readFileSync(join(args.data, path), 'utf8'), strip);
const conllTrain = read('conll2003/train.txt');
const dev = read('conll2003/valid.txt');
const wikiann = ['train', 'dev', 'test'].flatMap((s) => read(`wikiann-en/${s}`, 'en:'));
const wikigold = read('wikigold/wikigold.conll.txt');
const extraDir = 'data/ner-extra';
const extra = existsSync(extraDir)
  ? readdirSync(extraDir)
      .filter((f) => f.endsWith('.conll'))
      .sort()
      .flatMap((f) => parseConll(readFileSync(join(extraDir, f), 'utf8')))
      .map(normalizeDoc)
  : [];
const extraTimes = Number(args.extra);
const train = [
  ...conllTrain,
  ...(args.datelines ? datelineCopies(conllTrain) : []),
  ...upperCopies(conllTrain, Number(args.upper)),
  ...(args.wikigold ? wikigold : []),
  ...Array.from({ length: extraTimes }, () => extra).flat(),
];
log(
  `read ${conllTrain.length} CoNLL train docs, ${dev.length} dev docs, ${extra.length} team-written docs (x${extraTimes}); training on ${train.length} docs`,
);

const lexiconData = buildLexicon(
  args.wikigold ? wikiann : [...wikiann, ...wikigold],
  [conllTrain, wikiann, wikigold].flat(),
);
const lexicon = lexiconFromData(lexiconData);
log(
  `lexicon: ${CHANNELS.map((t) => `${t} ${lexiconData.gazetteer[t]?.length ?? 0}`).join(', ')}; ${lexiconData.lowerVocab.length} lower-case words`,
);

function normalizeDoc(d: ConllDocument): ConllDocument {
  return { ...d, words: d.words.map(normalizeWord) };
}

/** Upper-cased copies of every `every`th document: all-caps wire text keeps the names but loses the case cues. */
function upperCopies(docs: readonly ConllDocument[], every: number): ConllDocument[] {
  if (!(every > 0)) return [];
  return docs
    .filter((_, k) => k % every === 0)
    .map((d) => ({ ...d, words: d.words.map((w) => w.toUpperCase()) }));
}

/**
 * CoNLL stories open with a dateline sentence ("LONDON 1996-08-30"); news on the web runs the
 * dateline into the first sentence ("PESHAWAR, Pakistan - ..."). One copy per story of that
 * joined form teaches the model all-caps place names inside ordinary sentences.
 */
function datelineCopies(docs: readonly ConllDocument[]): ConllDocument[] {
  const out: ConllDocument[] = [];
  docs.forEach((d, k) => {
    for (let s = 0; s + 1 < d.sentences.length; s++) {
      const [a, b] = d.sentences[s] ?? [0, 0];
      const next = d.sentences[s + 1] ?? [0, 0];
      const last = d.words[b - 1] ?? '';
      if (b - a < 2 || b - a > 4 || !/^\d{4}-\d\d-\d\d$/.test(last)) continue;
      const place = d.words.slice(a, b - 1);
      if (!place.every((w) => /^\p{Lu}[\p{Lu}.'-]*$/u.test(w))) continue;
      const sep = [' - ', ' : ', ' , '][k % 3]!.trim();
      const words = [...place, sep, ...d.words.slice(next[0], next[1])];
      const tags = [...d.tags.slice(a, b - 1), 'O', ...d.tags.slice(next[0], next[1])];
      out.push({ words, tags, sentences: [[0, words.length]] });
      break;
    }
  });
  return out;
}

/** Names by channel and words seen in lower case; CoNLL labels are not used, so gazetteer features are not fitted to the training labels. */
function buildLexicon(nameDocs: readonly ConllDocument[], textDocs: readonly ConllDocument[]): LexiconData {
  const byType = TYPES.map(() => new Set<string>());
  for (const doc of nameDocs) {
    for (const [a, b] of doc.sentences) {
      for (const s of spansFromTags(doc.tags, a, b))
        byType[s.type]?.add(doc.words.slice(s.start, s.end).join(' '));
    }
  }
  const lowerCount = new Map<string, number>();
  for (const doc of textDocs) {
    for (const [a, b] of doc.sentences) {
      for (let i = a + 1; i < b; i++) {
        const w = doc.words[i] ?? '';
        if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w)) lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
      }
    }
  }
  const gazetteer: Record<string, string[]> = {};
  TYPES.forEach((t, k) => (gazetteer[t] = [...(byType[k] ?? [])].sort()));
  if (!args['no-lists']) Object.assign(gazetteer, projectLists(nameDocs));
  const lowerVocab = [...lowerCount]
    .filter(([, c]) => c >= 2)
    .map(([w]) => w)
    .sort();
  return { gazetteer, lowerVocab };
}

/** KB actors, gazetteer places and given names, from the project's data files that exist. */
function projectLists(nameDocs: readonly ConllDocument[]): Record<string, string[]> {
  const actors: KbActorNames[] = existsSync('data/kb')
    ? readdirSync('data/kb')
        .filter((f) => f.endsWith('.json'))
        .sort()
        .flatMap(
          (f) =>
            (JSON.parse(readFileSync(join('data/kb', f), 'utf8')) as { actors?: KbActorNames[] }).actors ??
            [],
        )
    : [];
  const kb = kbNames(actors);
  const placesFile = 'data/gazetteer/places.tsv';
  const places = existsSync(placesFile)
    ? placeNames(readFileSync(placesFile, 'utf8'), Number(args['place-pop']))
    : [];
  const persons = actors.filter((a) => a.type === 'person').map((a) => a.name);
  return { KB_ORG: kb.org, KB_PER: kb.per, PLACE: places, GIVEN: givenNames(nameDocs, persons, 3) };
}

const patience = Number(args.patience);
const best = trainPerceptron(train, dev, lexicon, { bits, epochs: maxEpochs, seed, log, patience });
log(`first pass: best epoch ${best.epoch}, dev F1 ${(best.devScore?.f1 ?? 0).toFixed(2)}`);
const folds = Number(args.folds);
let stackedEpoch = 0;
const model: ModelWeights = folds > 1 ? trainShared(best.epoch) : { weights: best.weights };
const recognizer = (consistency: boolean): LinearRecognizer =>
  new LinearRecognizer(model.weights, lexicon, { consistency, stacked: model.stacked === true });
const final = recognizer(true);
const noConsistency = recognizer(false);
const devF1 = evaluateDocuments(dev, (doc) => noConsistency.labelDocument(doc)).f1;
const withDoc = evaluateDocuments(dev, (doc) => final.labelDocument(doc));
const perType = Object.entries(withDoc.perType)
  .map(([t, v]) => `${t} ${v.f1.toFixed(2)}`)
  .join(', ');
log(`final: dev F1 ${devF1.toFixed(2)}; with document consistency ${withDoc.f1.toFixed(2)} (${perType})`);

/** First-pass labels of each training document from a model trained on the other folds. */
function jackknife(epochs: number): Map<ConllDocument, Uint8Array> {
  const unique = [...new Set(train)];
  const fold = new Map(unique.map((d, k) => [d, k % folds]));
  const pass = new Map<ConllDocument, Uint8Array>();
  for (let k = 0; k < folds; k++) {
    const part = train.filter((d) => fold.get(d) !== k);
    const m = trainPerceptron(part, [], lexicon, { bits, epochs, seed: seed + k + 1 });
    for (const d of unique) if (fold.get(d) === k) pass.set(d, passLabels(m.weights, lexicon, d));
    log(`jackknife fold ${k + 1}/${folds} done`);
  }
  return pass;
}

/**
 * One set of weights for both passes: trained on every document twice, once with the vote
 * templates empty (as in the first pass) and once with votes from jackknifed first-pass labels
 * (as in the second), so the votes it learns to trust come from a model that has not seen the text.
 */
function trainShared(epochs: number): ModelWeights {
  const pass = jackknife(epochs);
  const voted: TrainDocument[] = train.map((d) => ({ ...d, prior: pass.get(d) }));
  const score = (w: LinearWeights): NerScore => {
    const rec = new LinearRecognizer(w, lexicon, { consistency: false, stacked: true });
    return evaluateDocuments(dev, (doc) => rec.labelDocument(doc));
  };
  const r = trainPerceptron([...train, ...voted], dev, lexicon, {
    bits,
    epochs: maxEpochs,
    seed: seed + 100,
    log,
    patience,
    score,
  });
  log(`stacked: best epoch ${r.epoch}, dev F1 ${(r.devScore?.f1 ?? 0).toFixed(2)}`);
  stackedEpoch = r.epoch;
  return { weights: r.weights, stacked: true };
}

let checkF1: number | null = null;
if (args.check && existsSync(args.check)) {
  const docs = parseConll(readFileSync(args.check, 'utf8')).map(normalizeDoc);
  const s = evaluateDocuments(docs, (doc) => final.labelDocument(doc));
  checkF1 = s.f1;
  log(
    `held-out ${args.check}: F1 ${s.f1.toFixed(2)} (${Object.entries(s.perType)
      .map(([t, v]) => `${t} ${v.f1.toFixed(2)}`)
      .join(', ')})`,
  );
}
if (!args['no-save']) {
  saveModel(args.out, model, bits, lexiconData, {
    trainedOn: `CoNLL-2003 English train (Reuters, research licence; text not shipped)${args.datelines ? ' with dateline-joined copies' : ''}${Number(args.upper) > 0 ? ` and upper-cased copies of 1 in ${args.upper} documents` : ''}${args.wikigold ? ', wikigold (CC BY 4.0)' : ''}${extraTimes > 0 && extra.length > 0 ? `, team-written conflict-news sentences (data/ner-extra, x${extraTimes})` : ''}`,
    selectedOn: 'CoNLL-2003 dev (valid.txt)',
    gazetteer: `names from WikiANN en (train+dev+test)${args.wikigold ? '' : ' and wikigold'}${args['no-lists'] ? '' : `; reference KB actors (data/kb); gazetteer places (data/gazetteer/places.tsv, populated places >= ${args['place-pop']}); given names`}`,
    seed,
    firstPassEpoch: best.epoch,
    ...(model.stacked
      ? {
          stacked: `two passes, the second with ${folds}-fold jackknifed first-pass votes`,
          epoch: stackedEpoch,
        }
      : {}),
    devF1: Number(devF1.toFixed(2)),
    devF1WithConsistency: Number(withDoc.f1.toFixed(2)),
    ...(checkF1 === null ? {} : { newsSampleF1: Number(checkF1.toFixed(2)) }),
  });
  log(`saved to ${args.out}`);
}
