import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadGazetteer } from '../../kb/gazetteer/index.js';
import { evaluateGeo, type GeoDocument, type GeoReport } from '../../resolve/geo/evaluate.js';

function readJsonl(file: string): GeoDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GeoDocument);
}

function formatReport(file: string, docs: number, r: GeoReport): string {
  return [
    `${file}: ${docs} documents`,
    `resolution (gold toponyms): n=${r.resolve.n} Acc@161=${r.resolve.accAt161} mean=${r.resolve.meanKm} km median=${r.resolve.medianKm} km`,
    `end-to-end: P=${r.endToEnd.p} R=${r.endToEnd.r} F1=${r.endToEnd.f1} Acc@161 (recognised)=${r.endToEnd.accAt161}`,
    `speed: ${r.docsPerSecond} documents/s (tokenizer, NER and geoparser)`,
  ].join('\n');
}

/** `sitrep eval geo FILE.jsonl [--json]`: geoparsing accuracy on a corpus in the shared geo format. */
export function addEvalGeo(evalCmd: Command): void {
  evalCmd
    .command('geo')
    .description('geoparsing: Acc@161 given gold toponyms, and end-to-end recognition P/R/F1')
    .argument('<file>', 'JSON Lines: {id, text, toponyms: [{start, end, phrase, lat, lon}]}')
    .option('--json', 'print the figures as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const docs = readJsonl(file);
      const report = evaluateGeo(docs, loadGazetteer());
      process.stdout.write(
        (opts.json ? JSON.stringify(report) : formatReport(file, docs.length, report)) + '\n',
      );
    });
}
