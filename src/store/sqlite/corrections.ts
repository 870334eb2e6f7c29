/**
 * Analysts' corrections: each is stored as an action with an audit record (who, when, before,
 * after), applied to the tables, re-applied when a document is re-ingested, and undone by
 * replaying the corrections still in force over what the pipeline wrote.
 */
import type Database from 'better-sqlite3';
import { EVENT_TYPES, SitrepError, stableId } from '../../core/index.js';
import type { Count, Event, EventCategory, Extraction } from '../../core/index.js';
import type { Correction, CorrectionAction, CorrectionMeta, EventEdit } from '../types.js';

interface CorrectionRow {
  id: number;
  at: string;
  author: string;
  note: string | null;
  action: string;
  before: string;
  after: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

/** Validates, applies and records one correction. Call inside a transaction. */
export function applyCorrection(
  db: Database.Database,
  action: CorrectionAction,
  meta: CorrectionMeta,
): Correction {
  const { before, after } = describe(db, action);
  applyAction(db, action, null);
  const at = new Date().toISOString();
  const info = db
    .prepare(
      'INSERT INTO corrections (at, author, note, kind, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      at,
      meta.author,
      meta.note ?? null,
      action.kind,
      JSON.stringify(action),
      JSON.stringify(before),
      JSON.stringify(after),
    );
  return getCorrection(db, Number(info.lastInsertRowid));
}

/** Marks a correction reverted and rebuilds the data it touched from the pipeline's output and the others in force. */
export function revertCorrection(db: Database.Database, id: number, meta: CorrectionMeta): Correction {
  const found = getCorrection(db, id);
  if (found.revertedAt)
    throw new SitrepError('conflict', `correction ${id} was already reverted on ${found.revertedAt}`);
  db.prepare('UPDATE corrections SET reverted_at = ?, reverted_by = ? WHERE id = ?').run(
    new Date().toISOString(),
    meta.author,
    id,
  );
  const action = found.action;
  if (action.kind === 'edit_event') {
    restoreEvent(db, action.docId, action.eventId);
    for (const c of activeActions(db))
      if (c.kind === 'edit_event' && c.docId === action.docId && c.eventId === action.eventId)
        applyAction(db, c, action.docId);
  } else {
    db.prepare(
      'UPDATE doc_entities SET entity_key = orig_key, type = orig_type WHERE entity_key <> orig_key OR type <> orig_type',
    ).run();
    for (const c of activeActions(db)) if (c.kind !== 'edit_event') applyAction(db, c, null);
  }
  return getCorrection(db, id);
}

/** Applies the corrections in force to one (re-)ingested document, in the order they were made. */
export function reapplyCorrections(db: Database.Database, docId: string): void {
  for (const action of activeActions(db)) applyAction(db, action, docId);
}

/** The audit trail, newest first. */
export function listCorrections(db: Database.Database, limit: number): Correction[] {
  const rows = db.prepare('SELECT * FROM corrections ORDER BY id DESC LIMIT ?').all(limit) as CorrectionRow[];
  return rows.map(toCorrection);
}

function getCorrection(db: Database.Database, id: number): Correction {
  const row = db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
  if (!row) throw new SitrepError('not_found', `no correction ${id}`);
  return toCorrection(row);
}

function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    at: row.at,
    author: row.author,
    note: row.note,
    action: JSON.parse(row.action) as CorrectionAction,
    before: JSON.parse(row.before) as unknown,
    after: JSON.parse(row.after) as unknown,
    revertedAt: row.reverted_at,
    revertedBy: row.reverted_by,
  };
}

function activeActions(db: Database.Database): CorrectionAction[] {
  const rows = db.prepare('SELECT action FROM corrections WHERE reverted_at IS NULL ORDER BY id').all() as {
    action: string;
  }[];
  return rows.map((r) => JSON.parse(r.action) as CorrectionAction);
}

/** The key a split gives the entity's mentions in the chosen documents: stable, so re-ingestion finds it. */
export function splitKey(key: string, docIds: readonly string[]): string {
  return stableId('ent', 'split', key, ...[...docIds].sort());
}

/** Checks the action against the data and describes the state before and after it. */
function describe(db: Database.Database, action: CorrectionAction): { before: unknown; after: unknown } {
  switch (action.kind) {
    case 'entity_type': {
      const current = entityState(db, action.key);
      return {
        before: { key: action.key, type: current.type },
        after: { key: action.key, type: action.type },
      };
    }
    case 'merge_entities': {
      if (action.from === action.into)
        throw new SitrepError('bad_request', 'an entity cannot be merged into itself');
      return {
        before: { from: entityState(db, action.from), into: entityState(db, action.into) },
        after: { key: action.into },
      };
    }
    case 'split_entity': {
      const current = entityState(db, action.key);
      const present = db
        .prepare(
          'SELECT DISTINCT doc_id FROM doc_entities WHERE entity_key = ? AND doc_id IN (SELECT value FROM json_each(?))',
        )
        .all(action.key, JSON.stringify(action.docIds)) as { doc_id: string }[];
      if (present.length !== new Set(action.docIds).size) {
        throw new SitrepError(
          'bad_request',
          `entity ${action.key} is not in every document given to split off`,
        );
      }
      if (present.length === current.documents) {
        throw new SitrepError('bad_request', 'a split must leave the entity in at least one document');
      }
      return {
        before: current,
        after: { key: action.key, newKey: splitKey(action.key, action.docIds), docIds: action.docIds },
      };
    }
    case 'edit_event': {
      const event = currentEvent(db, action.docId, action.eventId);
      return { before: event, after: editEvent(event, action.fields) };
    }
  }
}

function entityState(
  db: Database.Database,
  key: string,
): { key: string; name: string; type: string; documents: number } {
  const row = db
    .prepare(
      'SELECT max(name) AS name, max(type) AS type, count(DISTINCT doc_id) AS documents FROM doc_entities WHERE entity_key = ?',
    )
    .get(key) as { name: string | null; type: string | null; documents: number };
  if (!row.name || !row.type) throw new SitrepError('not_found', `no entity ${key}`);
  return { key, name: row.name, type: row.type, documents: row.documents };
}

/** Applies an action to every document (docId null) or to one. */
function applyAction(db: Database.Database, action: CorrectionAction, docId: string | null): void {
  const inDoc = docId ? ' AND doc_id = ?' : '';
  const doc = docId ? [docId] : [];
  switch (action.kind) {
    case 'entity_type':
      db.prepare(`UPDATE doc_entities SET type = ? WHERE entity_key = ?${inDoc}`).run(
        action.type,
        action.key,
        ...doc,
      );
      return;
    case 'merge_entities':
      db.prepare(`UPDATE doc_entities SET entity_key = ? WHERE entity_key = ?${inDoc}`).run(
        action.into,
        action.from,
        ...doc,
      );
      return;
    case 'split_entity':
      db.prepare(
        `UPDATE doc_entities SET entity_key = ? WHERE entity_key = ? AND doc_id IN (SELECT value FROM json_each(?))${inDoc}`,
      ).run(splitKey(action.key, action.docIds), action.key, JSON.stringify(action.docIds), ...doc);
      return;
    case 'edit_event': {
      if (docId && docId !== action.docId) return;
      const row = db
        .prepare('SELECT record FROM events WHERE doc_id = ? AND local_id = ?')
        .get(action.docId, action.eventId) as { record: string } | undefined;
      // A re-ingested document may no longer have the event; the correction then has nothing to act on.
      if (row) writeEvent(db, action.docId, editEvent(JSON.parse(row.record) as Event, action.fields));
    }
  }
}

function currentEvent(db: Database.Database, docId: string, eventId: string): Event {
  const row = db
    .prepare('SELECT record FROM events WHERE doc_id = ? AND local_id = ?')
    .get(docId, eventId) as { record: string } | undefined;
  if (!row) throw new SitrepError('not_found', `no event ${eventId} in document ${docId}`);
  return JSON.parse(row.record) as Event;
}

/** Puts back the event as the pipeline extracted it. */
function restoreEvent(db: Database.Database, docId: string, eventId: string): void {
  const row = db.prepare('SELECT extraction FROM documents WHERE id = ?').get(docId) as
    { extraction: string } | undefined;
  const original = row
    ? (JSON.parse(row.extraction) as Extraction).events.find((e) => e.id === eventId)
    : undefined;
  if (original) writeEvent(db, docId, original);
}

function writeEvent(db: Database.Database, docId: string, ev: Event): void {
  db.prepare(
    `UPDATE events SET category = ?, type = ?, date_start = ?, date_end = ?, date_precision = ?, fatalities_min = ?,
       injured_min = ?, modality = ?, record = ? WHERE doc_id = ? AND local_id = ?`,
  ).run(
    ev.category,
    ev.type,
    ev.date.start,
    ev.date.end,
    ev.date.precision,
    ev.fatalities?.min ?? null,
    ev.injured?.min ?? null,
    ev.modality,
    JSON.stringify(ev),
    docId,
    ev.id,
  );
}

/** The event with the edited fields; a sub-event type alone also sets its ACLED category. */
export function editEvent(ev: Event, fields: EventEdit): Event {
  const type = fields.type ?? ev.type;
  const category = fields.category ?? (fields.type ? categoryOf(fields.type) : ev.category);
  if (!(EVENT_TYPES[category] as readonly string[]).includes(type)) {
    throw new SitrepError('bad_request', `event type ${type} is not a sub-event type of ${category}`);
  }
  return {
    ...ev,
    category,
    type,
    date: fields.date ? { ...fields.date, text: ev.date.text } : ev.date,
    fatalities:
      fields.fatalities === undefined ? ev.fatalities : exactCount(fields.fatalities, ev.fatalities),
    injured: fields.injured === undefined ? ev.injured : exactCount(fields.injured, ev.injured),
    modality: fields.modality ?? ev.modality,
    count: fields.count ?? ev.count,
  };
}

function categoryOf(type: string): EventCategory {
  const found = (Object.keys(EVENT_TYPES) as EventCategory[]).find((c) =>
    (EVENT_TYPES[c] as readonly string[]).includes(type),
  );
  if (!found) throw new SitrepError('bad_request', `unknown event type ${type}`);
  return found;
}

function exactCount(n: number | null, old: Count | null): Count | null {
  return n === null ? null : { min: n, max: n, text: old?.text ?? null };
}
