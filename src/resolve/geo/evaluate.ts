/**
 * Geoparsing evaluation over documents in the shared corpora's format: resolution given the
 * gold toponym spans (Acc@161, mean and median error) and end-to-end recognition
 * (overlap-matched P/R/F1, Acc@161 of the recognised gold toponyms).
 */
import { overlaps } from '../../core/index.js';
import type { Gazetteer } from '../../kb/gazetteer/index.js';
import { loadNerModel, splitSentences, tokenize, type NerModel } from '../../nlp/index.js';
import { distanceKm } from './distance.js';
import { findToponyms } from './find-toponyms.js';
import { goldToponym } from './gold-toponym.js';
import { resolveToponyms } from './resolve-toponyms.js';
import type { ResolvedPlace } from './types.js';

/** A gold toponym: span, phrase and coordinates. */
export interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly lat: number;
  readonly lon: number;
}

/** A document of the evaluation corpora (`../shared/data/geo/*.jsonl`). */
export interface GeoDocument {
  readonly id: string;
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
}

/** The figures `sitrep eval geo --json` prints. */
export interface GeoReport {
  readonly resolve: { n: number; accAt161: number; meanKm: number; medianKm: number };
  readonly endToEnd: { p: number; r: number; f1: number; accAt161: number };
  readonly docsPerSecond: number;
}

/** Error charged for a toponym that could not be resolved: half the Earth's circumference. */
const UNRESOLVED_KM = 20_038;
const ACC_KM = 161;

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function errorKm(gold: GoldToponym, found: ResolvedPlace | undefined): number {
  return found ? distanceKm(gold, { lat: found.geo.lat, lon: found.geo.lon }) : UNRESOLVED_KM;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Errors in km of resolving each gold toponym of a document given its span. */
export function resolutionErrors(doc: GeoDocument, gaz: Gazetteer): number[] {
  const toponyms = doc.toponyms.map((t) => goldToponym(doc.text, t.start, t.end));
  const resolved = resolveToponyms({ text: doc.text, toponyms, dateline: null }, gaz);
  return doc.toponyms.map((g) =>
    errorKm(
      g,
      resolved.find((r) => r.start === g.start && r.end === g.end),
    ),
  );
}

/**
 * The shipped NER, or null when it cannot be loaded (a model file out of step with the code):
 * geoparsing then runs on gazetteer matching alone, and says so on stderr.
 */
export function nerOrNull(): NerModel | null {
  try {
    return loadNerModel();
  } catch (err) {
    process.stderr.write(`eval geo: NER unavailable, gazetteer matching only (${String(err)})\n`);
    return null;
  }
}

/** Recognised and resolved toponyms of a document, end to end (tokenizer, NER if any, geoparser). */
export function geoparse(text: string, gaz: Gazetteer, ner: NerModel | null): ResolvedPlace[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const nerMentions = ner ? ner.recognize(text, tokens, sentences) : [];
  const toponyms = findToponyms({ text, tokens, sentences, nerMentions, datelineSpan: null }, gaz);
  return resolveToponyms({ text, toponyms, dateline: null }, gaz);
}

interface EndToEndCounts {
  found: number;
  gold: number;
  truePositives: number;
  goldMatched: number;
  goldWithin161: number;
}

function countEndToEnd(doc: GeoDocument, found: readonly ResolvedPlace[], c: EndToEndCounts): void {
  c.found += found.length;
  c.gold += doc.toponyms.length;
  c.truePositives += found.filter((f) => doc.toponyms.some((g) => overlaps(f, g))).length;
  for (const g of doc.toponyms) {
    const hit = found.find((f) => overlaps(f, g));
    if (!hit) continue;
    c.goldMatched++;
    if (errorKm(g, hit) <= ACC_KM) c.goldWithin161++;
  }
}

/** Both measures over a corpus; docs/s is the end-to-end rate (tokenizer and NER included). */
export function evaluateGeo(
  docs: readonly GeoDocument[],
  gaz: Gazetteer,
  ner: NerModel | null = nerOrNull(),
): GeoReport {
  const errors = docs.flatMap((d) => resolutionErrors(d, gaz));
  const c: EndToEndCounts = { found: 0, gold: 0, truePositives: 0, goldMatched: 0, goldWithin161: 0 };
  const t0 = performance.now();
  const parsed = docs.map((d) => geoparse(d.text, gaz, ner));
  const seconds = (performance.now() - t0) / 1000;
  docs.forEach((d, i) => countEndToEnd(d, parsed[i] ?? [], c));
  const p = c.found ? c.truePositives / c.found : 0;
  const r = c.gold ? c.goldMatched / c.gold : 0;
  return {
    resolve: {
      n: errors.length,
      accAt161: round(errors.length ? errors.filter((e) => e <= ACC_KM).length / errors.length : 0),
      meanKm: round(errors.length ? errors.reduce((s, e) => s + e, 0) / errors.length : 0, 1),
      medianKm: round(median(errors), 1),
    },
    endToEnd: {
      p: round(p),
      r: round(r),
      f1: round(p + r ? (2 * p * r) / (p + r) : 0),
      accAt161: round(c.goldMatched ? c.goldWithin161 / c.goldMatched : 0),
    },
    docsPerSecond: round(seconds > 0 ? docs.length / seconds : 0, 1),
  };
}
