/**
 * Event fusion at store time. Each event of a newly stored document is matched against stored
 * reports found through the `events_fusion` index (category, country, start date) — never a full
 * scan — and joins the best-matching fused event or starts a new one. Disagreements with the
 * other reports of the fused event, and alive/dead statements that conflict with other documents,
 * are recorded as contradiction records. Nothing already stored is changed.
 */
import type Database from 'better-sqlite3';
import type { Event, Extraction, FeatureClass, Span } from '../../core/index.js';
import { nameKey, stableId } from '../../core/index.js';
import type { ContradictionKind, DocumentRecord } from '../types.js';
import {
  DATE_SLACK_DAYS,
  MATCH_THRESHOLD,
  MAX_WINDOW_DAYS,
  addDays,
  compareReports,
  matchReports,
  unfusableReason,
} from './fusion-rules.js';
import type { FusionView, MatchResult } from './fusion-rules.js';
import { statusFindings } from './fusion-status.js';

/** Most stored reports read per new event (the index narrows far below this in practice). */
const CANDIDATE_LIMIT = 200;
/** Most reports of a fused event a new report is compared with for contradictions. */
const COMPARE_LIMIT = 50;

type Row = Record<string, unknown>;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection: fusion runs a few dozen per document. */
function sql(db: Database.Database, text: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let st = cache.get(text);
  if (!st) {
    st = db.prepare(text);
    cache.set(text, st);
  }
  return st;
}

/** A stored report with what the rules need and where it sits. */
interface Report {
  readonly docId: string;
  readonly eventId: string;
  readonly fusedId: string | null;
  readonly storyId: string | null;
  readonly view: FusionView;
  readonly evidence: readonly Span[];
}

/** The id of a fused event started by a report. */
export function fusedIdOf(docId: string, eventId: string): string {
  return stableId('fev', docId, eventId);
}

/** Fuses the events of a document just written (call inside its transaction, after its rows). */
export function fuseDocument(db: Database.Database, record: DocumentRecord): void {
  const { extraction } = record;
  const docId = extraction.document.id;
  const storyId = record.story?.storyId ?? null;
  const used = new Set<string>();
  for (const ev of extraction.events) {
    const view = viewOf(db, docId, ev, extraction.document.published);
    const mine: Report = { docId, eventId: ev.id, fusedId: null, storyId, view, evidence: ev.evidence };
    const why = unfusableReason(view);
    const best = why ? null : bestMatch(db, mine, used);
    const fusedId = best?.fusedId ?? fusedIdOf(docId, ev.id);
    used.add(fusedId);
    insertReport(
      db,
      mine,
      fusedId,
      best ? best.match.score : 1,
      best ? best.match.reason : why ? `not fused: ${why}` : 'first report',
    );
    if (best) recordEventContradictions(db, mine, fusedId, best);
  }
  recordStatus(db, docId, storyId, extraction, record.doc.text);
}

/** The rules' view of an event of a stored document (entity keys as they are after corrections). */
function viewOf(db: Database.Database, docId: string, ev: Event, published: string | null): FusionView {
  const roles = sql(
    db,
    `SELECT r.role, d.entity_key, d.geo FROM event_roles r JOIN doc_entities d ON d.doc_id = r.doc_id AND d.local_id = r.local_id
       WHERE r.doc_id = ? AND r.event_id = ?`,
  ).all(docId, ev.id) as Row[];
  const keys = (role: string): string[] =>
    roles.filter((r) => r.role === role).map((r) => String(r.entity_key));
  const loc = roles.find((r) => r.role === 'location');
  const geo = typeof loc?.geo === 'string' ? (JSON.parse(loc.geo) as Record<string, unknown>) : null;
  return {
    category: ev.category,
    type: ev.type,
    start: ev.date.start,
    end: ev.date.end ?? ev.date.start,
    precision: ev.date.precision,
    modality: ev.modality,
    place: loc
      ? {
          key: String(loc.entity_key),
          featureClass: (geo?.featureClass as FeatureClass | undefined) ?? null,
          countryCode: (geo?.countryCode as string | null | undefined) ?? null,
          admin1: typeof geo?.admin1 === 'string' ? nameKey(geo.admin1) : null,
          admin2: typeof geo?.admin2 === 'string' ? nameKey(geo.admin2) : null,
        }
      : null,
    perpetrators: keys('perpetrator'),
    claimants: keys('claimant'),
    fatalities: ev.fatalities?.min ?? null,
    injured: ev.injured?.min ?? null,
    published,
  };
}

/** The stored fused event the report matches best (at least MATCH_THRESHOLD), skipping those in `used`. */
function bestMatch(
  db: Database.Database,
  mine: Report,
  used: ReadonlySet<string>,
): { fusedId: string; match: MatchResult; other: Report } | null {
  let best: { fusedId: string; match: MatchResult; other: Report } | null = null;
  for (const other of candidates(db, mine)) {
    if (unfusableReason(other.view)) continue;
    const fusedId = other.fusedId ?? fusedIdOf(other.docId, other.eventId);
    if (used.has(fusedId)) continue;
    const match = matchReports(other.view, mine.view);
    if (!match || match.score < MATCH_THRESHOLD) continue;
    if (!best || match.score > best.match.score) best = { fusedId, match, other };
  }
  if (best && best.other.fusedId === null) {
    // A report stored before fusion existed (migration 4) starts the fused event it anchors.
    insertReport(db, best.other, best.fusedId, 1, 'first report');
  }
  return best;
}

/** Stored reports of the same category and country whose start date lies in reach (index range scan). */
function candidates(db: Database.Database, mine: Report): Report[] {
  const { view } = mine;
  if (!view.start || !view.place?.countryCode) return [];
  const lo = addDays(view.start, -(MAX_WINDOW_DAYS + DATE_SLACK_DAYS));
  const hi = addDays(view.end ?? view.start, DATE_SLACK_DAYS);
  // Reports ending more than the slack before this one starts can neither match nor conflict on dates.
  const reach = addDays(view.start, -DATE_SLACK_DAYS);
  const rows = sql(
    db,
    `SELECT e.doc_id, e.local_id, e.record, f.fused_id, d.story_id, d.published
       FROM events e INDEXED BY events_fusion
       JOIN documents d ON d.id = e.doc_id
       LEFT JOIN fusion_reports f ON f.doc_id = e.doc_id AND f.event_id = e.local_id
       WHERE e.category = ? AND e.country_code = ? AND e.date_start BETWEEN ? AND ?
         AND coalesce(e.date_end, e.date_start) >= ? AND e.doc_id <> ?
       LIMIT ?`,
  ).all(view.category, view.place.countryCode, lo, hi, reach, mine.docId, CANDIDATE_LIMIT) as Row[];
  return rows.map((r) => reportOf(db, r));
}

function reportOf(db: Database.Database, r: Row): Report {
  const ev = JSON.parse(String(r.record)) as Event;
  const docId = String(r.doc_id);
  return {
    docId,
    eventId: ev.id,
    fusedId: (r.fused_id as string | null) ?? null,
    storyId: (r.story_id as string | null) ?? null,
    view: viewOf(db, docId, ev, (r.published as string | null) ?? null),
    evidence: ev.evidence,
  };
}

function insertReport(
  db: Database.Database,
  r: Report,
  fusedId: string,
  confidence: number,
  reason: string,
): void {
  sql(
    db,
    `INSERT OR REPLACE INTO fusion_reports (doc_id, event_id, fused_id, confidence, reason) VALUES (?, ?, ?, ?, ?)`,
  ).run(r.docId, r.eventId, fusedId, confidence, reason);
}

/** Compares the new report with the fused event's reports from other stories and records disagreements. */
function recordEventContradictions(
  db: Database.Database,
  mine: Report,
  fusedId: string,
  best: { match: MatchResult; other: Report },
): void {
  const [a, b] = [sideOf(best.other), sideOf(mine)];
  if (best.match.dateConflict)
    record(
      db,
      'date',
      fusedId,
      null,
      a,
      b,
      dateText(best.other.view),
      dateText(mine.view),
      best.match.reason,
    );
  if (best.match.placeConflict)
    record(
      db,
      'place',
      fusedId,
      null,
      a,
      b,
      namesFor(db, [best.other.view.place?.key ?? '']),
      namesFor(db, [mine.view.place?.key ?? '']),
      best.match.reason,
    );
  const rows = sql(
    db,
    `SELECT e.doc_id, e.local_id, e.record, f.fused_id, d.story_id, d.published
       FROM fusion_reports f JOIN events e ON e.doc_id = f.doc_id AND e.local_id = f.event_id
       JOIN documents d ON d.id = f.doc_id
       WHERE f.fused_id = ? AND f.doc_id <> ? LIMIT ?`,
  ).all(fusedId, mine.docId, COMPARE_LIMIT) as Row[];
  const seen = new Set<string>();
  for (const other of rows.map((r) => reportOf(db, r))) {
    // Copies of one story are one report: they cannot contradict each other, and count once.
    if (other.storyId && other.storyId === mine.storyId) continue;
    for (const c of compareReports(other.view, mine.view)) {
      const key = `${c.kind}|${other.storyId ?? other.docId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const named = c.kind === 'perpetrator' || c.kind === 'claimant';
      const [va, vb] = named ? [namesFor(db, c.a.split(', ')), namesFor(db, c.b.split(', '))] : [c.a, c.b];
      record(db, c.kind, fusedId, null, sideOf(other), b, va, vb, c.note);
    }
  }
}

/** Entity names for keys (the key itself when no document names it). */
function namesFor(db: Database.Database, keys: readonly string[]): string {
  const stmt = sql(db, 'SELECT name FROM doc_entities WHERE entity_key = ? LIMIT 1');
  return keys.map((k) => (stmt.get(k) as { name: string } | undefined)?.name ?? k).join(', ');
}

function dateText(v: FusionView): string {
  return v.start === v.end || !v.end ? (v.start ?? '?') : `${v.start ?? '?'}..${v.end}`;
}

/** Side of a contradiction as stored: document, reference, value and evidence spans. */
interface Side {
  readonly docId: string;
  readonly ref: string;
  readonly evidence: readonly Span[];
}

function sideOf(r: Report): Side {
  return { docId: r.docId, ref: r.eventId, evidence: r.evidence };
}

function record(
  db: Database.Database,
  kind: ContradictionKind,
  fusedId: string | null,
  subject: string | null,
  a: Side,
  b: Side,
  va: string,
  vb: string,
  note: string,
): void {
  sql(
    db,
    `INSERT INTO fusion_contradictions (kind, fused_id, subject_key, a_doc, a_ref, a_value, a_evidence,
       b_doc, b_ref, b_value, b_evidence, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    kind,
    fusedId,
    subject,
    a.docId,
    a.ref,
    va,
    JSON.stringify(a.evidence),
    b.docId,
    b.ref,
    vb,
    JSON.stringify(b.evidence),
    note,
    new Date().toISOString(),
  );
}

/** Stores the document's alive/dead statements and records a contradiction with each opposite one stored. */
function recordStatus(
  db: Database.Database,
  docId: string,
  storyId: string | null,
  extraction: Extraction,
  text: string,
): void {
  const keyOf = sql(db, 'SELECT entity_key FROM doc_entities WHERE doc_id = ? AND local_id = ?');
  const insert = sql(
    db,
    'INSERT INTO entity_status (doc_id, entity_key, status, claim_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const opposite = sql(
    db,
    `SELECT s.doc_id, s.claim_id, s.span_start, s.span_end, d.story_id FROM entity_status s JOIN documents d ON d.id = s.doc_id
     WHERE s.entity_key = ? AND s.status = ? AND s.doc_id <> ? LIMIT ?`,
  );
  for (const f of statusFindings(extraction, text)) {
    const key = (keyOf.get(docId, f.localId) as { entity_key: string } | undefined)?.entity_key;
    if (!key) continue;
    insert.run(docId, key, f.status, f.claimId, f.evidence.start, f.evidence.end);
    const other = f.status === 'dead' ? 'alive' : 'dead';
    for (const r of opposite.all(key, other, docId, COMPARE_LIMIT) as Row[]) {
      if (storyId && r.story_id === storyId) continue;
      const a: Side = {
        docId: String(r.doc_id),
        ref: String(r.claim_id),
        evidence: [{ start: Number(r.span_start), end: Number(r.span_end) }],
      };
      const b: Side = { docId, ref: f.claimId, evidence: [f.evidence] };
      record(
        db,
        'status',
        null,
        key,
        a,
        b,
        other,
        f.status,
        `reported ${other} in one document and ${f.status} in another`,
      );
    }
  }
}

/** Migration 4: fusion reports, contradiction records, alive/dead statements, and the candidate index. */
export const FUSION_TABLES_SQL = `
  -- Candidate lookup for fusion: category, country, then a range of start dates.
  CREATE INDEX events_fusion ON events(category, country_code, date_start);

  -- Which fused event each stored event report belongs to, how well it matched and why.
  CREATE TABLE fusion_reports (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    fused_id TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
  );
  CREATE INDEX fusion_reports_fused ON fusion_reports(fused_id);

  -- Disagreements between two documents; each side keeps its document, reference, value and evidence spans.
  CREATE TABLE fusion_contradictions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    fused_id TEXT,
    subject_key TEXT,
    a_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    a_ref TEXT NOT NULL, a_value TEXT NOT NULL, a_evidence TEXT NOT NULL,
    b_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    b_ref TEXT NOT NULL, b_value TEXT NOT NULL, b_evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX fusion_contradictions_fused ON fusion_contradictions(fused_id);
  CREATE INDEX fusion_contradictions_a ON fusion_contradictions(a_doc);
  CREATE INDEX fusion_contradictions_b ON fusion_contradictions(b_doc);
  CREATE INDEX fusion_contradictions_kind ON fusion_contradictions(kind, id);

  -- What each document says about a person's fate, for alive-vs-dead contradictions.
  CREATE TABLE entity_status (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_key TEXT NOT NULL,
    status TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
  );
  CREATE INDEX entity_status_key ON entity_status(entity_key, status);
  CREATE INDEX entity_status_doc ON entity_status(doc_id);
`;
