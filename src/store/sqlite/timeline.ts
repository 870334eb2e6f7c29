/**
 * An entity's timeline across documents: the events it takes part in, the relations it is an end
 * of and the claims about it, read from each document's stored extraction (as corrected), each with
 * the date it is about, its source, its single-document grade and how many independent stories
 * state or deny the same thing.
 */
import type Database from 'better-sqlite3';
import type { Claim, Credibility, Event, Extraction, Relation, Source } from '../../core/index.js';
import type { EntityTimelineItem, ReportSource } from '../types.js';
import { overlayCorrections } from './overlay.js';

/** Most documents read for one timeline (the entity's most recent ones). */
const TIMELINE_DOCUMENTS = 500;

type Row = Record<string, unknown>;

const CONTRARY = new Set(['denied', 'negated']);

interface DocContext {
  readonly docId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly storyId: string | null;
  readonly text: string;
  readonly extraction: Extraction;
  readonly local: ReadonlySet<string>;
  readonly keyOf: ReadonlyMap<string, string>;
}

/** Every dated item about the entity with key `key`, oldest first; items without a date last. */
export function entityTimeline(db: Database.Database, key: string, limit: number): EntityTimelineItem[] {
  const docs = db
    .prepare(
      `SELECT doc.id, doc.title, doc.outlet, doc.published, doc.story_id, doc.text, doc.extraction
       FROM (SELECT DISTINCT doc_id FROM doc_entities WHERE entity_key = ?) m JOIN documents doc ON doc.id = m.doc_id
       ORDER BY coalesce(doc.published, substr(doc.ingested_at, 1, 10)) DESC LIMIT ?`,
    )
    .all(key, TIMELINE_DOCUMENTS) as Row[];
  const items = docs.flatMap((row) => itemsOf(db, contextOf(db, row, key)));
  items.sort(
    (a, b) =>
      (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? ''),
  );
  return items.slice(0, limit);
}

function contextOf(db: Database.Database, row: Row, key: string): DocContext {
  const docId = String(row.id);
  const keys = db
    .prepare('SELECT local_id, entity_key FROM doc_entities WHERE doc_id = ?')
    .all(docId) as Row[];
  const keyOf = new Map(keys.map((k) => [String(k.local_id), String(k.entity_key)]));
  return {
    docId,
    title: (row.title as string | null) ?? null,
    outlet: (row.outlet as string | null) ?? null,
    published: (row.published as string | null) ?? null,
    storyId: (row.story_id as string | null) ?? null,
    text: String(row.text),
    extraction: overlayCorrections(db, docId, JSON.parse(String(row.extraction)) as Extraction),
    local: new Set([...keyOf].filter(([, k]) => k === key).map(([id]) => id)),
    keyOf,
  };
}

function itemsOf(db: Database.Database, c: DocContext): EntityTimelineItem[] {
  const { extraction, local } = c;
  const events = extraction.events.filter((ev) =>
    [...ev.perpetrators, ...ev.targets, ...ev.claimedBy, ev.location ?? ''].some((p) => local.has(p)),
  );
  const eventsById = new Map(extraction.events.map((ev) => [ev.id, ev]));
  const relations = extraction.relations.filter((r) => local.has(r.subject) || local.has(r.object));
  const covered = new Set<string>();
  const items: EntityTimelineItem[] = [];
  for (const ev of events) items.push(eventItem(db, c, ev, covered));
  for (const r of relations) items.push(relationItem(db, c, r, eventsById.get(r.object) ?? null, covered));
  for (const claim of extraction.claims) {
    if (covered.has(claim.id) || !claim.about.some((id) => local.has(id))) continue;
    items.push(claimItem(c, claim));
  }
  return [...items, ...mentionItems(c, items)];
}

/**
 * Sentences that name the entity (by name or resolved reference) and that no item above covers:
 * the extractors may have found no fact in them, yet they can say when something happened
 * ("last year … he managed to escape"). The reader keeps those that state a date.
 */
function mentionItems(c: DocContext, covered: readonly EntityTimelineItem[]): EntityTimelineItem[] {
  const taken = covered.map((i) => i.text).filter(Boolean);
  const seen = new Set<number>();
  const out: EntityTimelineItem[] = [];
  for (const e of c.extraction.entities) {
    if (!c.local.has(e.id)) continue;
    for (const m of [...e.mentions, ...(e.references ?? [])]) {
      const s = sentenceAround(c.text, m.start);
      if (seen.has(s.start)) continue;
      seen.add(s.start);
      const text = c.text.slice(s.start, s.end);
      if (taken.some((t) => t.includes(text) || text.includes(t))) continue;
      out.push({
        ...base(c),
        date: c.published,
        dateEnd: c.published,
        dateKind: 'reported',
        kind: 'mention',
        label: 'mentioned',
        text,
        modality: 'asserted',
        source: null,
        corroboration: { independent: 1, contrary: 0 },
        contradictions: 0,
        grade: '?6',
        credibility: 6,
        fusedId: null,
        ref: `${e.id}@${s.start}`,
      });
    }
  }
  return out;
}

/** The sentence around an offset: from after the previous full stop (or line break) to the next. */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  const before = text.slice(0, at);
  const m = /[.!?]["”’]?\s+(?=[^.!?]*$)|\n(?=[^\n]*$)/.exec(before);
  const start = m ? m.index + m[0].length : 0;
  const rest = /[.!?](?=["”’]?(?:\s|$))|\n/.exec(text.slice(at));
  return { start, end: rest ? at + rest.index + 1 : text.length };
}

/** The first claim about `id` (its grade stands for the item), marked as covered. */
function claimFor(c: DocContext, id: string, covered: Set<string>): Claim | null {
  const claim = c.extraction.claims.find((cl) => cl.about.includes(id)) ?? null;
  if (claim) covered.add(claim.id);
  return claim;
}

function sourceOf(c: DocContext, ids: readonly (string | null)[]): ReportSource | null {
  const s: Source | undefined = c.extraction.sources.find((x) => ids.includes(x.id));
  return s ? { text: s.text, kind: s.kind, reliability: s.reliability } : null;
}

function base(
  c: DocContext,
): Pick<EntityTimelineItem, 'docId' | 'docTitle' | 'outlet' | 'published' | 'storyId'> {
  return { docId: c.docId, docTitle: c.title, outlet: c.outlet, published: c.published, storyId: c.storyId };
}

function grade(source: ReportSource | null, credibility: Credibility): string {
  return `${source?.reliability ?? '?'}${credibility}`;
}

function eventItem(
  db: Database.Database,
  c: DocContext,
  ev: Event,
  covered: Set<string>,
): EntityTimelineItem {
  const claim = claimFor(c, ev.id, covered);
  const source = sourceOf(c, claim?.source ? [claim.source] : ev.sources);
  const credibility = claim?.credibility ?? 6;
  const fused = db
    .prepare('SELECT fused_id FROM fusion_reports WHERE doc_id = ? AND event_id = ?')
    .get(c.docId, ev.id) as { fused_id: string } | undefined;
  const stats = fused ? fusedStats(db, fused.fused_id) : { independent: 1, contrary: 0, contradictions: 0 };
  const role = roleOf(c, ev);
  return {
    ...base(c),
    date: ev.date.start,
    dateEnd: ev.date.end,
    dateKind: ev.date.start ? 'event' : 'reported',
    kind: 'event',
    label: `${ev.type} (${role})`,
    text: spanText(c, ev.evidence[0]),
    modality: ev.modality,
    source,
    corroboration: { independent: stats.independent, contrary: stats.contrary },
    contradictions: stats.contradictions,
    grade: grade(source, credibility),
    credibility,
    fusedId: fused?.fused_id ?? null,
    ref: ev.id,
  };
}

function roleOf(c: DocContext, ev: Event): string {
  if (ev.perpetrators.some((p) => c.local.has(p))) return 'perpetrator';
  if (ev.claimedBy.some((p) => c.local.has(p))) return 'claimant';
  if (ev.targets.some((p) => c.local.has(p))) return 'target';
  return 'location';
}

function fusedStats(
  db: Database.Database,
  fusedId: string,
): { independent: number; contrary: number; contradictions: number } {
  const row = db
    .prepare(
      `SELECT count(DISTINCT coalesce(d.story_id, d.id)) AS independent,
              count(DISTINCT CASE WHEN e.modality IN ('denied', 'negated') THEN coalesce(d.story_id, d.id) END) AS contrary
       FROM fusion_reports f JOIN documents d ON d.id = f.doc_id
       JOIN events e ON e.doc_id = f.doc_id AND e.local_id = f.event_id WHERE f.fused_id = ?`,
    )
    .get(fusedId) as { independent: number; contrary: number };
  const n = db
    .prepare("SELECT count(*) AS n FROM fusion_contradictions WHERE fused_id = ? AND kind <> 'revision'")
    .get(fusedId) as { n: number };
  return { independent: row.independent - row.contrary, contrary: row.contrary, contradictions: n.n };
}

function relationItem(
  db: Database.Database,
  c: DocContext,
  r: Relation,
  objectEvent: Event | null,
  covered: Set<string>,
): EntityTimelineItem {
  const claim = claimFor(c, r.id, covered);
  const source = sourceOf(c, claim?.source ? [claim.source] : r.sources);
  const credibility = claim?.credibility ?? 6;
  const dated = objectEvent?.date.start ? objectEvent.date : null;
  const attrDate = r.attributes?.date ?? null;
  const other = local(c, r.subject) ? r.object : r.subject;
  const otherName =
    c.extraction.entities.find((e) => e.id === other)?.name ?? (objectEvent ? objectEvent.type : other);
  return {
    ...base(c),
    date: dated?.start ?? attrDate ?? c.published,
    dateEnd: dated?.end ?? attrDate ?? c.published,
    dateKind: dated ? 'event' : attrDate ? 'relation' : 'reported',
    kind: 'relation',
    label: `${local(c, r.subject) ? '' : '← '}${r.type} ${otherName}`,
    text: spanText(c, r.evidence[0]),
    modality: r.modality,
    source,
    corroboration: relationStats(db, c, r),
    contradictions: 0,
    grade: grade(source, credibility),
    credibility,
    fusedId: null,
    ref: r.id,
  };
}

function local(c: DocContext, id: string): boolean {
  return c.local.has(id);
}

/** Independent stories stating the same (subject key, type, object key) relation, and those denying it. */
function relationStats(
  db: Database.Database,
  c: DocContext,
  r: Relation,
): { independent: number; contrary: number } {
  const s = c.keyOf.get(r.subject);
  const o = c.keyOf.get(r.object);
  if (!s || !o)
    return { independent: CONTRARY.has(r.modality) ? 0 : 1, contrary: CONTRARY.has(r.modality) ? 1 : 0 };
  const row = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN r.modality NOT IN ('denied', 'negated') THEN coalesce(d.story_id, d.id) END) AS independent,
              count(DISTINCT CASE WHEN r.modality IN ('denied', 'negated') THEN coalesce(d.story_id, d.id) END) AS contrary
       FROM doc_entities sd
       JOIN relations r ON r.doc_id = sd.doc_id AND r.subject_id = sd.local_id AND r.type = ?
       JOIN doc_entities od ON od.doc_id = r.doc_id AND od.local_id = r.object_id AND od.entity_key = ?
       JOIN documents d ON d.id = r.doc_id
       WHERE sd.entity_key = ?`,
    )
    .get(r.type, o, s) as { independent: number; contrary: number };
  return row;
}

function claimItem(c: DocContext, claim: Claim): EntityTimelineItem {
  const source = sourceOf(c, [claim.source]);
  return {
    ...base(c),
    date: c.published,
    dateEnd: c.published,
    dateKind: 'reported',
    kind: 'claim',
    label: claim.modality,
    text: spanText(c, claim.evidence),
    modality: claim.modality,
    source,
    corroboration: {
      independent: CONTRARY.has(claim.modality) ? 0 : 1,
      contrary: CONTRARY.has(claim.modality) ? 1 : 0,
    },
    contradictions: 0,
    grade: grade(source, claim.credibility),
    credibility: claim.credibility,
    fusedId: null,
    ref: claim.id,
  };
}

function spanText(c: DocContext, span: { start: number; end: number } | undefined): string {
  return span ? c.text.slice(span.start, span.end) : '';
}
