// Whole-pipeline throughput: articles/s for extraction (all stages) on one core, over the seed-size
// articles of the example corpus (and the shared eval cases when ../shared is present).
//   npx tsx bench/pipeline.ts [--stages]   (--stages adds CPU ms per article of each stage)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInput } from '../src/ingest/index.js';
import type { IngestedDocument } from '../src/core/index.js';
import { overlaps } from '../src/core/index.js';
import { extractFacts } from '../src/extract/index.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';
import { extractDocument, loadResources } from '../src/pipeline/index.js';
import { resolveEntities } from '../src/resolve/entities/index.js';
import { findToponyms, resolveToponyms } from '../src/resolve/geo/index.js';

const root = resolve(import.meta.dirname, '..');
const dirs = [join(root, 'examples'), resolve(root, '../shared/eval/cases')].filter(existsSync);
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .map((c) => join(d, c, 'article.txt'))
    .filter(existsSync),
);

const t0 = performance.now();
const resources = loadResources();
const loadMs = performance.now() - t0;
const docs: IngestedDocument[] = [];
for (const f of files) {
  const args =
    (JSON.parse(readFileSync(join(f, '..', 'case.json'), 'utf8')) as { args?: { published?: string } })
      .args ?? {};
  docs.push(await readInput(f, args));
}
const chars = docs.reduce((n, d) => n + d.text.length, 0);
for (const d of docs) extractDocument(d, resources); // warm-up
const rounds = Math.max(3, Math.ceil(2000 / docs.length));
// The machine may be shared: CPU time (this process) is reported beside wall time, and the best
// round beside the mean, so a busy neighbour shows as a gap between them rather than as a slowdown.
const roundWall: number[] = [];
const roundCpu: number[] = [];
const c0 = process.cpuUsage();
const t1 = performance.now();
for (let r = 0; r < rounds; r++) {
  const w = performance.now();
  const c = process.cpuUsage();
  for (const d of docs) extractDocument(d, resources);
  roundWall.push((performance.now() - w) / 1000);
  roundCpu.push(cpuSeconds(process.cpuUsage(c)));
}
const sec = (performance.now() - t1) / 1000;
const cpuSec = cpuSeconds(process.cpuUsage(c0));
const n = rounds * docs.length;
const seedChars = existsSync(resolve(root, '../shared/eval/cases/seed/article.txt'))
  ? readFileSync(resolve(root, '../shared/eval/cases/seed/article.txt'), 'utf8').length
  : chars / docs.length;
const seedRate = (totalChars: number, s: number): string => (totalChars / seedChars / s).toFixed(1);
console.log(`resources loaded in ${loadMs.toFixed(0)} ms`);
console.log(`${docs.length} articles (mean ${Math.round(chars / docs.length)} chars) × ${rounds} rounds`);
console.log(
  `pipeline: ${(n / sec).toFixed(1)} articles/s, ${((chars * rounds) / sec / 1e6).toFixed(2)} M chars/s`,
);
console.log(`seed-size equivalent (${seedChars} chars): ${seedRate(chars * rounds, sec)} articles/s`);
console.log(
  `  by CPU time: ${seedRate(chars * rounds, cpuSec)} articles/s; best round: ${seedRate(chars, Math.min(...roundWall))} (wall), ${seedRate(chars, Math.min(...roundCpu))} (CPU)`,
);
if (process.argv.includes('--stages')) stageTimes();

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

/** CPU ms per article of each stage, in the order extractDocument runs them (best of the rounds). */
function stageTimes(): void {
  const names = [
    'tokenize',
    'sentences',
    'ner',
    'findToponyms',
    'resolveToponyms',
    'resolveEntities',
    'extractFacts',
  ];
  const best = new Map(names.map((k) => [k, Infinity]));
  for (let r = 0; r < Math.max(3, Math.ceil(rounds / 3)); r++) {
    const spent = new Map(names.map((k) => [k, 0]));
    const time = <T>(k: string, f: () => T): T => {
      const c = process.cpuUsage();
      const out = f();
      spent.set(k, (spent.get(k) ?? 0) + cpuSeconds(process.cpuUsage(c)) * 1000);
      return out;
    };
    for (const d of docs) stagesOf(d, time);
    for (const k of names) best.set(k, Math.min(best.get(k) ?? Infinity, (spent.get(k) ?? 0) / docs.length));
  }
  let total = 0;
  for (const k of names) total += best.get(k) ?? 0;
  console.log('stages (CPU ms per article, best round):');
  for (const k of names) console.log(`  ${k.padEnd(16)} ${(best.get(k) ?? 0).toFixed(3)}`);
  console.log(`  ${'sum'.padEnd(16)} ${total.toFixed(3)}`);
}

/** The stages of extractDocument one by one (src/pipeline/extract-document.ts), each through `time`. */
function stagesOf(doc: IngestedDocument, time: <T>(k: string, f: () => T) => T): void {
  const { text, datelineSpan } = doc;
  const tokens = time('tokenize', () => tokenize(text));
  const sentences = time('sentences', () => splitSentences(text, tokens));
  const nerMentions = time('ner', () =>
    resources.ner
      .recognize(text, tokens, sentences)
      .filter((m) => !datelineSpan || !overlaps(m, datelineSpan)),
  );
  const toponyms = time('findToponyms', () =>
    findToponyms({ text, tokens, sentences, nerMentions, datelineSpan }, resources.gazetteer),
  );
  const places = time('resolveToponyms', () =>
    resolveToponyms({ text, toponyms, dateline: doc.dateline }, resources.gazetteer),
  );
  const resolution = time('resolveEntities', () =>
    resolveEntities({ text, tokens, sentences, nerMentions, places, datelineSpan }, resources.kb),
  );
  time('extractFacts', () =>
    extractFacts({
      text,
      tokens,
      sentences,
      entities: resolution.entities,
      relationHints: resolution.relationHints,
      published: doc.published,
      datelineSpan,
      outlet: doc.outlet,
      grader: resources.grader,
    }),
  );
}
