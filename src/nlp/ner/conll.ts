/**
 * CoNLL-format reading and conlleval-style span scoring. A file holds one token per line with
 * the NER tag in the last column (BIO1 or BIO2); blank lines separate sentences and
 * "-DOCSTART-" lines separate documents.
 */
import { TYPES, type TokenSpan } from './labels.js';

/** One document of a CoNLL file. */
export interface ConllDocument {
  readonly words: string[];
  readonly tags: string[];
  /** Sentences as `[firstToken, endToken)`. */
  readonly sentences: [number, number][];
}

/** Parses CoNLL text into documents; a file without -DOCSTART- lines is one document. */
export function parseConll(text: string, stripPrefix = ''): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { words: [], tags: [], sentences: [] };
  let sentStart = 0;
  const closeSentence = (): void => {
    if (doc.words.length > sentStart) doc.sentences.push([sentStart, doc.words.length]);
    sentStart = doc.words.length;
  };
  const closeDoc = (): void => {
    closeSentence();
    if (doc.words.length > 0) docs.push(doc);
    doc = { words: [], tags: [], sentences: [] };
    sentStart = 0;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') closeSentence();
    else if (line.startsWith('-DOCSTART-')) closeDoc();
    else {
      const cols = line.split(/\s+/);
      let word = cols[0] ?? '';
      if (stripPrefix && word.startsWith(stripPrefix)) word = word.slice(stripPrefix.length);
      doc.words.push(word);
      doc.tags.push(cols.length > 1 ? (cols[cols.length - 1] ?? 'O') : 'O');
    }
  }
  closeDoc();
  return docs;
}

/** Chunks of a tag sequence with conlleval semantics (B- or a type change starts a chunk; BIO1 and BIO2). */
export function spansFromTags(tags: readonly string[], start = 0, end = tags.length): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open = -1,
    type = -1;
  for (let i = start; i <= end; i++) {
    const tag = i < end ? (tags[i] ?? 'O') : 'O';
    const prefix = tag[0];
    const t = tag === 'O' ? -1 : TYPES.indexOf(tag.slice(2) as (typeof TYPES)[number]);
    const begins = t >= 0 && (prefix === 'B' || prefix === 'S' || prefix === 'U' || t !== type);
    if (open >= 0 && (t < 0 || begins)) {
      out.push({ start: open, end: i, type });
      open = -1;
    }
    if (begins) open = i;
    type = t;
    if (t >= 0 && (prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U')) {
      out.push({ start: open, end: i + 1, type: t });
      open = -1;
      type = -1;
    }
  }
  return out;
}

/** Counts per type: true positives, predicted, gold. */
export interface Counts {
  tp: number[];
  pred: number[];
  gold: number[];
}

/** Zeroed counts. */
export function newCounts(): Counts {
  return { tp: TYPES.map(() => 0), pred: TYPES.map(() => 0), gold: TYPES.map(() => 0) };
}

/** Adds exact span+type matches between predicted and gold spans. */
export function addCounts(counts: Counts, pred: readonly TokenSpan[], gold: readonly TokenSpan[]): void {
  const goldKeys = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const s of gold) counts.gold[s.type] = (counts.gold[s.type] ?? 0) + 1;
  for (const s of pred) {
    counts.pred[s.type] = (counts.pred[s.type] ?? 0) + 1;
    if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) counts.tp[s.type] = (counts.tp[s.type] ?? 0) + 1;
  }
}

/** Precision, recall and F1 in percent. */
export interface Prf {
  p: number;
  r: number;
  f1: number;
  gold: number;
  pred: number;
}

function prf(tp: number, pred: number, gold: number): Prf {
  const p = pred ? (100 * tp) / pred : 0;
  const r = gold ? (100 * tp) / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold, pred };
}

/** Overall (micro-averaged) and per-type scores. */
export function scoreCounts(c: Counts): { overall: Prf; perType: Record<string, Prf> } {
  const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
  const perType: Record<string, Prf> = {};
  TYPES.forEach((t, k) => (perType[t] = prf(c.tp[k] ?? 0, c.pred[k] ?? 0, c.gold[k] ?? 0)));
  return { overall: prf(sum(c.tp), sum(c.pred), sum(c.gold)), perType };
}
