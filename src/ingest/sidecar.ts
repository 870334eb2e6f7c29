/**
 * Sidecar metadata for plain files, which carry no publication date of their own:
 * `article.txt.meta.json` beside the file (`{title, url, published, outlet}`), or the `args` of a
 * `case.json` in the same folder (the format of the team's example and evaluation cases).
 * Values given on the command line win over the sidecar.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SitrepError } from '../core/index.js';
import type { ReadOptions } from './types.js';

type Meta = Pick<ReadOptions, 'title' | 'url' | 'published' | 'outlet'>;
const FIELDS = ['title', 'url', 'published', 'outlet'] as const;

/** The sidecar metadata of `path`, or an empty record when there is none. */
export async function readSidecar(path: string): Promise<Meta> {
  const own = await readJson(`${path}.meta.json`);
  if (own) return pick(own, `${path}.meta.json`);
  const caseFile = join(dirname(path), 'case.json');
  const c = await readJson(caseFile);
  const args =
    c && typeof c.args === 'object' && c.args !== null ? (c.args as Record<string, unknown>) : null;
  return args ? pick(args, caseFile) : {};
}

/** Explicit options over sidecar values; undefined options do not erase sidecar ones. */
export function withSidecar(opts: ReadOptions, sidecar: Meta): ReadOptions {
  const merged: Record<string, unknown> = { ...sidecar };
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) merged[k] = v;
  return merged;
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null; // no sidecar: the common case
  }
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch (err) {
    throw new SitrepError(
      'bad_request',
      `${file}: not valid JSON (${(err as Error).message}); fix or remove it`,
      { cause: err },
    );
  }
}

function pick(o: Record<string, unknown>, file: string): Meta {
  const out: Record<string, string> = {};
  for (const k of FIELDS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new SitrepError('bad_request', `${file}: "${k}" must be a string`);
    out[k] = v;
  }
  return out;
}
