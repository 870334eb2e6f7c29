/**
 * Explicit calendar dates ("July 15, 2024", "26 May", "Sept. 14", "10/11/2024") through
 * chrono-node's strict English parser. Only results that name a day and a month are kept:
 * weekdays, months and years alone are left to the news rules, which resolve them the way
 * reporting means them. A date without a year takes the latest year that does not put it more
 * than a week after publication; without a publication date it stays `unknown`.
 */
import * as chrono from 'chrono-node';
import type { Sentence } from '../types.js';
import { iso, type Ymd } from './calendar.js';
import type { Resolved } from './news-rules.js';

/** A date found by chrono, with its offsets in the document. */
export interface ExplicitDate {
  readonly start: number;
  readonly end: number;
  readonly range: Resolved;
}

/** Cheap test for sentences worth handing to chrono (a month name or a numeric date). */
const MAY_HOLD_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b/i;

const FALLBACK_REF = new Date(Date.UTC(2000, 0, 1, 12));

function componentIso(c: chrono.ParsedComponents): [number, number, number] {
  return [c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0];
}

/** Year for a day-month date without a year: the latest one not more than 7 days after the anchor. */
function inferYear(month: number, dayOfMonth: number, anchor: Ymd): number {
  const candidate = iso(anchor.y, month, dayOfMonth);
  const limit = iso(anchor.y, anchor.m, anchor.d + 7);
  return candidate > limit ? anchor.y - 1 : anchor.y;
}

function resolveResult(r: chrono.ParsedResult, anchor: Ymd | null): Resolved | null {
  const s = r.start;
  if (!s.isCertain('month') || !s.isCertain('day')) return null;
  const [y0, m, d] = componentIso(s);
  const yearKnown = s.isCertain('year');
  if (!yearKnown && !anchor) return { start: null, end: null, precision: 'unknown' };
  const y = yearKnown ? y0 : inferYear(m, d, anchor as Ymd);
  const start = iso(y, m, d);
  if (!r.end || !r.end.isCertain('day')) return { start, end: start, precision: 'day' };
  const [, em, ed] = componentIso(r.end);
  const ey = r.end.isCertain('year') ? (r.end.get('year') ?? y) : em < m ? y + 1 : y;
  return { start, end: iso(ey, em, ed), precision: 'range' };
}

/** Finds explicit day-level dates in the given sentences. */
export function findExplicitDates(
  text: string,
  sentences: readonly Sentence[],
  anchor: Ymd | null,
): ExplicitDate[] {
  const out: ExplicitDate[] = [];
  const ref = anchor ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)) : FALLBACK_REF;
  for (const sentence of sentences) {
    const chunk = text.slice(sentence.start, sentence.end);
    if (!MAY_HOLD_DATE.test(chunk)) continue;
    for (const r of chrono.strict.parse(chunk, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const range = resolveResult(r, anchor);
      if (!range) continue;
      const lead = /^(?:on|in|at|from|since|by)\s+/i.exec(r.text)?.[0].length ?? 0;
      out.push({
        start: sentence.start + r.index + lead,
        end: sentence.start + r.index + r.text.length,
        range,
      });
    }
  }
  return out;
}
