import { Command, CommanderError } from 'commander';
import { messageOf } from '../core/index.js';
import { commands } from './commands/index.js';

/** Builds the `sitrep` command tree. Each command lives in its own module under ./commands. */
export function buildProgram(): Command {
  const program = new Command('sitrep')
    .description('Turn news about armed groups and political violence into sourced, graded intelligence.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI with the given arguments and returns the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit with 0; usage errors with 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`sitrep: ${messageOf(err)}\n`);
    return 1;
  }
}
