/** Read side of fusion: fused events with their reports, and contradiction records with both sides' evidence. */
import type Database from 'better-sqlite3';
import type { Credibility, EntityType, Event, Extraction, Span } from '../../core/index.js';
import type {
  ContradictionKind,
  ContradictionRecord,
  ContradictionSide,
  EvidenceRef,
  FusedEvent,
  FusedEventFilter,
  FusionReport,
  ReportSource,
} from '../types.js';
import { eventWhere } from './event-filter.js';
import { fusedIdOf } from './fusion.js';

type Row = Record<string, unknown>;

/** Fused events with a report matching the filter, newest first, each with every one of its reports. */
export function listFusedEvents(db: Database.Database, filter: FusedEventFilter): FusedEvent[] {
  const { where, params } = eventWhere(filter);
  const conds = where ? [where.replace(/^WHERE /, '')] : [];
  if (filter.docId) {
    conds.push('e.doc_id = ?');
    params.push(filter.docId);
  }
  const rows = db
    .prepare(
      `SELECT coalesce(f.fused_id, 'pending:' || e.doc_id || '#' || e.local_id) AS fid, max(e.date_start) AS d
       FROM events e LEFT JOIN fusion_reports f ON f.doc_id = e.doc_id AND f.event_id = e.local_id
       ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       GROUP BY fid ORDER BY d IS NULL, d DESC, fid LIMIT ? OFFSET ?`,
    )
    .all(...params, filter.limit ?? 200, filter.offset ?? 0) as { fid: string }[];
  return rows.map((r) => fusedEvent(db, r.fid)).filter((f): f is FusedEvent => f !== null);
}

/** One fused event by id (a `fev:` id, or `pending:DOC#EVENT` for a report stored before fusion). */
export function getFusedEvent(db: Database.Database, id: string): FusedEvent | null {
  return fusedEvent(db, id);
}

function fusedEvent(db: Database.Database, fid: string): FusedEvent | null {
  const pending = /^pending:(.+)#([^#]+)$/.exec(fid);
  const keys = pending
    ? [{ doc_id: pending[1], event_id: pending[2] }]
    : (db.prepare('SELECT doc_id, event_id FROM fusion_reports WHERE fused_id = ?').all(fid) as Row[]);
  const reports = keys
    .map((k) => reportOf(db, String(k.doc_id), String(k.event_id)))
    .filter((r): r is FusionReport => r !== null)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.docId.localeCompare(b.docId));
  const first = reports[0];
  if (!first) return null;
  const id = pending ? fusedIdOf(first.docId, first.eventId) : fid;
  const kinds = pending
    ? []
    : (
        db
          .prepare("SELECT kind FROM fusion_contradictions WHERE fused_id = ? AND kind <> 'revision'")
          .all(fid) as { kind: ContradictionKind }[]
      ).map((r) => r.kind);
  return {
    id,
    category: first.event.category,
    reports,
    independentReports: new Set(reports.map((r) => r.storyId ?? r.docId)).size,
    contradictions: kinds.length,
    contradictionKinds: kinds,
  };
}

/** One stored event as a report: its record, names, evidence with text, and sources. */
function reportOf(db: Database.Database, docId: string, eventId: string): FusionReport | null {
  const row = db
    .prepare(
      `SELECT e.record, d.title, d.outlet, d.published, d.story_id, d.text,
              json_extract(d.extraction, '$.sources') AS sources, json_extract(d.extraction, '$.claims') AS claims,
              f.confidence, f.reason
       FROM events e JOIN documents d ON d.id = e.doc_id
       LEFT JOIN fusion_reports f ON f.doc_id = e.doc_id AND f.event_id = e.local_id
       WHERE e.doc_id = ? AND e.local_id = ?`,
    )
    .get(docId, eventId) as Row | undefined;
  if (!row) return null;
  const event = JSON.parse(String(row.record)) as Event;
  const names = namesOf(db, docId);
  const nameOf = (id: string): string => names.get(id) ?? id;
  const text = String(row.text);
  const sources = JSON.parse(typeof row.sources === 'string' ? row.sources : '[]') as Extraction['sources'];
  const claims = JSON.parse(typeof row.claims === 'string' ? row.claims : '[]') as Extraction['claims'];
  return {
    docId,
    eventId,
    storyId: (row.story_id as string | null) ?? null,
    docTitle: (row.title as string | null) ?? null,
    outlet: (row.outlet as string | null) ?? null,
    published: (row.published as string | null) ?? null,
    event,
    locationName: event.location ? (names.get(event.location) ?? null) : null,
    perpetratorNames: event.perpetrators.map(nameOf),
    claimedByNames: event.claimedBy.map(nameOf),
    evidence: evidenceOf(docId, text, event.evidence),
    sources: sources
      .filter((s) => event.sources.includes(s.id))
      .map((s): ReportSource => ({ text: s.text, kind: s.kind, reliability: s.reliability })),
    credibility: bestCredibility(claims.filter((c) => c.about.includes(event.id)).map((c) => c.credibility)),
    confidence: typeof row.confidence === 'number' ? row.confidence : 1,
    reason:
      typeof row.reason === 'string' ? row.reason : 'stored before fusion (migration 4): re-ingest to fuse',
  };
}

/** The best (lowest) single-document credibility, or null when no claim grades the event. */
function bestCredibility(grades: readonly Credibility[]): Credibility | null {
  return grades.length ? (Math.min(...grades) as Credibility) : null;
}

function namesOf(db: Database.Database, docId: string): Map<string, string> {
  const rows = db.prepare('SELECT local_id, name FROM doc_entities WHERE doc_id = ?').all(docId) as Row[];
  return new Map(rows.map((r) => [String(r.local_id), String(r.name)]));
}

/** Spans with the text they read. */
export function evidenceOf(docId: string, text: string, spans: readonly Span[]): EvidenceRef[] {
  return spans.map((s) => ({ docId, start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/** Contradiction records, newest first. */
export function listContradictionRecords(
  db: Database.Database,
  options: { kind?: ContradictionKind; includeRevisions?: boolean; limit?: number },
): ContradictionRecord[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.kind) {
    where.push('kind = ?');
    params.push(options.kind);
  } else if (!options.includeRevisions) where.push("kind <> 'revision'");
  const rows = db
    .prepare(
      `SELECT * FROM fusion_contradictions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, options.limit ?? 100) as Row[];
  const docs = new Map<string, Row | undefined>();
  const docOf = (id: string): Row | undefined => {
    if (!docs.has(id))
      docs.set(
        id,
        db.prepare('SELECT id, title, published, story_id, text FROM documents WHERE id = ?').get(id) as
          Row | undefined,
      );
    return docs.get(id);
  };
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind as ContradictionKind,
    fusedId: (r.fused_id as string | null) ?? null,
    subject: typeof r.subject_key === 'string' ? subjectOf(db, r.subject_key) : null,
    a: sideOf(docOf(String(r.a_doc)), r, 'a'),
    b: sideOf(docOf(String(r.b_doc)), r, 'b'),
    note: String(r.note),
    createdAt: String(r.created_at),
  }));
}

function sideOf(doc: Row | undefined, r: Row, p: 'a' | 'b'): ContradictionSide {
  const docId = String(r[`${p}_doc`]);
  const spans = JSON.parse(String(r[`${p}_evidence`])) as Span[];
  return {
    docId,
    docTitle: (doc?.title as string | null) ?? null,
    published: (doc?.published as string | null) ?? null,
    storyId: (doc?.story_id as string | null) ?? null,
    ref: String(r[`${p}_ref`]),
    value: String(r[`${p}_value`]),
    evidence: evidenceOf(docId, typeof doc?.text === 'string' ? doc.text : '', spans),
  };
}

function subjectOf(db: Database.Database, key: string): { key: string; name: string; type: EntityType } {
  const row = db
    .prepare('SELECT max(name) AS name, max(type) AS type FROM doc_entities WHERE entity_key = ?')
    .get(key) as { name: string | null; type: string | null };
  return { key, name: row.name ?? key, type: (row.type ?? 'other') as EntityType };
}
