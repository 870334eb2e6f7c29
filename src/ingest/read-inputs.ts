/** Reads many inputs: files, folders (recursed in sorted order), JSONL bulk files and stdin; never stops at a bad one. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { messageOf, SitrepError, type ErrorCode } from '../core/index.js';
import { readJsonl } from './jsonl.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { formatOfPath, readInput, unreadable } from './read-file.js';
import type { InputResult, ReadOptions } from './types.js';

/** Documentation files that folders of articles often hold (README.md, LICENSE.txt…). */
const PROJECT_DOCS = /^(readme|licen[cs]e|changelog|contributing|copying)(\.[a-z]+)?$/i;

function failure(origin: string, err: unknown): InputResult {
  const code: ErrorCode = err instanceof SitrepError ? err.code : 'internal';
  return { ok: false, origin, code, message: messageOf(err) };
}

async function* readFile(path: string, opts: ReadOptions, max: number): AsyncGenerator<InputResult> {
  if (extname(path).toLowerCase() === '.jsonl') {
    try {
      // Checks it is a readable regular file before streaming (limits apply per line, not per file).
      const info = await stat(path);
      if (!info.isFile())
        throw new SitrepError('unreadable', `${path}: not a regular file (device, FIFO or socket); skipped`);
      yield* readJsonl(path, opts, max);
    } catch (err) {
      yield failure(path, err instanceof SitrepError ? err : unreadable(path, err));
    }
    return;
  }
  try {
    yield { ok: true, doc: await readInput(path, opts) };
  } catch (err) {
    yield failure(path, err);
  }
}

/** Sorted entries of a folder; dot-files and dot-folders (.git, .DS_Store) are left out on purpose. */
async function entries(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => join(dir, n));
}

async function* walk(
  path: string,
  opts: ReadOptions,
  max: number,
  seen: Set<string>,
  top: boolean,
): AsyncGenerator<InputResult> {
  let info;
  try {
    info = await stat(path); // follows symlinks; a dangling one fails here with ENOENT
  } catch (err) {
    yield failure(path, unreadable(path, err));
    return;
  }
  if (info.isDirectory()) {
    const real = await realpath(path);
    if (seen.has(real)) return; // a symlink back into a folder already read
    seen.add(real);
    let children: string[];
    try {
      children = await entries(path);
    } catch (err) {
      yield failure(path, unreadable(path, err));
      return;
    }
    for (const child of children) yield* walk(child, opts, max, seen, false);
    return;
  }
  if (!info.isFile()) {
    yield failure(
      path,
      new SitrepError('unreadable', `${path}: not a regular file (device, FIFO or socket); skipped`),
    );
    return;
  }
  const ext = extname(path).toLowerCase();
  if (!top && PROJECT_DOCS.test(basename(path))) {
    // A folder's README or LICENSE describes the corpus; it is not an article of it.
    yield {
      ok: false,
      origin: path,
      code: 'unsupported_type',
      message: `${path}: skipped, a folder's documentation file`,
      skipped: true,
    };
    return;
  }
  if (!top && ext !== '.jsonl' && (formatOfPath(path) === null || ext === '')) {
    const why = `${path}: skipped, ${ext || 'no extension'} is not a type sitrep reads (.txt .md .html .htm .jsonl)`;
    yield { ok: false, origin: path, code: 'unsupported_type', message: why, skipped: true };
    return;
  }
  yield* readFile(path, opts, max);
}

/**
 * Reads every input in order: files directly, folders recursively in sorted (code-point) order,
 * JSONL line by line, `-` from stdin. Each document or failure is yielded as it is read.
 */
export async function* readInputs(
  paths: readonly string[],
  opts: ReadOptions = {},
): AsyncGenerator<InputResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') yield* readFile(path, opts, max);
    else yield* walk(path, opts, max, seen, true);
  }
}

async function countPath(path: string, seen: Set<string>, top: boolean): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (seen.has(real)) return 0;
      seen.add(real);
      let n = 0;
      for (const child of await entries(path)) n += await countPath(child, seen, false);
      return n;
    }
    const ext = extname(path).toLowerCase();
    return top || ext === '.jsonl' || (ext !== '' && formatOfPath(path) !== null) ? 1 : 0;
  } catch {
    return 1; // it will be reported as unreadable, which is one step of progress too
  }
}

/** How many files `readInputs(paths)` will open (JSONL files count once), for progress bars. */
export async function countInputs(paths: readonly string[]): Promise<number> {
  const seen = new Set<string>();
  let n = 0;
  for (const path of paths) n += path === '-' ? 1 : await countPath(path, seen, true);
  return n;
}
