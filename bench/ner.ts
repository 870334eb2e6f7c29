// NER throughput on one core, including tokenisation and sentence splitting:
// `npx tsx bench/ner.ts [FILE]` (default: the seed article, else a built-in news paragraph).
import { existsSync, readFileSync } from 'node:fs';
import { loadNerModel, splitSentences, tokenize } from '../src/nlp/index.js';
import { machineLine, median, threadClock, threadCpuMs } from './_clock.js';

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
// Rounds of ~0.2 s timed by wall clock and by this thread's CPU; the median round is the figure,
// as on a shared machine some rounds wait for the core (see bench/_clock.ts).
const wall: number[] = [];
const cpu: number[] = [];
let tokens = 0;
const start = performance.now();
while (performance.now() - start < 4000 || wall.length < 5) {
  const w = performance.now(),
    c = threadCpuMs();
  let n = 0;
  while (performance.now() - w < 200) n += run(base);
  cpu.push(n / (threadCpuMs() - c));
  wall.push(n / (performance.now() - w));
  tokens += n;
}
const k = (perMs: number): string => `${Math.round(perMs)}k`;
console.log(machineLine());
console.log(
  `model load ${loadMs.toFixed(0)} ms; ${tokens} tokens in ${wall.length} rounds (tokenize + split + NER): median ${k(median(cpu))} tokens/s by ${threadClock} (best ${k(Math.max(...cpu))}), ${k(median(wall))} tokens/s wall`,
);
