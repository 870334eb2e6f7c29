/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no local time zone leaks in. */

export interface Ymd {
  readonly y: number;
  /** 1–12 */
  readonly m: number;
  readonly d: number;
}

/** Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); null when malformed. */
export function parseIso(iso: string | null): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Formats a date as `YYYY-MM-DD`, normalising overflowing days and months. */
export function iso(y: number, m: number, d: number): string {
  // a day that exists in every month of a four-digit year needs no Date (the common case)
  if (Number.isInteger(y) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 28)
    return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: Ymd, days: number): string {
  return iso(date.y, date.m, date.d + days);
}

/** The date `months` after `date`, clamped to the last day of the target month. */
export function addMonths(date: Ymd, months: number): string {
  const first = new Date(Date.UTC(date.y, date.m - 1 + months, 1));
  const last = daysInMonth(first.getUTCFullYear(), first.getUTCMonth() + 1);
  return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(date.d, last));
}

/** Number of days in a month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Day of the week, 0 = Sunday. */
export function weekday(date: Ymd): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

/** First and last day of a month. */
export function monthBounds(y: number, m: number): [string, string] {
  return [iso(y, m, 1), iso(y, m, daysInMonth(y, m))];
}

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Month number of a month name or abbreviation ("Sept."), else 0. */
export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}
