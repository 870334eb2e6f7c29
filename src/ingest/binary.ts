/** Sniffs bytes that are not text: known file signatures, NUL bytes, a high share of control characters. */

/** File signatures worth naming in an error message, checked at offset 0. */
const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or DOCX/XLSX/EPUB)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['legacy Office document (DOC/XLS)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['RIFF media (WAV/AVI/WEBP)', [0x52, 0x49, 0x46, 0x46]],
  ['MP3 audio', [0x49, 0x44, 0x33]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

const SAMPLE = 8192;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** Bytes that are control characters in any text encoding we accept (tab, LF, FF, CR and ESC excluded). */
function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** True when the bytes start with a UTF-16 byte-order mark (whose text legitimately holds NUL bytes). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Why the bytes look binary, or null when they may be text. Only the first 8 KB are examined. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (startsWith(bytes, sig)) return `it is a ${name}, not text`;
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp')
    return 'it is an MP4/MOV video, not text';
  if (hasUtf16Bom(bytes)) return null;
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'it contains NUL bytes (binary data, or UTF-16 without a byte-order mark)';
    if (isControl(b)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.05) {
    return `${Math.round((100 * controls) / sample.length)}% of its first bytes are control characters`;
  }
  return null;
}
