/** Reads one file (or stdin) into an IngestedDocument, with limits and one-line errors naming the file. */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SitrepError, type IngestedDocument, type Problem } from '../core/index.js';
import { binaryReason } from './binary.js';
import { decodeBytes } from './decode.js';
import { readSidecar, withSidecar } from './sidecar.js';
import { applyOverrides, buildDocument, type DocumentMeta } from './document.js';
import { readHtml } from './html.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { readMarkdown, readPlainText } from './plain.js';
import type { ReadOptions } from './types.js';

/** How a file's content is read. */
export type Format = 'text' | 'markdown' | 'html';

const FORMAT_BY_EXT: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** The format for a file name, or null when the extension is not one we read. */
export function formatOfPath(path: string): Format | null {
  return FORMAT_BY_EXT[extname(path).toLowerCase()] ?? null;
}

/** True when the start of the bytes looks like an HTML document. */
export function sniffHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  return /^(\ufeff|ï»¿)?(<!doctype html|<html|<head|<body|<meta |<!--)/.test(head);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(origin: string, size: number | null, max: number): SitrepError {
  const what = size === null ? `more than ${mb(max)}` : `${mb(size)}`;
  return new SitrepError(
    'too_large',
    `${origin}: ${what} is over the ${mb(max)} limit; split it or raise --max-bytes`,
  );
}

/** Why a filesystem error made the file unreadable, in words. */
export function unreadable(origin: string, err: unknown): SitrepError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied; check its permissions'
      : code === 'ENOENT'
        ? 'no such file (or a broken symbolic link); check the path'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'ELOOP'
            ? 'symbolic link loop; fix the link'
            : `cannot be read (${code ?? String(err)})`;
  return new SitrepError('unreadable', `${origin}: ${why}`, { cause: err });
}

async function readStdin(max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge('stdin', null, max);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a regular file's bytes after checking it is one and fits the limit. */
export async function readFileBytes(path: string, max: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  if (info.isDirectory())
    throw new SitrepError('unsupported_type', `${path}: is a folder; pass it to ingest, which reads folders`);
  if (!info.isFile())
    throw new SitrepError('unreadable', `${path}: not a regular file (device, FIFO or socket); skipped`);
  if (info.size > max) throw tooLarge(path, info.size, max);
  try {
    const handle = await open(path, 'r');
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw unreadable(path, err);
  }
}

/** Bytes of a known (or sniffed) format → IngestedDocument; `origin` names the input in messages. */
export function documentFromBytes(
  bytes: Uint8Array,
  origin: string,
  format: Format | null,
  overrides: DocumentMeta = {},
  contentType: string | null = null,
): IngestedDocument {
  if (bytes.length === 0)
    throw new SitrepError('empty_input', `${origin}: the file is empty; nothing to ingest`);
  const binary = binaryReason(bytes);
  if (binary)
    throw new SitrepError('binary_input', `${origin}: ${binary}; give a .txt, .md, .html or .jsonl file`);
  const kind = sniffHtml(bytes) ? 'html' : format;
  if (!kind) {
    throw new SitrepError(
      'unsupported_type',
      `${origin}: unsupported file type; sitrep reads .txt .md .html .htm .jsonl`,
    );
  }
  const { text } = decodeBytes(bytes, origin, { contentType, markup: kind === 'html' });
  return documentFromText(text, origin, kind, overrides);
}

/** Decoded text of a known format → IngestedDocument. */
export function documentFromText(
  text: string,
  origin: string,
  format: Format,
  overrides: DocumentMeta = {},
): IngestedDocument {
  let body: string;
  let found: DocumentMeta;
  let problems: readonly Problem[] = [];
  if (format === 'html') {
    const article = readHtml(text, overrides.url ?? (/^https?:/.test(origin) ? origin : null));
    ({ text: body, problems } = article);
    found = article;
  } else {
    ({ text: body, meta: found } = format === 'markdown' ? readMarkdown(text) : readPlainText(text));
  }
  return buildDocument(body, applyOverrides(found, overrides), origin, problems);
}

/** Reads one .txt, .md or .html file (`-` = stdin) into an IngestedDocument; throws SitrepError on bad input. */
export async function readInput(path: string, opts: ReadOptions = {}): Promise<IngestedDocument> {
  const max = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const stdin = path === '-';
  if (!stdin) {
    const bytes = await readFileBytes(path, max);
    return documentFromBytes(bytes, path, formatOfPath(path), withSidecar(opts, await readSidecar(path)));
  }
  // Messages say "stdin"; the record's origin is `-`, as the contract has it.
  return { ...documentFromBytes(await readStdin(max), 'stdin', 'text', opts), origin: '-' };
}
