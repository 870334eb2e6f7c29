/** Shows a stored extraction as corrected: entity types and keys, and event records, as they are now. */
import type Database from 'better-sqlite3';
import type { EntityType, Event, Extraction } from '../../core/index.js';

/**
 * The document's extraction with the current entity keys and types and the current event records.
 * The stored JSON stays as the pipeline wrote it, so corrections can always be undone.
 */
export function overlayCorrections(db: Database.Database, docId: string, extraction: Extraction): Extraction {
  const entities = db
    .prepare('SELECT local_id, entity_key, type FROM doc_entities WHERE doc_id = ?')
    .all(docId) as {
    local_id: string;
    entity_key: string;
    type: EntityType;
  }[];
  const events = db.prepare('SELECT local_id, record FROM events WHERE doc_id = ?').all(docId) as {
    local_id: string;
    record: string;
  }[];
  const byEntity = new Map(entities.map((r) => [r.local_id, r]));
  const byEvent = new Map(events.map((r) => [r.local_id, r.record]));
  return {
    ...extraction,
    entities: extraction.entities.map((e) => {
      const row = byEntity.get(e.id);
      return row ? { ...e, key: row.entity_key, type: row.type } : e;
    }),
    events: extraction.events.map((ev) => {
      const record = byEvent.get(ev.id);
      return record ? (JSON.parse(record) as Event) : ev;
    }),
  };
}
