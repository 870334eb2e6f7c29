/**
 * Figures across the reports of one fused event: the range, and a conservative best estimate.
 *
 * Rule (ACLED-like, conservative): take one figure per independent story (its latest report);
 * drop a figure when a later story gives a higher one (a toll revised upward as the wounded die —
 * the later figure supersedes it); drop figures that only the perpetrator's own claim or an
 * unreliable (E/F) source gives, unless nothing else is left; the best estimate is the lowest
 * figure that remains.
 */
import type { Reliability } from '../../core/index.js';

/** One report's figure and what the estimate needs to know about it. */
export interface FigureReport {
  readonly docId: string;
  readonly storyId: string | null;
  readonly published: string | null;
  readonly figure: number | null;
  /** Reliability of the report's best source (or its outlet's voice), as graded now. */
  readonly reliability: Reliability;
  /** The figure comes only from the perpetrator's own claim. */
  readonly perpetratorClaim: boolean;
}

/** The range across reports and the best estimate, with the reports it rests on. */
export interface FigureEstimate {
  readonly min: number;
  readonly max: number;
  readonly best: number;
  /** Documents whose figure is the best estimate. */
  readonly bestFrom: readonly string[];
  /** Figures superseded by a later, higher report of another story. */
  readonly superseded: readonly number[];
}

/** The estimate over the reports that give a figure, or null when none does. */
export function estimateFigure(reports: readonly FigureReport[]): FigureEstimate | null {
  const given = reports.filter((r): r is FigureReport & { figure: number } => r.figure !== null);
  if (!given.length) return null;
  const figures = given.map((r) => r.figure);
  const perStory = latestPerStory(given);
  const standing = perStory.filter((r) => !perStory.some((o) => isLater(o, r) && o.figure > r.figure));
  const credible = standing.filter(
    (r) => !r.perpetratorClaim && r.reliability !== 'E' && r.reliability !== 'F',
  );
  const pool = credible.length ? credible : standing.length ? standing : perStory;
  const best = Math.min(...pool.map((r) => r.figure));
  return {
    min: Math.min(...figures),
    max: Math.max(...figures),
    best,
    bestFrom: pool.filter((r) => r.figure === best).map((r) => r.docId),
    superseded: [...new Set(perStory.filter((r) => !standing.includes(r)).map((r) => r.figure))],
  };
}

/** The latest report of each story (copies of one story count once). */
function latestPerStory<T extends FigureReport>(reports: readonly T[]): T[] {
  const byStory = new Map<string, T>();
  for (const r of reports) {
    const key = r.storyId ?? r.docId;
    const seen = byStory.get(key);
    if (!seen || (r.published ?? '') > (seen.published ?? '')) byStory.set(key, r);
  }
  return [...byStory.values()];
}

/** `a` was published strictly after `b` (both dates known). */
function isLater(a: FigureReport, b: FigureReport): boolean {
  return a.published !== null && b.published !== null && a.published > b.published;
}
