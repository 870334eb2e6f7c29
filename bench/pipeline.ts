// Whole-pipeline throughput: articles/s for extraction (all stages) on one core, over the seed-size
// articles of the example corpus (and the shared eval cases when ../shared is present).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInput } from '../src/ingest/index.js';
import type { IngestedDocument } from '../src/core/index.js';
import { extractDocument, loadResources } from '../src/pipeline/index.js';

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
const t1 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) extractDocument(d, resources);
const sec = (performance.now() - t1) / 1000;
const n = rounds * docs.length;
const seedChars = existsSync(resolve(root, '../shared/eval/cases/seed/article.txt'))
  ? readFileSync(resolve(root, '../shared/eval/cases/seed/article.txt'), 'utf8').length
  : chars / docs.length;
console.log(`resources loaded in ${loadMs.toFixed(0)} ms`);
console.log(`${docs.length} articles (mean ${Math.round(chars / docs.length)} chars) × ${rounds} rounds`);
console.log(
  `pipeline: ${(n / sec).toFixed(1)} articles/s, ${((chars * rounds) / sec / 1e6).toFixed(2)} M chars/s`,
);
console.log(
  `seed-size equivalent (${seedChars} chars): ${((chars * rounds) / seedChars / sec).toFixed(1)} articles/s`,
);
