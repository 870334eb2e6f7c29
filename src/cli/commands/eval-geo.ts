import type { Command } from 'commander';

/** Placeholder until the eval-geo command lands; adds nothing yet. */
export function addEvalGeo(_evalCmd: Command): void {}
