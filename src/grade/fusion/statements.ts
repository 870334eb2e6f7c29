/**
 * The cross-document grade of a relation (and of a claim about one): the same corroboration rule
 * as fused events (`corroboratedCredibility`), fed with every independent story that states it,
 * each at its own best source's reliability as the user's reliability file grades it now, and the
 * stories that deny or negate it as contrary reports.
 */
import type { Credibility, Modality, Reliability, SourceKind } from '../../core/index.js';
import type { ReliabilityConfig } from '../reliability.js';
import { outletReliability, reliabilityFor } from '../reliability.js';
import { bestReliability, corroboratedCredibility } from './credibility.js';
import { summarizeFused } from './summary.js';
import type { FusedLike } from './summary.js';

/** What the grade reads of one document's statement (the store's StatementReport has these fields). */
export interface StatementLike {
  readonly docId: string;
  readonly storyId: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly modality: Modality;
  readonly sources: readonly { readonly text: string; readonly kind: SourceKind }[];
  readonly credibility: Credibility | null;
}

/** A relation's grade across documents, with the reason naming the stories. */
export interface StatementGrade {
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  /** Admiralty grade across documents, e.g. "B2". */
  readonly grade: string;
  readonly reason: string;
  readonly independent: number;
  readonly contrary: number;
}

const isContrary = (m: Modality): boolean => m === 'denied' || m === 'negated';

/** Reliability of one statement: its best attached source, else the outlet's own voice. */
export function statementReliability(r: StatementLike, config: ReliabilityConfig = {}): Reliability {
  const graded = r.sources.map((s) => reliabilityFor(s.kind, s.text, config));
  return graded.length ? bestReliability(graded) : outletReliability(r.outlet, config);
}

/** Grades a relation from its statements: copies of one story count once; a story only denying it is contrary. */
export function gradeStatement(
  reports: readonly StatementLike[],
  config: ReliabilityConfig = {},
): StatementGrade {
  const stories = new Map<string, StatementLike[]>();
  for (const r of reports) {
    const id = r.storyId ?? r.docId;
    stories.set(id, [...(stories.get(id) ?? []), r]);
  }
  const confirming: Reliability[] = [];
  const named: string[] = [];
  const against: string[] = [];
  const grades: Credibility[] = [];
  for (const rs of stories.values()) {
    const yes = rs.filter((r) => !isContrary(r.modality));
    const first = (yes[0] ?? rs[0])!;
    // A document may state the same relation twice; copies are the story's other documents.
    const docs = new Set(rs.map((r) => r.docId)).size;
    const copies = docs > 1 ? ` +${docs - 1} cop${docs > 2 ? 'ies' : 'y'}` : '';
    if (!yes.length) {
      against.push(`${storyName(first)}${copies}`);
      continue;
    }
    const reliability = bestReliability(yes.map((r) => statementReliability(r, config)));
    confirming.push(reliability);
    named.push(`${storyName(first)} ${reliability}${copies}`);
    for (const r of yes) if (r.credibility !== null) grades.push(r.credibility);
  }
  const base = (grades.length ? Math.min(...grades) : 6) as Credibility;
  const { credibility, reason } = corroboratedCredibility({
    base,
    confirming,
    contrary: against.length,
    contradictionKinds: [],
  });
  const reliability = bestReliability(confirming);
  const parts = [reason];
  if (named.length) parts.push(`stated by ${named.join(', ')}`);
  if (against.length) parts.push(`denied by ${against.join(', ')}`);
  return {
    reliability,
    credibility,
    grade: `${reliability}${credibility}`,
    reason: parts.join('; '),
    independent: confirming.length,
    contrary: against.length,
  };
}

/** How a story is named in a reason: its outlet (or title) and the first hex digits of its document. */
function storyName(r: StatementLike): string {
  const id = r.docId.replace(/^sha256:/, '').slice(0, 8);
  return `${r.outlet ?? r.title ?? 'document'} ${id}`;
}

/** What `timelineGrade` reads of an entity-timeline item (the store's EntityTimelineItem has these fields). */
export interface TimelineItemLike {
  readonly kind: 'event' | 'relation' | 'claim' | 'mention';
  readonly modality: Modality;
  readonly credibility: Credibility;
  readonly outlet: string | null;
  readonly source: { readonly text: string; readonly kind: SourceKind } | null;
  readonly reports?: readonly StatementLike[];
  readonly gradeFrom?: 'event' | 'relation' | 'claim';
}

/**
 * The grade shown next to a timeline item, with its reason: an event report, or a claim about an
 * event, takes the fused event's grade; a relation, or a claim about one, the relation's grade
 * from all its statements; anything else (a claim about entities only, a mention) its own
 * document's grade, since claims carry no predicate that other stories' claims could match.
 */
export function timelineGrade(
  item: TimelineItemLike,
  fused: FusedLike | null,
  config: ReliabilityConfig = {},
): { grade: string; reason: string } {
  const here = isContrary(item.modality) ? `${item.modality} in this document; ` : '';
  if (fused) {
    const sum = summarizeFused(fused, config);
    const n = fused.reports.length;
    const about =
      item.kind === 'claim' ? `the fused event it is about (${n} report${n === 1 ? '' : 's'}): ` : '';
    return { grade: sum.grade, reason: `${here}${about}${sum.reason}` };
  }
  if (item.reports?.length) {
    const g = gradeStatement(item.reports, config);
    const about = item.kind === 'claim' ? 'the relation it is about: ' : '';
    return { grade: g.grade, reason: `${here}${about}${g.reason}` };
  }
  const reliability = item.source
    ? reliabilityFor(item.source.kind, item.source.text, config)
    : outletReliability(item.outlet, config);
  const why =
    item.kind === 'claim'
      ? 'single document: a claim about entities only has no predicate to match in other stories'
      : item.kind === 'mention'
        ? 'single document: a sentence naming it, no fact extracted'
        : 'single document: not fused with other reports';
  return { grade: `${reliability}${item.credibility}`, reason: `${here}${why}` };
}
