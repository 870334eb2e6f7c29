/**
 * The cross-document grades of one document's relations and claims, for `sitrep show`: each is read
 * from the entity timeline of one of its entities (the one in fewest documents, so the document is
 * most likely within the timeline's window of recent documents) and graded like `entity --timeline`.
 */
import type { Extraction } from '../../core/index.js';
import type { ReliabilityConfig } from '../../grade/reliability.js';
import { timelineGrade } from '../../grade/fusion/index.js';
import type { EntityTimelineItem, Store } from '../../store/index.js';
import { renderTable } from '../format.js';

/** One relation or claim of the document with its grade across documents. */
export interface StatementGradeLine {
  readonly ref: string;
  readonly what: string;
  readonly grade: string;
  readonly reason: string;
}

/** Grades of the document's relations and of its claims that no event or relation stands for. */
export async function documentStatementGrades(
  s: Store,
  docId: string,
  x: Extraction,
  config: ReliabilityConfig,
): Promise<{ lines: StatementGradeLine[]; ungraded: string[] }> {
  const keyOf = new Map(x.entities.map((e) => [e.id, e.key ?? null]));
  const ends = new Map<string, readonly string[]>();
  for (const r of x.relations) ends.set(r.id, [r.subject, r.object]);
  for (const c of x.claims) ends.set(c.id, c.about);
  const docsOf = new Map<string, number>();
  const keysFor = async (ids: readonly string[]): Promise<string[]> => {
    const keys = [...new Set(ids.map((id) => keyOf.get(id)).filter((k): k is string => !!k))];
    for (const k of keys)
      if (!docsOf.has(k)) docsOf.set(k, (await s.getEntityProfile(k, { limit: 1 }))?.documents ?? Infinity);
    return keys.sort((a, b) => docsOf.get(a)! - docsOf.get(b)!);
  };
  const found = new Map<string, EntityTimelineItem>();
  const read = new Set<string>();
  for (const [ref, ids] of ends) {
    if (found.has(ref)) continue;
    const key = (await keysFor(ids))[0];
    if (!key || read.has(key)) continue;
    read.add(key);
    for (const item of await s.entityTimeline(key, { limit: Number.MAX_SAFE_INTEGER }))
      if (item.docId === docId && (item.kind === 'relation' || item.kind === 'claim'))
        found.set(item.ref, item);
  }
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const eventType = new Map(x.events.map((ev) => [ev.id, ev.type]));
  const nameOf = (id: string): string => names.get(id) ?? eventType.get(id) ?? id;
  const lines: StatementGradeLine[] = [];
  for (const r of x.relations) {
    const item = found.get(r.id);
    if (!item) continue;
    const fused = item.fusedId ? await s.getFusedEvent(item.fusedId) : null;
    const g = timelineGrade(item, fused, config);
    lines.push({
      ref: r.id,
      what: `${nameOf(r.subject)} ${r.type} ${nameOf(r.object)} [${r.modality}]`,
      ...g,
    });
  }
  for (const c of x.claims) {
    const item = found.get(c.id);
    if (!item) continue;
    const fused = item.fusedId ? await s.getFusedEvent(item.fusedId) : null;
    const g = timelineGrade(item, fused, config);
    lines.push({ ref: c.id, what: `claim about ${c.about.map(nameOf).join(', ')} [${c.modality}]`, ...g });
  }
  const graded = new Set(lines.map((l) => l.ref));
  const ungraded = x.relations.map((r) => r.id).filter((id) => !graded.has(id));
  return { lines, ungraded };
}

/** The section `sitrep show` prints. */
export function renderStatementGrades(r: { lines: StatementGradeLine[]; ungraded: string[] }): string {
  if (!r.lines.length && !r.ungraded.length) return '';
  const out = ['', 'Relation and claim grades across documents'];
  if (r.lines.length)
    out.push(
      renderTable(
        ['ref', 'what', 'grade', 'why'],
        r.lines.map((l) => [l.ref, l.what, l.grade, l.reason]),
      ),
    );
  if (r.ungraded.length)
    out.push(
      `not graded (no resolved entity end, or outside its entity's recent-document window): ${r.ungraded.join(', ')}`,
    );
  return out.join('\n');
}
