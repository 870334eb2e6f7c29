/**
 * The model on disk, in data/models/ner/:
 * - model.json — header: format, hash bits, label/template counts, Int16 scale, transition weights, provenance;
 * - weights.bin.gz — gzip of the weight matrix `[bucket][label]`, Int16 little-endian, labels 1–16
 *   (O's weight subtracted out: see LinearWeights.oFree). Format 4 stores it sparse: the index of
 *   `sparseRows` (Uint32 pairs per 32 buckets), then the zero row and the non-zero rows. Format 3
 *   (still read, and made sparse on load) stored every row;
 * - lexicon.json.gz — gzip of the LexiconData JSON (gazetteer by type, lower-case vocabulary, clusters).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_TEMPLATES } from './features.js';
import { NUM_LABELS } from './labels.js';
import { lexiconFromData, type Lexicon, type LexiconData } from './lexicon.js';
import { popcount, sparseRows, type LinearWeights } from './perceptron.js';

/** Format tag; bump when features or layout change. */
export const MODEL_FORMAT = 'sitrep-ner/4';
/** The previous format: the same features with a dense weight matrix. */
const DENSE_FORMAT = 'sitrep-ner/3';

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

/** Int16 weights without the O column (see LinearWeights.oFree), in the sparse layout. */
function quantised(m: LinearWeights): { index: Uint32Array; rows: Int16Array; scale: number } {
  const stride = NUM_LABELS - 1;
  if (m.weights instanceof Int16Array) {
    if (!m.oFree) throw new Error('quantised weights must be O-free');
    return m.index
      ? { index: m.index, rows: m.weights, scale: m.scale }
      : { ...sparseRows(m.weights, stride), scale: m.scale };
  }
  if (m.oFree) {
    const { q, scale } = quantise(m.weights);
    return { ...sparseRows(q, stride), scale };
  }
  const rows = m.weights.length / NUM_LABELS;
  const free = new Float32Array(rows * stride);
  for (let r = 0; r < rows; r++) {
    const o = m.weights[r * NUM_LABELS] ?? 0;
    for (let y = 1; y < NUM_LABELS; y++) free[r * stride + y - 1] = (m.weights[r * NUM_LABELS + y] ?? 0) - o;
  }
  const { q, scale } = quantise(free);
  return { ...sparseRows(q, stride), scale };
}

function writeWeights(path: string, index: Uint32Array, rows: Int16Array): void {
  const bytes = Buffer.concat([
    Buffer.from(index.buffer, index.byteOffset, index.byteLength),
    Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength),
  ]);
  writeFileSync(path, gzipSync(bytes, { level: 9 }));
}

/** Reads weights.bin.gz: format 4's sparse layout, or format 3's dense matrix made sparse. */
function readWeights(path: string, bits: number, sparse: boolean): { index: Uint32Array; rows: Int16Array } {
  const raw = gunzipSync(readFileSync(path));
  const buckets = 1 << bits;
  const stride = NUM_LABELS - 1;
  if (!sparse) {
    if (raw.byteLength !== buckets * stride * 2)
      throw new Error(`${path}: ${raw.byteLength} bytes, not a ${bits}-bit dense matrix`);
    return sparseRows(int16s(raw, 0, raw.byteLength / 2), stride);
  }
  const indexBytes = Math.ceil(buckets / 32) * 8;
  // copied, not viewed: the index is small, and a Uint32 view needs 4-byte alignment
  const index = new Uint32Array(indexBytes / 4);
  new Uint8Array(index.buffer).set(raw.subarray(0, indexBytes));
  let kept = 1;
  for (let k = 1; k < index.length; k += 2) kept += popcount(index[k]!);
  if (raw.byteLength !== indexBytes + kept * stride * 2)
    throw new Error(`${path}: ${raw.byteLength} bytes, but its index lists ${kept} rows`);
  return { index, rows: int16s(raw, indexBytes, kept * stride) };
}

/** An Int16 view of `length` values at `byteOffset` of a buffer (a copy only when misaligned). */
function int16s(raw: Buffer, byteOffset: number, length: number): Int16Array {
  const at = raw.byteOffset + byteOffset;
  if (at % 2 === 0) return new Int16Array(raw.buffer, at, length);
  const q = new Int16Array(length);
  new Uint8Array(q.buffer).set(raw.subarray(byteOffset, byteOffset + length * 2));
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
  const { index, rows, scale } = quantised(m);
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
  writeWeights(join(dir, 'weights.bin.gz'), index, rows);
  rmSync(join(dir, 'weights2.bin.gz'), { force: true }); // left by earlier two-table formats
  writeFileSync(join(dir, 'lexicon.json.gz'), gzipSync(JSON.stringify(lexicon), { level: 9 }));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(header, null, 1) + '\n');
}

/** Reads a model directory, checking that it matches this code's features and labels. */
export function readModel(dir: string): ModelWeights & { lexicon: Lexicon; header: ModelHeader } {
  const header = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelHeader;
  const sparse = header.format === MODEL_FORMAT;
  if (
    !(sparse || header.format === DENSE_FORMAT) ||
    header.labels !== NUM_LABELS ||
    header.templates !== NUM_TEMPLATES
  ) {
    throw new Error(
      `NER model in ${dir} is ${header.format} with ${header.templates} templates; this code needs ${MODEL_FORMAT} with ${NUM_TEMPLATES}: run \`npm run train:ner\``,
    );
  }
  const mask = (1 << header.bits) - 1;
  const lexicon = lexiconFromData(
    JSON.parse(gunzipSync(readFileSync(join(dir, 'lexicon.json.gz'))).toString('utf8')) as LexiconData,
  );
  const { index, rows } = readWeights(join(dir, 'weights.bin.gz'), header.bits, sparse);
  const weights: LinearWeights = {
    weights: rows,
    index,
    scale: header.scale,
    mask,
    trans: Float32Array.from(header.trans),
    oFree: true,
  };
  return { weights, stacked: header.stacked === true, lexicon, header };
}
