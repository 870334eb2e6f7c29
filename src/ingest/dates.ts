/** Publication dates from page and feed metadata → ISO `YYYY-MM-DD`. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * The calendar date of a timestamp as the publisher wrote it. ISO strings keep their own date
 * (no shift to UTC, so "2024-02-25T23:30+05:00" stays the 25th); RFC 822 and other formats
 * `Date` understands are read in UTC. Returns null for anything unparseable.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const s = value?.trim();
  if (!s) return null;
  const iso = ISO_DATE.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? iso[0] : null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString().slice(0, 10) : null;
}
