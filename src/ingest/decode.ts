/** Bytes → string: charset from the BOM, the Content-Type header, `<meta charset>` or `<?xml encoding?>`, then UTF-8, then windows-1252. */
import { SitrepError } from '../core/index.js';
import { decodeWindows1252, isUndefined1252 } from './windows-1252.js';

/** What the caller knows about the bytes. */
export interface DecodeHints {
  /** A Content-Type header value, e.g. `text/html; charset=windows-1252`. */
  readonly contentType?: string | null;
  /** Look for `<meta charset>` / `<?xml encoding?>` declarations in the first bytes. */
  readonly markup?: boolean;
}

/** The decoded text and the charset it was read as. */
export interface Decoded {
  readonly text: string;
  readonly charset: string;
}

/** The charset named in a Content-Type value, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The charset declared inside HTML or XML (meta charset, http-equiv, xml declaration), or null. */
export function declaredMarkupCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** A TextDecoder's canonical name for a label, or null when the label is unknown. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, charset: string, fatal: boolean): string {
  // Browsers read ISO-8859-1 and ASCII labels as windows-1252 too (WHATWG Encoding).
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset, { fatal, ignoreBOM: false }).decode(bytes);
}

/**
 * True when invalid-UTF-8 bytes read plausibly as windows-1252 text: no undefined bytes, no
 * UTF-8 lead byte followed by a continuation byte (that pattern is broken UTF-8, not Latin text),
 * and no run of three or more non-ASCII bytes (Latin text puts ASCII between its accented letters).
 */
function looksLike1252(bytes: Uint8Array): boolean {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      run = 0;
      continue;
    }
    if (isUndefined1252(b) || ++run >= 3) return false;
    const next = bytes[i + 1] ?? 0;
    if (b >= 0xc2 && b <= 0xf4 && next >= 0x80 && next <= 0xbf) return false;
  }
  return true;
}

/** Where the first invalid UTF-8 sequence starts (a simple validator), for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

/** Decodes bytes to a string; throws `invalid_encoding` naming `origin` when no charset fits. */
export function decodeBytes(bytes: Uint8Array, origin: string, hints: DecodeHints = {}): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.skip), bom.charset, false), charset: bom.charset };
  const label =
    charsetOfContentType(hints.contentType) ?? (hints.markup ? declaredMarkupCharset(bytes) : null);
  const declared = label ? canonical(label) : null;
  if (declared && declared !== 'utf-8') {
    return { text: decodeAs(bytes, declared, false), charset: declared };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    if (looksLike1252(bytes)) return { text: decodeWindows1252(bytes), charset: 'windows-1252' };
    const at = firstInvalidUtf8(bytes);
    throw new SitrepError(
      'invalid_encoding',
      `${origin}: invalid UTF-8 at byte ${at} and not another recognisable charset; re-save it as UTF-8 (or declare its charset)`,
    );
  }
}
