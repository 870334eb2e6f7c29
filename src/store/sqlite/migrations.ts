import { FEED_TABLES_SQL } from './feed-registry.js';
import { STORY_TABLES_SQL } from './stories.js';
import { FUSION_TABLES_SQL } from './fusion.js';
import { ENTITY_STATS_SQL, ENTITY_STATS_WRITES_SQL } from './entity-stats.js';
import { ENTITY_LINKS_SQL } from './entity-profile.js';
import { EVENT_GEO_SQL, EVENT_LABELS_SQL } from './event-filter.js';
import { ENTITY_CLUSTER_TABLES_SQL } from './entity-clusters.js';

/**
 * Versioned schema migrations for the SQLite engine. Each entry runs once, in order, inside a
 * transaction, and its version is recorded in `schema_migrations`. Never edit a released entry:
 * append a new one.
 */
export const migrations: readonly {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  {
    version: 1,
    name: 'documents, extraction tables, full-text index',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT, url TEXT, published TEXT, dateline TEXT,
        language TEXT NOT NULL, outlet TEXT, author TEXT, origin TEXT NOT NULL,
        text TEXT NOT NULL,
        extraction TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT '[]',
        entity_count INTEGER NOT NULL DEFAULT 0,
        event_count INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published);
      CREATE INDEX documents_ingested ON documents(ingested_at);

      -- Entities as they appear in one document; entity_key links them across documents.
      CREATE TABLE doc_entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        kb_id TEXT,
        aliases TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        geo TEXT,
        PRIMARY KEY (doc_id, local_id)
      );
      CREATE INDEX doc_entities_key ON doc_entities(entity_key);
      CREATE INDEX doc_entities_name ON doc_entities(name_key);

      -- Every name and alias of an entity in a document, for actor/place filters.
      CREATE TABLE entity_names (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        name_key TEXT NOT NULL
      );
      CREATE INDEX entity_names_key ON entity_names(name_key, doc_id, local_id);

      CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        category TEXT NOT NULL,
        type TEXT NOT NULL,
        date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL,
        location_id TEXT,
        country_code TEXT, admin1 TEXT, admin2 TEXT,
        fatalities_min INTEGER, injured_min INTEGER,
        modality TEXT NOT NULL,
        evidence_text TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (doc_id, local_id)
      );
      CREATE INDEX events_category ON events(category, type);
      CREATE INDEX events_date ON events(date_start, date_end);

      -- Which entity plays which part in an event (perpetrator, target, claimant, location).
      CREATE TABLE event_roles (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        role TEXT NOT NULL,
        local_id TEXT NOT NULL
      );
      CREATE INDEX event_roles_event ON event_roles(doc_id, event_id);
      CREATE INDEX event_roles_entity ON event_roles(doc_id, local_id);

      CREATE TABLE relations (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        modality TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (doc_id, local_id)
      );
      CREATE INDEX relations_type ON relations(type);

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
      END;
      CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'event coordinates, original entity keys and types, corrections audit',
    sql: `
      -- Coordinates copied from the event's location entity, for bounding-box filters and maps.
      ALTER TABLE events ADD COLUMN lat REAL;
      ALTER TABLE events ADD COLUMN lon REAL;
      ALTER TABLE events ADD COLUMN feature_class TEXT;
      UPDATE events SET
        lat = (SELECT json_extract(d.geo, '$.lat') FROM doc_entities d WHERE d.doc_id = events.doc_id AND d.local_id = events.location_id),
        lon = (SELECT json_extract(d.geo, '$.lon') FROM doc_entities d WHERE d.doc_id = events.doc_id AND d.local_id = events.location_id),
        feature_class = (SELECT json_extract(d.geo, '$.featureClass') FROM doc_entities d WHERE d.doc_id = events.doc_id AND d.local_id = events.location_id);
      CREATE INDEX events_lat ON events(lat, lon);

      -- What the pipeline said, so corrections can be undone by replaying the ones still in force.
      ALTER TABLE doc_entities ADD COLUMN orig_key TEXT;
      ALTER TABLE doc_entities ADD COLUMN orig_type TEXT;
      UPDATE doc_entities SET orig_key = entity_key, orig_type = type;
      CREATE INDEX event_roles_entity_event ON event_roles(doc_id, local_id, event_id, role);

      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        note TEXT,
        kind TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        reverted_at TEXT,
        reverted_by TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'feed subscriptions; story fingerprints for duplicate and syndicated copies',
    sql: FEED_TABLES_SQL + STORY_TABLES_SQL,
  },
  {
    version: 4,
    name: 'event fusion: reports of one incident, contradiction records, alive/dead statements',
    sql: FUSION_TABLES_SQL,
  },
  {
    version: 5,
    name: 'read-side statistics and keys kept by triggers: entity stats, event place/actor/entity keys, relation keys',
    sql: ENTITY_STATS_SQL,
  },
  {
    version: 6,
    name: 'write path: re-index full text only when title or text change; drop an index another one prefixes',
    sql: `
      -- Version 1 re-indexed a document's full text on every UPDATE of its row, so setting its story
      -- columns deleted and re-inserted all its tokens. Only title and text are indexed.
      DROP TRIGGER documents_au;
      CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      -- event_roles_entity_event (doc_id, local_id, event_id, role) serves every lookup this one did;
      -- each index is one more page written per saved document.
      DROP INDEX event_roles_entity;
    `,
  },
  {
    version: 7,
    name: 'read models kept by triggers: entity links (relation counts per entity pair), event labels (role names), box index with dates',
    sql: ENTITY_LINKS_SQL + EVENT_LABELS_SQL + EVENT_GEO_SQL,
  },
  {
    version: 8,
    name: 'clusters of unknown names by co-occurring context, with each decision and its reason',
    sql: ENTITY_CLUSTER_TABLES_SQL,
  },
  {
    version: 9,
    name: 'write path with a per-document cost that does not grow with the store: entity statistics triggers',
    sql: ENTITY_STATS_WRITES_SQL,
  },
];
