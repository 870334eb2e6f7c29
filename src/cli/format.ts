import Table from 'cli-table3';

/** Output formats shared by listing commands. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** Parses a --format value, with a message that says what is allowed. */
export function parseFormat(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new Error(`unknown format "${value}": use one of ${allowed.join(', ')}`);
  return value;
}

/** Renders rows as a table for people, sized to the terminal. */
export function renderTable(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const width = process.stdout.columns || 140;
  const colWidth = Math.max(8, Math.floor((width - head.length * 3) / head.length));
  const table = new Table({ head: [...head], wordWrap: true, colWidths: head.map(() => colWidth), style: { head: ['cyan'] } });
  for (const r of rows) table.push(r.map((v) => cell(v)));
  return table.toString();
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v as string | number);
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

/** Marks search-hit terms (\u0002…\u0003) in bold for a terminal, or with [brackets] otherwise. */
export function highlight(snippet: string, tty: boolean): string {
  return tty
    ? snippet.replace(/\u0002/g, '\u001b[1;33m').replace(/\u0003/g, '\u001b[0m')
    : snippet.replace(/\u0002/g, '[').replace(/\u0003/g, ']');
}

/** A short form of a document id for tables: the first 12 hex digits. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
