/**
 * The model on disk, in data/models/ner/:
 * - model.json — header: format, hash bits, label/template counts, Int16 scale, transition weights, provenance;
 * - weights.bin.gz — gzip of the Int16 little-endian weight matrix `[bucket][label]`, labels 1–16
 *   (O's weight subtracted out: see LinearWeights.oFree);
 * - lexicon.json.gz — gzip of the LexiconData JSON (gazetteer by type, lower-case vocabulary, clusters).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_TEMPLATES } from './features.js';
import { NUM_LABELS } from './labels.js';
import { lexiconFromData, type Lexicon, type LexiconData } from './lexicon.js';
import type { LinearWeights } from './perceptron.js';

/** Format tag; bump when features or layout change. */
export const MODEL_FORMAT = 'sitrep-ner/3';

/** The JSON header of a model. */
export interface ModelHeader {
  readonly format: string;
  readonly bits: number;
  readonly labels: number;
  readonly templates: number;
  readonly scale: number;
  readonly trans: number[];
  /** Run two passes with these weights, the second with the first's votes (RecognizerOptions.stacked). */
  readonly stacked?: boolean;
  readonly provenance: Record<string, unknown>;
}

/** A model's weights, and whether they run as a stacked pair of passes. */
export interface ModelWeights {
  readonly weights: LinearWeights;
  /** Two passes with the same weights (see ModelHeader.stacked). */
  readonly stacked?: boolean;
}

/** Int16 weights without the O column (see LinearWeights.oFree). */
function quantised(m: LinearWeights): { q: Int16Array; scale: number } {
  if (m.weights instanceof Int16Array) {
    if (!m.oFree) throw new Error('quantised weights must be O-free');
    return { q: m.weights, scale: m.scale };
  }
  if (m.oFree) return quantise(m.weights);
  const rows = m.weights.length / NUM_LABELS;
  const free = new Float32Array(rows * (NUM_LABELS - 1));
  for (let r = 0; r < rows; r++) {
    const o = m.weights[r * NUM_LABELS] ?? 0;
    for (let y = 1; y < NUM_LABELS; y++)
      free[r * (NUM_LABELS - 1) + y - 1] = (m.weights[r * NUM_LABELS + y] ?? 0) - o;
  }
  return quantise(free);
}

function writeWeights(path: string, q: Int16Array): void {
  writeFileSync(path, gzipSync(Buffer.from(q.buffer, q.byteOffset, q.byteLength), { level: 9 }));
}

function readWeights(path: string): Int16Array {
  const raw = gunzipSync(readFileSync(path));
  // a view when the buffer is aligned (it is, being large and unpooled): no 32 MB copy on load
  if (raw.byteOffset % 2 === 0) return new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const q = new Int16Array(raw.byteLength / 2);
  new Uint8Array(q.buffer).set(raw);
  return q;
}

/** Quantises weights to Int16 with one scale for the whole matrix. */
export function quantise(w: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let k = 0; k < w.length; k++) max = Math.max(max, Math.abs(w[k] ?? 0));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let k = 0; k < w.length; k++) q[k] = Math.round((w[k] ?? 0) / scale);
  return { q, scale };
}

/** Writes a model directory. */
export function saveModel(
  dir: string,
  model: ModelWeights,
  bits: number,
  lexicon: LexiconData,
  provenance: Record<string, unknown>,
): void {
  mkdirSync(dir, { recursive: true });
  const m = model.weights;
  const { q, scale } = quantised(m);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    bits,
    labels: NUM_LABELS,
    templates: NUM_TEMPLATES,
    scale,
    trans: Array.from(m.trans),
    ...(model.stacked ? { stacked: true } : {}),
    provenance,
  };
  writeWeights(join(dir, 'weights.bin.gz'), q);
  rmSync(join(dir, 'weights2.bin.gz'), { force: true }); // left by earlier two-table formats
  writeFileSync(join(dir, 'lexicon.json.gz'), gzipSync(JSON.stringify(lexicon), { level: 9 }));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(header, null, 1) + '\n');
}

/** Reads a model directory, checking that it matches this code's features and labels. */
export function readModel(dir: string): ModelWeights & { lexicon: Lexicon; header: ModelHeader } {
  const header = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelHeader;
  if (header.format !== MODEL_FORMAT || header.labels !== NUM_LABELS || header.templates !== NUM_TEMPLATES) {
    throw new Error(
      `NER model in ${dir} is ${header.format} with ${header.templates} templates; this code needs ${MODEL_FORMAT} with ${NUM_TEMPLATES}: run \`npm run train:ner\``,
    );
  }
  const mask = (1 << header.bits) - 1;
  const lexicon = lexiconFromData(
    JSON.parse(gunzipSync(readFileSync(join(dir, 'lexicon.json.gz'))).toString('utf8')) as LexiconData,
  );
  const weights: LinearWeights = {
    weights: readWeights(join(dir, 'weights.bin.gz')),
    scale: header.scale,
    mask,
    trans: Float32Array.from(header.trans),
    oFree: true,
  };
  return { weights, stacked: header.stacked === true, lexicon, header };
}
