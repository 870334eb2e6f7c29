/**
 * An entity's timeline across documents: the events it takes part in, the relations it is an end
 * of and the claims about it, read from each document's stored extraction (as corrected), each with
 * the date it is about, its source, its single-document grade and how many independent stories
 * state or deny the same thing. Relations (and claims about them) carry every document's statement
 * of the same relation, with its sources, so the reader grades them with the user's reliability file.
 */
import type Database from 'better-sqlite3';
import type { Claim, Credibility, Event, Extraction, Relation, Source } from '../../core/index.js';
import type { EntityTimelineItem, ReportSource, StatementReport } from '../types.js';
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
  readonly memo: Memo;
}

/** Lookups shared by one timeline's documents: the same relation is often stated in many of them. */
interface Memo {
  /** Statements of a relation by its (subject key, type, object key or fused event) key. */
  readonly statements: Map<string, StatementReport[]>;
  /** Sources and claims of other documents, read once. */
  readonly facts: Map<string, { sources: readonly Source[]; claims: readonly Claim[] }>;
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
  const memo: Memo = { statements: new Map(), facts: new Map() };
  const items = docs.flatMap((row) => itemsOf(db, contextOf(db, row, key, memo)));
  items.sort(
    (a, b) =>
      (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? ''),
  );
  return items.slice(0, limit);
}

function contextOf(db: Database.Database, row: Row, key: string, memo: Memo): DocContext {
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
    memo,
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
    items.push(claimItem(db, c, claim));
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
  const fusedId = fusedIdOf(db, c.docId, ev.id);
  const stats = fusedId ? fusedStats(db, fusedId) : { independent: 1, contrary: 0, contradictions: 0 };
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
    fusedId,
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
    ...statementsOf(db, c, r),
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

/**
 * Every document stating or denying the same relation as `r`: same subject key, type and object
 * key (or, for a relation to an event, the same fused event), each with the sources attached to the
 * relation or its claim there; and the independent stories (copies once) for and against it.
 */
function statementsOf(
  db: Database.Database,
  c: DocContext,
  r: Relation,
): Pick<EntityTimelineItem, 'corroboration' | 'reports'> {
  const reports = relationStatements(db, c, r);
  const stories = new Map<string, boolean>();
  for (const s of reports) {
    const id = s.storyId ?? s.docId;
    stories.set(id, (stories.get(id) ?? false) || !CONTRARY.has(s.modality));
  }
  const independent = [...stories.values()].filter(Boolean).length;
  return { corroboration: { independent, contrary: stories.size - independent }, reports };
}

function relationStatements(db: Database.Database, c: DocContext, r: Relation): StatementReport[] {
  const s = c.keyOf.get(r.subject);
  const o = c.keyOf.get(r.object);
  const fused = s && !o ? fusedIdOf(db, c.docId, r.object) : null;
  if (!s || (!o && !fused)) return [statement(c.docId, c, r)];
  const memoKey = `${s}\u0000${r.type}\u0000${o ?? `fused:${fused}`}`;
  const known = c.memo.statements.get(memoKey);
  if (known) return known;
  // Index-bounded: the subject's documents by doc_entities_key first (CROSS JOIN fixes the order, so
  // a common relation type is never scanned; unary + keeps relations_type out of the inner loop),
  // then primary-key lookups within each document.
  const objectJoin = o
    ? 'JOIN doc_entities od ON od.doc_id = r.doc_id AND od.local_id = r.object_id AND od.entity_key = ?'
    : 'JOIN fusion_reports f ON f.doc_id = r.doc_id AND f.event_id = r.object_id AND f.fused_id = ?';
  const rows = db
    .prepare(
      `SELECT r.doc_id, r.record, d.story_id, d.outlet, d.title
       FROM doc_entities sd
       CROSS JOIN relations r ON r.doc_id = sd.doc_id AND r.subject_id = sd.local_id AND +r.type = ?
       ${objectJoin}
       JOIN documents d ON d.id = r.doc_id
       WHERE sd.entity_key = ?`,
    )
    .all(r.type, o ?? fused, s) as Row[];
  const found = rows.map((row) => {
    const docId = String(row.doc_id);
    const other: DocContext | DocFacts =
      docId === c.docId
        ? c
        : {
            docId,
            outlet: (row.outlet as string | null) ?? null,
            title: (row.title as string | null) ?? null,
            storyId: (row.story_id as string | null) ?? null,
            ...factsOf(db, c.memo, docId),
          };
    return statement(docId, other, JSON.parse(String(row.record)) as Relation);
  });
  const list = found.length ? found : [statement(c.docId, c, r)];
  c.memo.statements.set(memoKey, list);
  return list;
}

/** What a statement needs of its document. */
type DocFacts = Pick<DocContext, 'docId' | 'outlet' | 'title' | 'storyId'> & {
  readonly sources: readonly Source[];
  readonly claims: readonly Claim[];
};

function statement(docId: string, d: DocContext | DocFacts, r: Relation): StatementReport {
  const sources = 'extraction' in d ? d.extraction.sources : d.sources;
  const claims = 'extraction' in d ? d.extraction.claims : d.claims;
  const about = claims.filter((cl) => cl.about.includes(r.id));
  const ids = new Set([...r.sources, ...about.map((cl) => cl.source).filter((x): x is string => !!x)]);
  return {
    docId,
    storyId: d.storyId,
    outlet: d.outlet,
    title: d.title,
    modality: r.modality,
    sources: sources
      .filter((x) => ids.has(x.id))
      .map((x) => ({ text: x.text, kind: x.kind, reliability: x.reliability })),
    credibility: about.length ? (Math.min(...about.map((cl) => cl.credibility)) as Credibility) : null,
  };
}

function factsOf(
  db: Database.Database,
  memo: Memo,
  docId: string,
): { sources: readonly Source[]; claims: readonly Claim[] } {
  const known = memo.facts.get(docId);
  if (known) return known;
  const row = db
    .prepare(
      "SELECT json_extract(extraction, '$.sources') AS sources, json_extract(extraction, '$.claims') AS claims FROM documents WHERE id = ?",
    )
    .get(docId) as { sources: string | null; claims: string | null };
  const facts = {
    sources: JSON.parse(row.sources ?? '[]') as Source[],
    claims: JSON.parse(row.claims ?? '[]') as Claim[],
  };
  memo.facts.set(docId, facts);
  return facts;
}

function fusedIdOf(db: Database.Database, docId: string, eventId: string): string | null {
  const row = db
    .prepare('SELECT fused_id FROM fusion_reports WHERE doc_id = ? AND event_id = ?')
    .get(docId, eventId) as { fused_id: string } | undefined;
  return row?.fused_id ?? null;
}

/**
 * A claim not standing for an event or relation item. About an event: it takes the fused event's
 * grade; about a relation: the relation's statements. About entities only: claims carry no predicate
 * to match across stories, so it is graded on its own document.
 */
function claimItem(db: Database.Database, c: DocContext, claim: Claim): EntityTimelineItem {
  const source = sourceOf(c, [claim.source]);
  const event = c.extraction.events.find((ev) => claim.about.includes(ev.id)) ?? null;
  const fusedId = event ? fusedIdOf(db, c.docId, event.id) : null;
  const relation = fusedId ? null : (c.extraction.relations.find((r) => claim.about.includes(r.id)) ?? null);
  const own = {
    corroboration: {
      independent: CONTRARY.has(claim.modality) ? 0 : 1,
      contrary: CONTRARY.has(claim.modality) ? 1 : 0,
    },
  };
  const graded = fusedId
    ? { ...own, gradeFrom: 'event' as const }
    : relation
      ? { ...statementsOf(db, c, relation), gradeFrom: 'relation' as const }
      : { ...own, gradeFrom: 'claim' as const };
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
    ...graded,
    contradictions: 0,
    grade: grade(source, claim.credibility),
    credibility: claim.credibility,
    fusedId,
    ref: claim.id,
  };
}

function spanText(c: DocContext, span: { start: number; end: number } | undefined): string {
  return span ? c.text.slice(span.start, span.end) : '';
}
