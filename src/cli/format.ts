import Table from 'cli-table3';

/** Output formats shared by listing commands. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** Parses a --format value, with a message that says what is allowed. */
export function parseFormat(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new Error(`unknown format "${value}": use one of ${allowed.join(', ')}`);
  return value;
}

/** Renders rows as a table for people: natural widths when they fit the terminal, else wrapped. */
export function renderTable(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const width = process.stdout.columns || 160;
  const cells = rows.map((r) => r.map((v) => cell(v)));
  const natural = head.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)) + 2);
  const total = natural.reduce((a, b) => a + b + 1, 1);
  const colWidths = total <= width ? natural : fitWidths(natural, width - head.length - 1);
  const color = Boolean(process.stdout.isTTY);
  const table = new Table({
    head: [...head],
    wordWrap: true,
    colWidths,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const r of cells) table.push(r);
  return table.toString();
}

/** Shrinks the widest columns first until the total fits `budget`, keeping each at least 6. */
function fitWidths(natural: readonly number[], budget: number): number[] {
  const w = [...natural];
  let excess = w.reduce((a, b) => a + b, 0) - budget;
  while (excess > 0) {
    const i = w.indexOf(Math.max(...w));
    if ((w[i] ?? 0) <= 6) break;
    w[i] = (w[i] ?? 0) - 1;
    excess--;
  }
  return w;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

/**
 * CSV (RFC 4180) with spreadsheet formula neutralisation: a cell starting with = + - @ tab or CR
 * gets a leading apostrophe so that article text can never run as a formula.
 */
export function renderCsv(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const esc = (v: unknown): string => {
    let s = cell(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [head, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
}

/** Pretty JSON for programs. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The store's markers around matched words in search snippets (FTS5 snippet()). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Marks search-hit terms (\u0002…\u0003) in bold for a terminal, or with [brackets] otherwise. */
export function highlight(snippet: string, tty: boolean): string {
  return tty
    ? snippet.replaceAll(MARK_START, '\u001b[1;33m').replaceAll(MARK_END, '\u001b[0m')
    : snippet.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
}

/** A short form of a document id for tables: the first 12 hex digits. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
