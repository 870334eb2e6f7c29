/**
 * The analyst's view of a fused event: date window, figure ranges and best estimates, and the
 * cross-document grade, computed at read time so the user's reliability file applies.
 */
import type { Credibility, Event, Reliability, SourceKind } from '../../core/index.js';
import { outletReliability, reliabilityFor } from '../reliability.js';
import type { ReliabilityConfig } from '../reliability.js';
import { bestReliability, corroboratedCredibility } from './credibility.js';
import { estimateFigure } from './estimate.js';
import type { FigureEstimate, FigureReport } from './estimate.js';

/** What the summary reads of one report (the store's FusionReport has these fields). */
export interface ReportLike {
  readonly docId: string;
  readonly storyId: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly event: Event;
  readonly sources: readonly {
    readonly text: string;
    readonly kind: SourceKind;
    readonly reliability: Reliability;
  }[];
  readonly credibility: Credibility | null;
}

/** What the summary reads of a fused event. */
export interface FusedLike {
  readonly reports: readonly ReportLike[];
  readonly contradictionKinds?: readonly string[];
}

/** A fused event as shown: dates, figures, grade. */
export interface FusedSummary {
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly fatalities: FigureEstimate | null;
  readonly injured: FigureEstimate | null;
  readonly independentReports: number;
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  /** Admiralty grade across documents, e.g. "B2". */
  readonly grade: string;
  readonly reason: string;
}

/** Reliability of a report as graded now: its best source (re-read from the config), else its outlet's voice. */
export function reportReliability(r: ReportLike, config: ReliabilityConfig = {}): Reliability {
  const graded = r.sources.map((s) => reliabilityFor(s.kind, s.text, config));
  return graded.length ? bestReliability(graded) : outletReliability(r.outlet, config);
}

/** Summarises a fused event's reports with the user's reliability config. */
export function summarizeFused(f: FusedLike, config: ReliabilityConfig = {}): FusedSummary {
  const contrary = (r: ReportLike): boolean =>
    r.event.modality === 'denied' || r.event.modality === 'negated';
  const stories = new Map<string, ReportLike[]>();
  for (const r of f.reports)
    stories.set(r.storyId ?? r.docId, [...(stories.get(r.storyId ?? r.docId) ?? []), r]);
  const confirming: Reliability[] = [];
  let contraryStories = 0;
  for (const rs of stories.values()) {
    const yes = rs.filter((r) => !contrary(r));
    if (yes.length) confirming.push(bestReliability(yes.map((r) => reportReliability(r, config))));
    else contraryStories++;
  }
  const grades = f.reports.map((r) => r.credibility).filter((c): c is Credibility => c !== null);
  const base = (grades.length ? Math.min(...grades) : 6) as Credibility;
  const { credibility, reason } = corroboratedCredibility({
    base,
    confirming,
    contrary: contraryStories,
    contradictionKinds: f.contradictionKinds ?? [],
  });
  const reliability = bestReliability(confirming);
  const figure = (pick: (e: Event) => number | null): FigureEstimate | null =>
    estimateFigure(f.reports.map((r): FigureReport => figureReport(r, pick(r.event), config)));
  const starts = f.reports.map((r) => r.event.date.start).filter((d): d is string => d !== null);
  const ends = f.reports
    .map((r) => r.event.date.end ?? r.event.date.start)
    .filter((d): d is string => d !== null);
  return {
    dateStart: starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null,
    dateEnd: ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : null,
    fatalities: figure((e) => e.fatalities?.min ?? null),
    injured: figure((e) => e.injured?.min ?? null),
    independentReports: stories.size,
    reliability,
    credibility,
    grade: `${reliability}${credibility}`,
    reason,
  };
}

function figureReport(r: ReportLike, figure: number | null, config: ReliabilityConfig): FigureReport {
  return {
    docId: r.docId,
    storyId: r.storyId,
    published: r.published,
    figure,
    reliability: reportReliability(r, config),
    perpetratorClaim: r.sources.length > 0 && r.sources.every((s) => s.kind === 'perpetrator_claim'),
  };
}
