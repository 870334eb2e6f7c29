// Throughput of fact extraction (events, relations, sources, claims, grading) on the seed article.
//   npx tsx bench/extract.ts [iterations]
// Reports articles/s for extraction alone (tokens, sentences and entities computed once) and for
// tokenizer + sentence splitter + extraction. Entities are the hand-built seed list, standing in
// for the resolver, whose cost is measured by its own benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractGradedFacts } from '../src/grade/index.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';
import { machineLine, median, threadClock, threadCpuMs } from './_clock.js';
import { entitiesFromNames } from '../test/extract/helpers.js';
import { SEED_ENTITIES } from '../test/extract/seed-entities.js';

const file = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'cases', 'seed', 'article.txt');
if (!existsSync(file)) {
  console.error(`bench/extract: ${file} not found`);
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const iterations = Number(process.argv[2] ?? 300);
const tokens = tokenize(text);
const sentences = splitSentences(text, tokens);
const entities = entitiesFromNames(text, SEED_ENTITIES);
const input = {
  text,
  tokens,
  sentences,
  entities,
  relationHints: [],
  published: '2024-11-10',
  datelineSpan: { start: 0, end: 9 },
  outlet: null,
};

/** Runs `run` in 5 rounds after a warm-up; reports the median round by this thread's CPU time and by wall time. */
function time(label: string, run: () => unknown): void {
  for (let i = 0; i < 100; i++) run();
  const per = Math.max(1, Math.round(iterations / 5));
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < 5; r++) {
    const w = performance.now(),
      c = threadCpuMs();
    for (let i = 0; i < per; i++) run();
    cpu.push((threadCpuMs() - c) / per);
    wall.push((performance.now() - w) / per);
  }
  const ms = median(cpu);
  console.log(
    `${label}: ${(1000 / ms).toFixed(0)} articles/s by ${threadClock} (${ms.toFixed(2)} ms/article; wall ${(1000 / median(wall)).toFixed(0)}/s), ${text.length} chars, 5 × ${per} runs`,
  );
}

console.log(machineLine());
time('extract (facts only)', () => extractGradedFacts(input));
time('tokenize + sentences + extract', () => {
  const tk = tokenize(text);
  extractGradedFacts({ ...input, tokens: tk, sentences: splitSentences(text, tk) });
});
