import type { Command } from 'commander';
import { registerEval } from './eval.js';

/** A CLI command module: adds itself to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `--help` lists them. Add a module here to add a command. */
export const commands: readonly RegisterCommand[] = [registerEval];
