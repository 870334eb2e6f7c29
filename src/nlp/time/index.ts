/**
 * Time expressions in news text, resolved against the publication date: explicit dates through
 * chrono-node, and the relative phrasing of reporting ("on Monday", "this month", "last year",
 * "a few years ago") through our own rules. Without a publication date relative expressions get
 * precision `unknown` and null bounds; nothing ever silently means "today".
 */
import type { DateRange } from '../../core/index.js';
import type { Sentence } from '../types.js';
import { parseIso } from './calendar.js';
import { findExplicitDates } from './explicit.js';
import { NEWS_RULES, type Resolved } from './news-rules.js';

/** A time expression: its offsets in the text and the date range it stands for. */
export interface TimeExpression {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly range: DateRange;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly range: Resolved;
}

const UNKNOWN: Resolved = { start: null, end: null, precision: 'unknown' };
/** Leading prepositions are not part of the expression itself ("on Tuesday" → "Tuesday"). */
const LEAD = /^(?:on|in|at|during|from|by|until|of|for|through|around|before|after) /i;

function ruleCandidates(text: string, anchor: ReturnType<typeof parseIso>): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of NEWS_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const resolved = anchor ? rule.resolve(m, anchor) : rule.relative(m) ? UNKNOWN : rule.resolve(m, null);
      if (!resolved) continue;
      const lead = LEAD.exec(m[0])?.[0].length ?? 0;
      out.push({ start: m.index + lead, end: m.index + m[0].length, range: resolved });
    }
  }
  return out;
}

/** Keeps the longest of overlapping candidates (earlier ones win ties), in text order. */
function pickNonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Finds and resolves the time expressions of a document. `published` is `YYYY-MM-DD` or null. */
export function findTimeExpressions(
  text: string,
  sentences: readonly Sentence[],
  published: string | null,
): TimeExpression[] {
  const anchor = parseIso(published);
  const cands = [...findExplicitDates(text, sentences, anchor), ...ruleCandidates(text, anchor)];
  return pickNonOverlapping(cands).map((c) => {
    const surface = text.slice(c.start, c.end);
    return { start: c.start, end: c.end, text: surface, range: { ...c.range, text: surface } };
  });
}

export { parseIso } from './calendar.js';
export { findRelativeShifts, shiftRange, type RelativeShift } from './relative.js';
