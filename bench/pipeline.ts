// Whole-pipeline throughput: seed-size articles/s for extraction (all stages) on one core, over
// the articles of the example corpus (and the shared eval cases when ../shared is present).
//   npx tsx bench/pipeline.ts [--rounds N] [--no-stages]
// The figure is for extraction as `sitrep ingest` runs it: batches of BATCH_SIZE documents,
// stage by stage (extractDocuments); one document at a time (`sitrep extract`, the API) is
// reported beside it, each round of one way alternating with a round of the other.
// The machine may be shared, so every round is timed three ways — wall clock, process CPU (all
// threads, GC and compiler included) and the main thread's own CPU — and the median round is the
// figure: a busy neighbour stretches some rounds' wall time, not the median of the thread's CPU.
// The stage table gives each stage's CPU ms per article (median over rounds), by the process's
// CPU clock: the thread's schedstat is updated too coarsely (tens of µs, at kernel events) to time
// a stage of one article, and the process clock is exact at each read.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInput } from '../src/ingest/index.js';
import type { IngestedDocument } from '../src/core/index.js';
import { overlaps } from '../src/core/index.js';
import { extractFacts } from '../src/extract/index.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';
import { BATCH_SIZE, extractDocument, extractDocuments, loadResources } from '../src/pipeline/index.js';
import { resolveEntities } from '../src/resolve/entities/index.js';
import { findToponyms, resolveToponyms } from '../src/resolve/geo/index.js';
import { machineLine, median, processCpuMs, threadClock, threadCpuMs } from './_clock.js';

/** The target, in seed-size articles per second on one core. */
const TARGET = 100;

const root = resolve(import.meta.dirname, '..');
const dirs = [join(root, 'examples'), resolve(root, '../shared/eval/cases')].filter(existsSync);
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .map((c) => join(d, c, 'article.txt'))
    .filter(existsSync),
);
const argRounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]);

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
const seedFile = resolve(root, '../shared/eval/cases/seed/article.txt');
const seedChars = existsSync(seedFile) ? readFileSync(seedFile, 'utf8').length : chars / docs.length;
/** Seed-size articles in one round (the corpus's characters over the seed's). */
const seedArticles = chars / seedChars;
for (let r = 0; r < 3; r++) for (const d of docs) extractDocument(d, resources); // warm-up (JIT)
const rounds =
  process.argv.includes('--rounds') && argRounds > 0 ? argRounds : Math.max(5, Math.ceil(2000 / docs.length));

/** One round over the corpus, as ingest runs it: batches of BATCH_SIZE, stage by stage. */
const batched = (): void => {
  for (let i = 0; i < docs.length; i += BATCH_SIZE)
    extractDocuments(docs.slice(i, i + BATCH_SIZE), resources);
};
/** One round one document at a time (`sitrep extract FILE`, the API's POST). */
const single = (): void => {
  for (const d of docs) extractDocument(d, resources);
};
for (let r = 0; r < 2; r++) batched();

const wall: number[] = [];
const proc: number[] = [];
const thread: number[] = [];
const threadSingle: number[] = [];
// The two ways alternate round by round, so a slower spell of a shared machine weighs on both.
for (let r = 0; r < rounds; r++) {
  const w = performance.now(),
    p = processCpuMs(),
    t = threadCpuMs();
  batched();
  thread.push(threadCpuMs() - t);
  proc.push(processCpuMs() - p);
  wall.push(performance.now() - w);
  const s = threadCpuMs();
  single();
  threadSingle.push(threadCpuMs() - s);
}

/** Seed-size articles/s of a round that took `ms`. */
const rate = (ms: number): number => seedArticles / (ms / 1000);
const row = (label: string, ms: readonly number[]): string =>
  `  ${label.padEnd(34)} ${rate(median(ms)).toFixed(1).padStart(6)}   ${rate(Math.min(...ms))
    .toFixed(1)
    .padStart(6)}   ${rate(Math.max(...ms))
    .toFixed(1)
    .padStart(6)}`;

console.log(machineLine());
console.log(`resources loaded in ${loadMs.toFixed(0)} ms`);
console.log(
  `${docs.length} articles (mean ${Math.round(chars / docs.length)} chars; ${seedArticles.toFixed(1)} seed-size articles of ${seedChars} chars) × ${rounds} rounds`,
);
console.log(`seed-size articles/s per round:${' '.repeat(14)}median     best    worst`);
console.log(row(`batches of ${BATCH_SIZE}, ${threadClock}`, thread));
console.log(row('batches, process CPU', proc));
console.log(row('batches, wall', wall));
console.log(row(`one at a time, ${threadClock}`, threadSingle));
const headline = rate(median(thread));
console.log(
  `pipeline: ${headline.toFixed(1)} seed-size articles/s (ingest's batches, median round, ${threadClock}); target ≥ ${TARGET}: ${headline >= TARGET ? 'met' : 'NOT met'}; one document at a time ${rate(median(threadSingle)).toFixed(1)}`,
);
if (!process.argv.includes('--no-stages')) stageTimes();

/** Process CPU ms per article of each stage, in the order extractDocument runs them (median of the rounds). */
function stageTimes(): void {
  const names = [
    'tokenize',
    'sentences',
    'ner',
    'findToponyms',
    'resolveToponyms',
    'resolveEntities',
    'extractFacts',
  ] as const;
  const perRound = new Map<string, number[]>(names.map((k) => [k, []]));
  const stageRounds = Math.max(5, Math.ceil(rounds / 3));
  for (let r = 0; r < stageRounds; r++) {
    const spent = new Map<string, number>(names.map((k) => [k, 0]));
    const time = <T>(k: string, f: () => T): T => {
      const c = processCpuMs();
      const out = f();
      spent.set(k, (spent.get(k) ?? 0) + processCpuMs() - c);
      return out;
    };
    for (const d of docs) stagesOf(d, time);
    for (const k of names) perRound.get(k)!.push(spent.get(k)! / docs.length);
  }
  const perSeed = chars / docs.length / seedChars;
  console.log(
    `stages (process CPU ms, median of ${stageRounds} rounds):  per article  per seed-size article`,
  );
  let total = 0;
  for (const k of names) {
    const ms = median(perRound.get(k)!);
    total += ms;
    console.log(`  ${k.padEnd(16)} ${ms.toFixed(3).padStart(24)} ${(ms / perSeed).toFixed(3).padStart(22)}`);
  }
  console.log(
    `  ${'sum'.padEnd(16)} ${total.toFixed(3).padStart(24)} ${(total / perSeed).toFixed(3).padStart(22)}`,
  );
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
