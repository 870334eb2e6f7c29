import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluateNerFile, type NerScore } from '../../nlp/index.js';

/** `sitrep eval ner FILE [--json]`: conlleval-style P/R/F1 of the shipped NER on a CoNLL file, and tokens/s. */
export function addEvalNer(evalCmd: Command): void {
  evalCmd
    .command('ner')
    .description(
      'score the NER on a CoNLL file (tag in the last column, BIO1 or BIO2): exact span + type P/R/F1, tokens/s',
    )
    .argument('<file>', 'CoNLL file; -DOCSTART- lines separate documents')
    .option('--json', 'print {"p","r","f1","perType","tokens","tokensPerSecond"}')
    .option('--no-consistency', 'skip the document-consistency pass')
    .action((file: string, opts: { json?: boolean; consistency: boolean }) => {
      const score = evaluateNerFile(readFileSync(file, 'utf8'), { consistency: opts.consistency });
      process.stdout.write(opts.json ? JSON.stringify(score) + '\n' : formatScore(score));
    });
}

function formatScore(s: NerScore): string {
  const row = (name: string, p: number, r: number, f1: number, extra: string): string =>
    `${name.padEnd(8)}${p.toFixed(2).padStart(8)}${r.toFixed(2).padStart(8)}${f1.toFixed(2).padStart(8)}  ${extra}\n`;
  let out = `${'type'.padEnd(8)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}  gold/predicted\n`;
  for (const [type, t] of Object.entries(s.perType)) out += row(type, t.p, t.r, t.f1, `${t.gold}/${t.pred}`);
  out += row('overall', s.p, s.r, s.f1, '');
  out += `${s.tokens} tokens, ${Math.round(s.tokensPerSecond)} tokens/s\n`;
  return out;
}
