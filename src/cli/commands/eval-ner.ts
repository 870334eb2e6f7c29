import type { Command } from 'commander';

/** Placeholder until the eval-ner command lands; adds nothing yet. */
export function addEvalNer(_evalCmd: Command): void {}
