// NER throughput on one core, including tokenisation and sentence splitting:
// `npx tsx bench/ner.ts [FILE]` (default: the seed article, else a built-in news paragraph).
import { existsSync, readFileSync } from 'node:fs';
import { loadNerModel, splitSentences, tokenize } from '../src/nlp/index.js';

const SAMPLE =
  'PESHAWAR, Pakistan (AP) — Gunmen killed two police officers in the northwestern city of Peshawar on Tuesday, ' +
  'officials said. The Pakistani Taliban, known as Tehreek-e-Taliban Pakistan (TTP), claimed responsibility. ' +
  'Dr. Ahmed Khan, a spokesman for the provincial government, said the U.S.-trained unit was on patrol.\n';
const seedPath = new URL('../../shared/eval/cases/seed/article.txt', import.meta.url);
const file = process.argv[2];
const base = file
  ? readFileSync(file, 'utf8')
  : existsSync(seedPath)
    ? readFileSync(seedPath, 'utf8')
    : SAMPLE;

const t0 = performance.now();
const model = loadNerModel();
const loadMs = performance.now() - t0;

const run = (text: string): number => {
  const tokens = tokenize(text);
  model.recognize(text, tokens, splitSentences(text, tokens));
  return tokens.length;
};
for (let i = 0; i < 20; i++) run(base); // warm-up
let tokens = 0;
const start = performance.now();
const cpu0 = process.cpuUsage();
while (performance.now() - start < 3000) tokens += run(base);
const seconds = (performance.now() - start) / 1000;
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `model load ${loadMs.toFixed(0)} ms; ${tokens} tokens in ${seconds.toFixed(2)} s = ${Math.round(tokens / seconds)} tokens/s wall, ${Math.round(tokens / cpuSeconds)} tokens/CPU-s (tokenize + split + NER)`,
);
