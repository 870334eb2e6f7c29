/** Text hygiene: one newline convention, no stray control characters, Unicode NFC. Quotes and dashes are kept as written. */

// C0/C1 controls except tab and newline, plus zero-width no-break space (a BOM left mid-text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;

/** Normalises decoded text: CRLF/CR → LF, controls dropped (form feed → newline), NFC. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[ \t]+\n/g, '\n')
    .normalize('NFC')
    .trim();
}
