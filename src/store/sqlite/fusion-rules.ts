/**
 * The pure rules of event fusion that run when a document is stored: which events can be fused,
 * how well a new report matches a stored one, and where two reports of one event disagree.
 * They live in the store layer because the store applies them inside the document's transaction
 * and the store may import only core; the grading rules that need the user's reliability file
 * run at read time in src/grade/fusion. docs/fusion.md explains every threshold.
 */
import type { DatePrecision, EventCategory, EventType, FeatureClass, Modality } from '../../core/index.js';
import type { ContradictionKind } from '../types.js';

/** Longest date window (days) an event may have and still be fused: a month is the coarsest ACLED codes. */
export const MAX_WINDOW_DAYS = 31;

/** Days around a report's window within which stored reports are looked up (date conflicts are found in it). */
export const DATE_SLACK_DAYS = 2;

/** A report scores at least this to join a fused event. */
export const MATCH_THRESHOLD = 0.5;

/** Figures within this share of the larger one (or within 1) agree. */
export const FIGURE_TOLERANCE = 0.1;

/** What the rules see of one event report. */
export interface FusionView {
  readonly category: EventCategory;
  readonly type: EventType;
  readonly start: string | null;
  readonly end: string | null;
  readonly precision: DatePrecision;
  readonly modality: Modality;
  readonly place: PlaceView | null;
  /** Entity keys. */
  readonly perpetrators: readonly string[];
  readonly claimants: readonly string[];
  readonly fatalities: number | null;
  readonly injured: number | null;
  readonly published: string | null;
}

/** The location of a report: entity key, precision and admin hierarchy (admin names as name keys). */
export interface PlaceView {
  readonly key: string;
  readonly featureClass: FeatureClass | null;
  readonly countryCode: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
}

/** Why an event is not fused (null when it can be). */
export function unfusableReason(v: FusionView): string | null {
  if (!v.start) return 'no date: an undated report could be any incident at that place';
  if (v.precision === 'year' || v.precision === 'unknown') return `date known only to the ${v.precision}`;
  if (windowDays(v) > MAX_WINDOW_DAYS) return `date window longer than ${MAX_WINDOW_DAYS} days`;
  if (!v.place) return 'no place: a report without a location cannot be told from other incidents';
  if (!v.place.countryCode) return 'place not resolved to coordinates and a country';
  if (
    v.place.featureClass === 'country' ||
    v.place.featureClass === 'continent' ||
    v.place.featureClass === 'region'
  )
    return 'place known only to the country or region';
  if (v.modality === 'negated') return 'negated: the text says it did not happen';
  return null;
}

/** A match between a new report and a stored one, with the parts that made it. */
export interface MatchResult {
  readonly score: number;
  readonly reason: string;
  /** The two reports' dates do not overlap but everything else fits: recorded as a date conflict. */
  readonly dateConflict: boolean;
  /** Matched through the province with two different precise places: recorded as a place conflict. */
  readonly placeConflict: boolean;
}

/** Scores how likely two reports describe one incident (0 when they cannot); both must be fusable. */
export function matchReports(a: FusionView, b: FusionView): MatchResult | null {
  if (a.category !== b.category || !a.place || !b.place) return null;
  const place = placeScore(a.place, b.place);
  if (!place) return null;
  const actors = actorFactor(a, b);
  if (actors === 0) return null;
  const overlap = datesOverlap(a, b);
  const sameType = a.type === b.type;
  const sharedActor = shares(a.perpetrators, b.perpetrators) || shares(a.claimants, b.claimants);
  if (!overlap) {
    // Reports a day or two apart are separate incidents unless everything else is the same:
    // same precise place, same sub-type and a shared named actor; then the dates conflict.
    const strong =
      place.score === 1 && sameType && sharedActor && a.precision === 'day' && b.precision === 'day';
    if (!strong || gapDays(a, b) > DATE_SLACK_DAYS) return null;
    return {
      score: 0.5,
      reason: `${place.reason}; same type and actor, dates ${gapDays(a, b)} day(s) apart`,
      dateConflict: true,
      placeConflict: false,
    };
  }
  const date = a.precision === 'day' && b.precision === 'day' ? 1 : 0.75;
  const type = sameType ? 1 : 0.85;
  const score = round(place.score * date * type * actors);
  const parts = [
    place.reason,
    date === 1 ? 'same day' : 'overlapping date windows',
    sameType ? 'same type' : 'same category',
  ];
  if (actors > 1) parts.push('shared actor');
  return {
    score: Math.min(1, score),
    reason: parts.join('; '),
    dateConflict: false,
    placeConflict: place.conflict,
  };
}

/** Place agreement: same place 1; same district 0.8; a place inside a province named by the other 0.6. */
function placeScore(a: PlaceView, b: PlaceView): { score: number; reason: string; conflict: boolean } | null {
  if (a.key === b.key) return { score: 1, reason: 'same place', conflict: false };
  if (a.countryCode !== b.countryCode) return null;
  if (a.admin2 && a.admin2 === b.admin2 && a.admin1 === b.admin1) {
    const district = a.featureClass === 'admin2' || b.featureClass === 'admin2';
    return district
      ? { score: 0.8, reason: 'place within the district named by the other', conflict: false }
      : { score: 0.55, reason: 'two places in the same district', conflict: true };
  }
  if (a.admin1 && a.admin1 === b.admin1) {
    if (a.featureClass === 'admin1' || b.featureClass === 'admin1')
      return { score: 0.6, reason: 'place within the province named by the other', conflict: false };
    // Two different precise places in one province: different incidents unless actors tie them.
    return { score: 0.4, reason: 'two places in the same province', conflict: true };
  }
  return null;
}

/** Actors: a shared one raises the score, different named ones lower it, unknown ones leave it. */
function actorFactor(a: FusionView, b: FusionView): number {
  const named = (x: FusionView): string[] => [...x.perpetrators, ...x.claimants];
  const na = named(a);
  const nb = named(b);
  if (!na.length || !nb.length) return 1;
  if (shares(na, nb)) return 1.3;
  // Different named perpetrators: still one incident when place and day agree (then a contradiction).
  return 0.7;
}

/** The kinds of disagreement between an earlier-stored report `a` and a new report `b` of one fused event. */
export function compareReports(
  a: FusionView,
  b: FusionView,
): { kind: ContradictionKind; a: string; b: string; note: string }[] {
  const found: { kind: ContradictionKind; a: string; b: string; note: string }[] = [];
  const figures = compareFigures(a, b, a.fatalities, b.fatalities, 'fatalities', 'killed');
  if (figures) found.push(figures);
  const injured = compareFigures(a, b, a.injured, b.injured, 'injured', 'injured');
  if (injured) found.push(injured);
  if (a.perpetrators.length && b.perpetrators.length && !shares(a.perpetrators, b.perpetrators))
    found.push({
      kind: 'perpetrator',
      a: a.perpetrators.join(', '),
      b: b.perpetrators.join(', '),
      note: 'different perpetrators named',
    });
  if (a.claimants.length && b.claimants.length && !shares(a.claimants, b.claimants))
    found.push({
      kind: 'claimant',
      a: a.claimants.join(', '),
      b: b.claimants.join(', '),
      note: 'different groups claimed it',
    });
  return found;
}

/**
 * Figures that differ beyond the tolerance. A later report with a higher figure is a revision (a
 * toll rises as the wounded die and bodies are found), not a contradiction; a later lower figure,
 * or different figures published the same day, contradict.
 */
function compareFigures(
  a: FusionView,
  b: FusionView,
  x: number | null,
  y: number | null,
  kind: 'fatalities' | 'injured',
  verb: string,
): { kind: ContradictionKind; a: string; b: string; note: string } | null {
  if (x === null || y === null || figuresAgree(x, y)) return null;
  const order = comparePublished(a.published, b.published);
  const later = order < 0 ? { from: x, to: y } : order > 0 ? { from: y, to: x } : null;
  if (later && later.to > later.from) {
    return {
      kind: 'revision',
      a: String(x),
      b: String(y),
      note: `${kind}: later report raises ${later.from} → ${later.to} ${verb}`,
    };
  }
  return { kind, a: String(x), b: String(y), note: `${x} vs ${y} ${verb}` };
}

/** Two figures agree when they differ by at most 1 or by at most FIGURE_TOLERANCE of the larger. */
export function figuresAgree(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.max(1, FIGURE_TOLERANCE * Math.max(x, y));
}

function comparePublished(a: string | null, b: string | null): number {
  if (!a || !b || a === b) return 0;
  return a < b ? -1 : 1;
}

/** Inclusive date windows overlap. */
function datesOverlap(a: FusionView, b: FusionView): boolean {
  const [as, ae] = window(a);
  const [bs, be] = window(b);
  return as <= be && bs <= ae;
}

function gapDays(a: FusionView, b: FusionView): number {
  const [as, ae] = window(a);
  const [bs, be] = window(b);
  return Math.max(days(ae, bs), days(be, as));
}

function window(v: FusionView): [string, string] {
  const start = v.start ?? '';
  return [start, v.end ?? start];
}

function windowDays(v: FusionView): number {
  const [s, e] = window(v);
  return days(s, e);
}

/** Whole days from `a` to `b` (ISO dates). */
export function days(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `n` days after `d`. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function shares(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
