import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isInputError, messageOf } from '../core/index.js';
import type { Store } from '../store/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';

/** The database path: --db, else $SITREP_DB, else ./sitrep.db. */
export function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.SITREP_DB ?? 'sitrep.db';
}

/** Adds the --db option every store-backed command shares. */
export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)');
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(opts: { db?: string }, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(dbPath(opts));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes a one-line error and sets the exit status: 2 for unusable input, 1 otherwise. */
export function fail(err: unknown, origin?: string): void {
  const message = messageOf(err);
  const where = origin && !message.startsWith(origin) ? `${origin}: ` : '';
  process.stderr.write(`sitrep: ${where}${message}\n`);
  process.exitCode = isInputError(err) ? 2 : 1;
}

/** Checks an ISO date option (YYYY-MM-DD and a real calendar day). */
export function parseIsoDate(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidArgumentError(`"${value}" is not a date: write it as YYYY-MM-DD`);
  }
  return value;
}

/** Parses a positive integer option. */
export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`"${value}" is not a positive whole number`);
  return n;
}

/** Writes to stdout. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
