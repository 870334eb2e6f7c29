/** JSONL bulk files: one article per line (`text` or `html`, `title`, `url`, `published`, `outlet`, `author`). */
import { createReadStream } from 'node:fs';
import { messageOf, SitrepError, type ErrorCode } from '../core/index.js';
import { decodeBytes } from './decode.js';
import { documentFromText } from './read-file.js';
import type { InputResult, ReadOptions } from './types.js';

/** A line's bytes, or null when it was longer than the limit (and skipped). */
interface ByteLine {
  readonly bytes: Buffer | null;
  readonly line: number;
}

/** Splits a byte stream on LF without ever holding more than `max` bytes of one line. */
async function* byteLines(chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let line = 1;
  const take = (): ByteLine => {
    const out = { bytes: overflow ? null : Buffer.concat(parts), line: line++ };
    parts = [];
    size = 0;
    overflow = false;
    return out;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      if (!overflow) parts.push(chunk.subarray(from, nl));
      size += nl - from;
      overflow ||= size > max;
      yield take();
      from = nl + 1;
    }
    size += chunk.length - from;
    overflow ||= size > max;
    if (!overflow) parts.push(chunk.subarray(from));
    else parts = [];
  }
  if (size > 0 || overflow) yield take();
}

function field(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** One parsed line → a result; every failure names the file and line. */
function lineResult(
  path: string,
  { bytes, line }: ByteLine,
  opts: ReadOptions,
  max: number,
): InputResult | null {
  const origin = `${path}:${line}`;
  const fail = (code: ErrorCode, why: string): InputResult => ({
    ok: false,
    origin: path,
    line,
    code,
    message: `${path} line ${line}: ${why}`,
  });
  if (!bytes) return fail('too_large', `longer than the ${(max / 1024 / 1024).toFixed(1)} MB limit; skipped`);
  let text: string;
  try {
    text = decodeBytes(bytes, origin).text;
  } catch {
    return fail('invalid_encoding', 'invalid UTF-8; re-save the file as UTF-8');
  }
  if (!text.trim()) return null;
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (err) {
    return fail('bad_request', `not valid JSON (${messageOf(err)}); fix or remove the line`);
  }
  if (!row || typeof row !== 'object' || Array.isArray(row))
    return fail('bad_request', 'not a JSON object; expected {"text": …}');
  const o = row as Record<string, unknown>;
  const body = field(o, 'text') ?? field(o, 'html');
  if (!body) return fail('empty_input', 'no "text" or "html" field with content; skipped');
  const meta = {
    title: field(o, 'title') ?? opts.title,
    url: field(o, 'url') ?? opts.url,
    published: field(o, 'published') ?? opts.published,
    outlet: field(o, 'outlet') ?? opts.outlet,
    author: field(o, 'author'),
  };
  try {
    return { ok: true, doc: documentFromText(body, origin, field(o, 'text') ? 'text' : 'html', meta) };
  } catch (err) {
    return fail(
      err instanceof SitrepError ? err.code : 'internal',
      messageOf(err).replace(`${origin}: `, ''),
    );
  }
}

/** Reads a JSONL file line by line (streaming); a bad line is reported with its number and the rest are read. */
export async function* readJsonl(path: string, opts: ReadOptions, max: number): AsyncGenerator<InputResult> {
  const stream = createReadStream(path);
  for await (const l of byteLines(stream as AsyncIterable<Buffer>, max)) {
    const result = lineResult(path, l, opts, max);
    if (result) yield result;
  }
}
