import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** ../shared beside the project: present for the team and CI, absent in a user's clone. */
export const SHARED = resolve(ROOT, '../shared');
export const HAS_SHARED = existsSync(resolve(SHARED, 'contract/extraction.schema.json'));

const BIN = resolve(ROOT, 'bin/sitrep.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm test` builds first) and waits for it. */
export function sitrep(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, ...options.env, FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI and parses its JSON output. A failed run throws with its status and stderr, so a
 * test reports why the command failed instead of "Unexpected end of JSON input".
 */
export function sitrepJson(args: readonly string[], options: Parameters<typeof sitrep>[1] = {}): unknown {
  const r = sitrep(args, options);
  if (r.status !== 0)
    throw new Error(`sitrep ${args.join(' ')} exited with ${String(r.status)}: ${r.stderr.slice(0, 2000)}`);
  try {
    return JSON.parse(r.stdout) as unknown;
  } catch (e) {
    throw new Error(
      `sitrep ${args.join(' ')} printed no JSON (${(e as Error).message}): ${r.stdout.slice(0, 500)}`,
    );
  }
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function sitrepSpawn(args: readonly string[], cwd = ROOT): ReturnType<typeof spawn> {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the built CLI without blocking the event loop (for tests that serve HTTP in-process). */
export function sitrepAsync(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}
