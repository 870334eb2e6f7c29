// Runs every benchmark in bench/ one after another (`npm run bench`), or the ones named:
// `npm run bench -- pipeline ner`. Each prints its own figures (docs/s, tokens/s, percentiles).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const here = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.ts')));
let failed = 0;
for (const f of benches) {
  process.stdout.write(`\n== ${f} ==\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
