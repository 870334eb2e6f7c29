import type { Command } from 'commander';
import { addEvalGeo } from './eval-geo.js';
import { addEvalNer } from './eval-ner.js';

/** `sitrep eval …`: accuracy and speed measurements over standard corpora. */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure accuracy and speed on a corpus (ner, geo)');
  addEvalNer(evalCmd);
  addEvalGeo(evalCmd);
}
