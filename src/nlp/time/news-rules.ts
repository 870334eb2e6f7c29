/**
 * Rules for the time expressions news writes that a general date parser leaves out or gets
 * wrong for reporting: weekdays (the most recent one on or before publication), "this month",
 * "last year", "a few years ago", "in the past few months", "early March", "the night of 3-4 May",
 * bare years after a preposition. Each rule resolves against the publication date; rules marked
 * `relative` yield precision `unknown` when there is no publication date.
 */
import type { DatePrecision } from '../../core/index.js';
import { UNITS } from '../numbers/number-words.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  iso,
  monthBounds,
  monthNumber,
  weekday,
  WEEKDAYS,
  type Ymd,
} from './calendar.js';

/** A resolved range before it is wrapped with its text. */
export interface Resolved {
  readonly start: string | null;
  readonly end: string | null;
  readonly precision: DatePrecision;
}

export interface NewsRule {
  readonly name: string;
  readonly re: RegExp;
  /** True when the expression needs the publication date to mean anything. */
  readonly relative: (m: RegExpExecArray) => boolean;
  readonly resolve: (m: RegExpExecArray, anchor: Ymd | null) => Resolved | null;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
/** Counts in "a few days ago", "two weeks ago": number words one to ten, and vague ones. */
const FEW: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  ...Object.fromEntries(Object.entries(UNITS).filter(([, n]) => n >= 1 && n <= 10)),
  few: 3,
  'a few': 3,
  several: 4,
  'a couple of': 2,
  couple: 2,
  some: 3,
  the: 1,
};
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365 };

const day = (d: string): Resolved => ({ start: d, end: d, precision: 'day' });
const range = (start: string, end: string): Resolved => ({ start, end, precision: 'range' });
const always = (): boolean => true;
const never = (): boolean => false;

/** The year a month without a year most likely falls in: the latest not after publication. */
function yearOfMonth(month: number, anchor: Ymd): number {
  return month <= anchor.m ? anchor.y : anchor.y - 1;
}

/** The most recent date with the given weekday on or before the anchor (`strict`: before). */
function lastWeekday(anchor: Ymd, wd: number, strict: boolean): string {
  let back = (weekday(anchor) - wd + 7) % 7;
  if (back === 0 && strict) back = 7;
  return addDays(anchor, -back);
}

function count(word: string | undefined): number {
  if (!word) return 1;
  const w = word.toLowerCase().trim();
  return FEW[w] ?? (Number.isFinite(Number(w)) ? Number(w) : 3);
}

/** Part of a month ("early", "mid", "late") as a day range. */
function monthPart(part: string, y: number, m: number): Resolved {
  const p = part.toLowerCase();
  const last = daysInMonth(y, m);
  if (/^(early|beginning|start)/.test(p)) return range(iso(y, m, 1), iso(y, m, 10));
  if (/^mid/.test(p)) return range(iso(y, m, 11), iso(y, m, 20));
  return range(iso(y, m, 21), iso(y, m, last));
}

/** Part of a year as a month range. */
function yearPart(part: string, y: number): Resolved {
  const p = part.toLowerCase();
  if (/^(early|beginning|start)/.test(p)) return range(iso(y, 1, 1), iso(y, 4, 30));
  if (/^mid/.test(p)) return range(iso(y, 5, 1), iso(y, 8, 31));
  return range(iso(y, 9, 1), iso(y, 12, 31));
}

function parseMonth(isoDate: string): { y: number; m: number } {
  return { y: Number(isoDate.slice(0, 4)), m: Number(isoDate.slice(5, 7)) };
}

const rx = (source: string): RegExp => new RegExp(`\\b(?:${source})\\b`, 'gi');

/** Rules in priority order; the caller keeps the longest match where they overlap. */
export const NEWS_RULES: readonly NewsRule[] = [
  {
    name: 'day-range-month',
    re: rx(
      `(?:the night of |between )?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|and|to)\\s*(\\d{1,2})(?:st|nd|rd|th)? (${MONTH})(?:,? (${YEAR}))?`,
    ),
    relative: (m) => !m[4],
    resolve: (m, a) => {
      const mon = monthNumber(m[3] ?? '');
      const y = m[4] ? Number(m[4]) : a ? yearOfMonth(mon, a) : null;
      if (!mon || y === null) return null;
      return range(iso(y, mon, Number(m[1])), iso(y, mon, Number(m[2])));
    },
  },
  {
    name: 'month-part',
    re: rx(
      `(early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]?(?:in )?(${MONTH})(?:,? (${YEAR}))?`,
    ),
    relative: (m) => !m[3],
    resolve: (m, a) => {
      const mon = monthNumber(m[2] ?? '');
      const y = m[3] ? Number(m[3]) : a ? yearOfMonth(mon, a) : null;
      return mon && y !== null ? monthPart(m[1] ?? '', y, mon) : null;
    },
  },
  {
    name: 'year-part',
    re: rx(
      `(early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]?(?:in )?(${YEAR}|last year|this year)`,
    ),
    relative: (m) => /year/i.test(m[2] ?? ''),
    resolve: (m, a) => {
      const w = (m[2] ?? '').toLowerCase();
      const y = /^\d/.test(w) ? Number(w) : a ? a.y - (w.startsWith('last') ? 1 : 0) : null;
      return y === null ? null : yearPart(m[1] ?? '', y);
    },
  },
  {
    name: 'decade',
    re: rx(`(?:the )?(early|mid|late)?[- ]?(1[89]\\d0|20\\d0)s`),
    relative: never,
    resolve: (m) => {
      const y = Number(m[2]);
      const part = (m[1] ?? '').toLowerCase();
      const [a, b] = part === 'early' ? [0, 3] : part === 'mid' ? [3, 6] : part === 'late' ? [6, 9] : [0, 9];
      return range(iso(y + a, 1, 1), iso(y + b, 12, 31));
    },
  },
  {
    name: 'month-year',
    re: rx(`(${MONTH}),? (${YEAR})`),
    relative: never,
    resolve: (m) => {
      const mon = monthNumber(m[1] ?? '');
      if (!mon) return null;
      const [start, end] = monthBounds(Number(m[2]), mon);
      return { start, end, precision: 'month' };
    },
  },
  {
    name: 'month-alone',
    re: rx(`(?:in|since|during|until|by|from|last|this|of) (${MONTH})(?! \\d)`),
    relative: always,
    resolve: (m, a) => {
      const mon = monthNumber(m[1] ?? '');
      if (!mon || !a) return null;
      const [start, end] = monthBounds(
        /^last/i.test(m[0]) && mon === a.m ? a.y - 1 : yearOfMonth(mon, a),
        mon,
      );
      // "since January" runs from the month's first day to publication.
      if (/^since/i.test(m[0])) return range(start, iso(a.y, a.m, a.d));
      return { start, end, precision: 'month' };
    },
  },
  {
    name: 'since-year',
    re: rx(`since (${YEAR})`),
    relative: always,
    resolve: (m, a) => (a ? range(iso(Number(m[1]), 1, 1), iso(a.y, a.m, a.d)) : null),
  },
  {
    name: 'year',
    re: rx(`(?:in|during|of|by|until|from|before|after|around|for|through) (${YEAR})(?![-/.,]?\\d)`),
    relative: never,
    resolve: (m) => ({ start: iso(Number(m[1]), 1, 1), end: iso(Number(m[1]), 12, 31), precision: 'year' }),
  },
  {
    name: 'overnight-weekdays',
    re: rx(`overnight (?:from )?(${WEEKDAY}) (?:into|to) (${WEEKDAY})`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const end = lastWeekday(a, WEEKDAYS[(m[2] ?? '').toLowerCase()] ?? 0, false);
      const endYmd = { y: Number(end.slice(0, 4)), m: Number(end.slice(5, 7)), d: Number(end.slice(8, 10)) };
      return range(addDays(endYmd, -1), end);
    },
  },
  {
    name: 'weekday-last-week',
    re: rx(`(?:on )?(${WEEKDAY}),? (?:of )?last week`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const monday = addDays(a, -((weekday(a) + 6) % 7) - 7);
      const mon = {
        y: Number(monday.slice(0, 4)),
        m: Number(monday.slice(5, 7)),
        d: Number(monday.slice(8, 10)),
      };
      return day(addDays(mon, ((WEEKDAYS[(m[1] ?? '').toLowerCase()] ?? 1) + 6) % 7));
    },
  },
  {
    name: 'weekend',
    re: rx(`(?:over|during|at) the weekend|this weekend|the past weekend`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const sunday = lastWeekday(a, 0, false);
      const sun = {
        y: Number(sunday.slice(0, 4)),
        m: Number(sunday.slice(5, 7)),
        d: Number(sunday.slice(8, 10)),
      };
      return range(addDays(sun, -1), sunday);
    },
  },
  {
    name: 'overnight',
    re: rx(`overnight`),
    relative: always,
    resolve: (m, a) => (a ? range(addDays(a, -1), iso(a.y, a.m, a.d)) : null),
  },
  {
    // "on the 5th": a day of the publication month, or of the month before when the day is still
    // to come. Not "the 5th of May" (the explicit parser reads that) nor "the 5th Brigade/floor".
    name: 'ordinal-day',
    re: rx(
      `on the (\\d{1,2})(?:st|nd|rd|th)(?! (?:of )?${MONTH})(?=[,.;:)]|\\s+(?:and|when|as|after|before|at|in|near|while|during|[a-z]+ed)\\b|$)`,
    ),
    relative: always,
    resolve: (m, a) => {
      const d = Number(m[1]);
      if (!a || d < 1 || d > 31) return null;
      const at = d <= a.d ? { y: a.y, m: a.m } : parseMonth(addMonths({ y: a.y, m: a.m, d: 1 }, -1));
      return d > daysInMonth(at.y, at.m) ? null : day(iso(at.y, at.m, d));
    },
  },
  {
    name: 'weekday',
    re: rx(
      `(?:(?:early|late) )?(?:on )?(last |this |past |previous )?(${WEEKDAY})(?:['’]s)?(?: (?:morning|afternoon|evening|night))?`,
    ),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const strict = /last|past|previous/i.test(m[1] ?? '');
      return day(lastWeekday(a, WEEKDAYS[(m[2] ?? '').toLowerCase()] ?? 0, strict));
    },
  },
  {
    name: 'deictic-day',
    re: rx(
      `today|tonight|yesterday|the day before yesterday|last night|this (?:morning|afternoon|evening)|earlier today`,
    ),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const w = m[0].toLowerCase();
      const back = w.includes('before yesterday') ? 2 : w.includes('yesterday') ? 1 : 0;
      return day(addDays(a, -back));
    },
  },
  {
    name: 'this-week',
    re: rx(`(?:earlier |later )?this week`),
    relative: always,
    resolve: (m, a) => (a ? range(addDays(a, -((weekday(a) + 6) % 7)), iso(a.y, a.m, a.d)) : null),
  },
  {
    name: 'last-week',
    re: rx(`last week(?:end)?|the previous week(?:end)?|the past weekend|last weekend`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const monday = addDays(a, -((weekday(a) + 6) % 7) - 7);
      const mon = {
        y: Number(monday.slice(0, 4)),
        m: Number(monday.slice(5, 7)),
        d: Number(monday.slice(8, 10)),
      };
      return /weekend/i.test(m[0]) ? range(addDays(mon, 5), addDays(mon, 6)) : range(monday, addDays(mon, 6));
    },
  },
  {
    name: 'relative-month-part',
    re: rx(
      `(early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]?(last|this|the previous) month`,
    ),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const at = /^this/i.test(m[2] ?? '') ? iso(a.y, a.m, 1) : addMonths({ y: a.y, m: a.m, d: 1 }, -1);
      return monthPart(m[1] ?? '', Number(at.slice(0, 4)), Number(at.slice(5, 7)));
    },
  },
  {
    name: 'this-month',
    re: rx(`(?:in |earlier |so far |later )?this month(?: alone)?`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const [start, end] = monthBounds(a.y, a.m);
      // "earlier this month", "so far this month": only the days up to publication.
      if (/^(?:earlier|so far)/i.test(m[0])) return range(start, iso(a.y, a.m, a.d));
      return { start, end, precision: 'month' };
    },
  },
  {
    name: 'last-month',
    re: rx(`last month|the previous month`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const prev = addMonths({ y: a.y, m: a.m, d: 1 }, -1);
      const [start, end] = monthBounds(Number(prev.slice(0, 4)), Number(prev.slice(5, 7)));
      return { start, end, precision: 'month' };
    },
  },
  {
    name: 'this-last-year',
    re: rx(`(?:so far |earlier |later )?(this|last|the previous|next) year`),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const w = (m[1] ?? '').toLowerCase();
      const y = w === 'this' ? a.y : w === 'next' ? a.y + 1 : a.y - 1;
      // "earlier this year", "so far this year": from 1 January to publication.
      if (w === 'this' && /^(?:earlier|so far)/i.test(m[0])) return range(iso(y, 1, 1), iso(a.y, a.m, a.d));
      return { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'year' };
    },
  },
  {
    name: 'ago',
    re: rx(
      `(a few|a couple of|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}) (day|week|month|year)s? ago`,
    ),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const n = count(m[1]);
      const unit = (m[2] ?? 'day').toLowerCase();
      const vague = /few|couple|several|some/i.test(m[1] ?? '');
      if (unit === 'year' && !vague)
        return { start: iso(a.y - n, 1, 1), end: iso(a.y - n, 12, 31), precision: 'year' };
      if (unit === 'month' && !vague) {
        const at = addMonths(a, -n);
        const [start, end] = monthBounds(Number(at.slice(0, 4)), Number(at.slice(5, 7)));
        return { start, end, precision: 'month' };
      }
      const span = UNIT_DAYS[unit] ?? 1;
      const spread = vague ? Math.ceil(n * span * 0.5) : unit === 'week' ? 1 : 0;
      const centre = -n * span;
      const start = addDays(a, centre - spread);
      const end = addDays(a, Math.min(-1, centre + spread));
      // "two days ago" names one day; vaguer counts and weeks stay ranges.
      return start === end ? day(start) : range(start, end);
    },
  },
  {
    name: 'past-period',
    re: rx(
      `(?:in|over|during|within|for) the (?:past|last|previous) (?:(a few|a couple of|few|several|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3}) )?(day|week|month|year|hour)s?|in recent (day|week|month|year)s|recently`,
    ),
    relative: always,
    resolve: (m, a) => {
      if (!a) return null;
      const unit = (m[2] ?? m[3] ?? 'month').toLowerCase();
      const n = m[0].toLowerCase() === 'recently' ? 1 : m[3] ? 3 : count(m[1]);
      if (unit === 'hour') return range(addDays(a, -Math.max(1, Math.ceil(n / 24))), iso(a.y, a.m, a.d));
      if (unit === 'month') return range(addMonths(a, -n), iso(a.y, a.m, a.d));
      if (unit === 'year') return range(iso(a.y - n, a.m, a.d), iso(a.y, a.m, a.d));
      return range(addDays(a, -n * (UNIT_DAYS[unit] ?? 1)), iso(a.y, a.m, a.d));
    },
  },
];
