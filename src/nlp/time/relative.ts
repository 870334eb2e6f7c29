/**
 * Dates told relative to another event rather than to publication: "two days after the ambush",
 * "a day after a soldier was shot dead", "the next day", "a day later", "the previous day". The
 * shift is found here; the event it counts from is known only to the event extractor, which
 * applies it with `shiftRange`.
 */
import type { DateRange } from '../../core/index.js';
import { UNITS } from '../numbers/number-words.js';
import { addDays, parseIso } from './calendar.js';

/** A shift in days from another event's date. */
export interface RelativeShift {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Signed days: the event told here is this many days after (+) or before (−) the other one. */
  readonly days: number;
  /**
   * True for a preposition with its complement ("two days after the ambush": the ambush is the
   * other event, told right after); false for an adverb ("the next day": the other event is the
   * one told before).
   */
  readonly governs: boolean;
}

const N = String.raw`(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})`;
/** "two days after", "a week before", "the day after" followed by what it counts from. */
const GOVERNING = new RegExp(String.raw`\b(?:${N} (day|week)s?|the (day)) (after|before)(?= [\w'’"])`, 'gi');
/** "the next day", "a day later", "two days earlier", "the previous day". */
const ADVERBIAL = new RegExp(
  String.raw`\b(?:the (next|following|previous|preceding) (day|morning|afternoon|evening|night)|${N} (day|week)s? (later|afterwards|earlier|before)\b(?! the| a | an )|the (day) (after|before)(?=[,.;]|$))`,
  'gi',
);

function amount(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  if (w === 'a' || w === 'an') return 1;
  return UNITS[w] ?? Number(w);
}

/** Finds the relative shifts of a text, in text order. */
export function findRelativeShifts(text: string): RelativeShift[] {
  const out: RelativeShift[] = [];
  GOVERNING.lastIndex = 0;
  for (let m = GOVERNING.exec(text); m; m = GOVERNING.exec(text)) {
    const n = m[3] ? 1 : amount(m[1]) * (m[2]?.toLowerCase() === 'week' ? 7 : 1);
    const sign = m[4]?.toLowerCase() === 'before' ? -1 : 1;
    if (Number.isFinite(n))
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], days: sign * n, governs: true });
  }
  ADVERBIAL.lastIndex = 0;
  for (let m = ADVERBIAL.exec(text); m; m = ADVERBIAL.exec(text)) {
    let days: number;
    if (m[1]) days = /^(?:previous|preceding)$/i.test(m[1]) ? -1 : 1;
    else if (m[3])
      days =
        amount(m[3]) *
        (m[4]?.toLowerCase() === 'week' ? 7 : 1) *
        (/^(?:earlier|before)$/i.test(m[5] ?? '') ? -1 : 1);
    else days = /^before$/i.test(m[7] ?? '') ? -1 : 1;
    if (Number.isFinite(days) && !out.some((o) => o.start < m.index + m[0].length && m.index < o.end))
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], days, governs: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A date range moved by `days`; null when it has no bounds. The text is the shift's own words. */
export function shiftRange(range: DateRange, days: number, text: string): DateRange | null {
  const s = parseIso(range.start);
  const e = parseIso(range.end);
  if (!s || !e) return null;
  return { start: addDays(s, days), end: addDays(e, days), precision: range.precision, text };
}
