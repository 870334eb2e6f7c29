/**
 * Read-side tables kept exact by triggers, so that entity listings, profiles and event filters read
 * a few index entries instead of aggregating every mention row:
 * - entity_stats / entity_facets: per entity key, documents, mentions, names, aliases, types, KB ids
 *   and normalised name keys (with how many rows give each, so deletions stay exact);
 * - event_entities: which entity key plays which role in which event, with the event's date and
 *   location key (entity timelines, places, `entity` filters);
 * - event_keys: the place and actor name keys of each event with its date (place and actor filters,
 *   newest first straight from the index);
 * - relation_keys: relations between two entities with both ends' keys (profiles, graph).
 * Triggers on doc_entities, events, event_roles and relations maintain them inside whatever
 * transaction writes those rows: document saves, re-ingestion, deletion and analysts' corrections.
 * The triggers call sitrep_name_key(), which every writing connection registers (registerSqlFunctions).
 */
import type Database from 'better-sqlite3';
import { nameKey } from '../../core/index.js';
import type { EntitySummary } from '../types.js';

/** Registers the SQL functions the triggers use; call on every connection that writes. */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('sitrep_name_key', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? nameKey(s) : null,
  );
}

/** The facets one doc_entities row (`r` is NEW or OLD) contributes, one per (kind, value). */
function facetsOf(r: 'NEW' | 'OLD'): string {
  return `SELECT kind, value FROM (
      SELECT 'name' AS kind, ${r}.name AS value
      UNION SELECT 'type', ${r}.type
      UNION SELECT 'kb', ${r}.kb_id
      UNION SELECT 'alias', value FROM json_each(${r}.aliases)
      UNION SELECT 'key', sitrep_name_key(${r}.name)
      UNION SELECT 'key', sitrep_name_key(value) FROM json_each(${r}.aliases)
    ) WHERE value IS NOT NULL`;
}

/** Re-derives an entity's displayed name, type and KB id from its facets (max, as the GROUP BY did). */
function refreshStats(key: string): string {
  const facet = (kind: string): string =>
    `(SELECT max(value) FROM entity_facets WHERE entity_key = ${key} AND kind = '${kind}')`;
  return `UPDATE entity_stats SET name = ${facet('name')}, type = ${facet('type')}, kb_id = ${facet('kb')}
    WHERE entity_key = ${key};`;
}

/** Adds the NEW doc_entities row to the statistics. */
const ADD_ROW = `
  INSERT INTO entity_stats (entity_key) VALUES (NEW.entity_key) ON CONFLICT DO NOTHING;
  UPDATE entity_stats SET rows = rows + 1, mentions = mentions + NEW.mention_count,
    documents = documents + NOT EXISTS (SELECT 1 FROM doc_entities x
      WHERE x.doc_id = NEW.doc_id AND x.entity_key = NEW.entity_key AND x.local_id <> NEW.local_id)
    WHERE entity_key = NEW.entity_key;
  INSERT INTO entity_facets (entity_key, kind, value, n)
    SELECT NEW.entity_key, kind, value, 1 FROM (${facetsOf('NEW')}) WHERE true
    ON CONFLICT (entity_key, kind, value) DO UPDATE SET n = n + 1;
  ${refreshStats('NEW.entity_key')}`;

/** Takes the OLD doc_entities row out of the statistics (the row itself is gone or changed). */
const REMOVE_ROW = `
  UPDATE entity_stats SET rows = rows - 1, mentions = mentions - OLD.mention_count,
    documents = documents - NOT EXISTS (SELECT 1 FROM doc_entities x
      WHERE x.doc_id = OLD.doc_id AND x.entity_key = OLD.entity_key AND x.local_id <> OLD.local_id)
    WHERE entity_key = OLD.entity_key;
  UPDATE entity_facets SET n = n - 1
    WHERE entity_key = OLD.entity_key AND (kind, value) IN (${facetsOf('OLD')});
  DELETE FROM entity_facets WHERE entity_key = OLD.entity_key AND n <= 0;
  DELETE FROM entity_stats WHERE entity_key = OLD.entity_key AND rows <= 0;
  ${refreshStats('OLD.entity_key')}`;

/** The date a document is listed under (as listDocuments orders them). */
const DOC_DATE = 'coalesce(published, substr(ingested_at, 1, 10))';

/** Place keys of the NEW event: its admin areas, country and every name of its location entity. */
const EVENT_PLACE_KEYS = `
  INSERT OR IGNORE INTO event_keys (kind, key, date_start, doc_id, event_id)
    SELECT 'place', k, NEW.date_start, NEW.doc_id, NEW.local_id FROM (
      SELECT NEW.admin1 AS k UNION SELECT NEW.admin2 UNION SELECT lower(NEW.country_code)
      UNION SELECT name_key FROM entity_names WHERE doc_id = NEW.doc_id AND local_id = NEW.location_id
    ) WHERE k IS NOT NULL;`;

/** Actor keys of the event of role row `r`: every name of every non-location participant. */
function actorKeys(r: 'NEW' | 'OLD'): string {
  return `
  INSERT OR IGNORE INTO event_keys (kind, key, date_start, doc_id, event_id)
    SELECT 'actor', n.name_key, e.date_start, e.doc_id, e.local_id
    FROM event_roles ro JOIN entity_names n ON n.doc_id = ro.doc_id AND n.local_id = ro.local_id
    JOIN events e ON e.doc_id = ro.doc_id AND e.local_id = ro.event_id
    WHERE ro.doc_id = ${r}.doc_id AND ro.event_id = ${r}.event_id AND ro.role <> 'location';`;
}

/** Version 5 of the schema: the tables above, their backfill from existing rows, then the triggers. */
export const ENTITY_STATS_SQL = `
  CREATE INDEX IF NOT EXISTS entity_names_doc ON entity_names(doc_id, local_id);
  CREATE INDEX events_date_desc ON events(date_start DESC, doc_id, local_id, lat, lon);
  CREATE INDEX events_category_date ON events(category, date_start DESC, doc_id, local_id);
  CREATE INDEX events_type_date ON events(type, date_start DESC, doc_id, local_id);
  CREATE INDEX events_location ON events(doc_id, location_id);

  -- The date of the entity's document, so an entity's newest documents come from an index.
  ALTER TABLE doc_entities ADD COLUMN doc_date TEXT;
  UPDATE doc_entities SET doc_date = (SELECT ${DOC_DATE} FROM documents WHERE id = doc_entities.doc_id);
  CREATE INDEX doc_entities_recent ON doc_entities(entity_key, doc_date DESC, doc_id, local_id);
  CREATE INDEX doc_entities_geo ON doc_entities(entity_key) WHERE geo IS NOT NULL;

  CREATE TABLE entity_stats (
    entity_key TEXT PRIMARY KEY,
    name TEXT, type TEXT, kb_id TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    rows INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE entity_facets (
    entity_key TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_key, kind, value)
  ) WITHOUT ROWID;
  INSERT INTO entity_stats (entity_key, name, type, kb_id, documents, mentions, rows)
    SELECT entity_key, max(name), max(type), max(kb_id), count(DISTINCT doc_id), sum(mention_count), count(*)
    FROM doc_entities GROUP BY entity_key;
  INSERT INTO entity_facets (entity_key, kind, value, n)
    SELECT entity_key, 'name', name, count(*) FROM doc_entities GROUP BY entity_key, name
    UNION ALL SELECT entity_key, 'type', type, count(*) FROM doc_entities GROUP BY entity_key, type
    UNION ALL SELECT entity_key, 'kb', kb_id, count(*) FROM doc_entities WHERE kb_id IS NOT NULL GROUP BY entity_key, kb_id
    UNION ALL SELECT entity_key, 'alias', value, count(*) FROM
      (SELECT DISTINCT d.rowid, d.entity_key, j.value FROM doc_entities d, json_each(d.aliases) j WHERE j.value IS NOT NULL)
      GROUP BY entity_key, value
    UNION ALL SELECT d.entity_key, 'key', n.name_key, count(*) FROM doc_entities d
      JOIN entity_names n ON n.doc_id = d.doc_id AND n.local_id = d.local_id GROUP BY d.entity_key, n.name_key;
  CREATE INDEX entity_stats_rank ON entity_stats(documents DESC, mentions DESC, name);
  CREATE INDEX entity_stats_type_rank ON entity_stats(type, documents DESC, mentions DESC, name);
  CREATE INDEX entity_facets_value ON entity_facets(kind, value, entity_key);

  CREATE TABLE event_entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL, role TEXT NOT NULL, local_id TEXT NOT NULL,
    entity_key TEXT NOT NULL, date_start TEXT, location_key TEXT
  );
  INSERT INTO event_entities (doc_id, event_id, role, local_id, entity_key, date_start, location_key)
    SELECT r.doc_id, r.event_id, r.role, r.local_id, d.entity_key, e.date_start, l.entity_key
    FROM event_roles r JOIN doc_entities d ON d.doc_id = r.doc_id AND d.local_id = r.local_id
    JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id
    LEFT JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id;
  CREATE INDEX event_entities_doc ON event_entities(doc_id, event_id);
  CREATE INDEX event_entities_date ON event_entities(entity_key, date_start DESC, doc_id, event_id);
  CREATE INDEX event_entities_place ON event_entities(entity_key, location_key, role);

  CREATE TABLE event_keys (
    kind TEXT NOT NULL, key TEXT NOT NULL, date_start TEXT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
    PRIMARY KEY (kind, key, doc_id, event_id)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO event_keys (kind, key, date_start, doc_id, event_id)
    SELECT 'place', k, date_start, doc_id, local_id FROM (
      SELECT admin1 AS k, date_start, doc_id, local_id FROM events
      UNION SELECT admin2, date_start, doc_id, local_id FROM events
      UNION SELECT lower(country_code), date_start, doc_id, local_id FROM events
      UNION SELECT n.name_key, e.date_start, e.doc_id, e.local_id FROM events e
        JOIN entity_names n ON n.doc_id = e.doc_id AND n.local_id = e.location_id
    ) WHERE k IS NOT NULL;
  INSERT OR IGNORE INTO event_keys (kind, key, date_start, doc_id, event_id)
    SELECT 'actor', n.name_key, e.date_start, e.doc_id, e.local_id
    FROM event_roles r JOIN entity_names n ON n.doc_id = r.doc_id AND n.local_id = r.local_id
    JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id WHERE r.role <> 'location';
  CREATE INDEX event_keys_date ON event_keys(kind, key, date_start DESC, doc_id, event_id);
  CREATE INDEX event_keys_doc ON event_keys(doc_id, event_id);

  CREATE TABLE relation_keys (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, type TEXT NOT NULL, modality TEXT NOT NULL,
    subject_id TEXT NOT NULL, object_id TEXT NOT NULL,
    subject_key TEXT NOT NULL, object_key TEXT NOT NULL,
    PRIMARY KEY (doc_id, local_id)
  ) WITHOUT ROWID;
  INSERT INTO relation_keys (doc_id, local_id, type, modality, subject_id, object_id, subject_key, object_key)
    SELECT r.doc_id, r.local_id, r.type, r.modality, r.subject_id, r.object_id, s.entity_key, o.entity_key
    FROM relations r JOIN doc_entities s ON s.doc_id = r.doc_id AND s.local_id = r.subject_id
    JOIN doc_entities o ON o.doc_id = r.doc_id AND o.local_id = r.object_id;
  CREATE INDEX relation_keys_subject ON relation_keys(subject_key, type, object_key, modality, doc_id);
  CREATE INDEX relation_keys_object ON relation_keys(object_key, type, subject_key, modality, doc_id);

  CREATE TRIGGER doc_entities_stats_ai AFTER INSERT ON doc_entities BEGIN
    UPDATE doc_entities SET doc_date = (SELECT ${DOC_DATE} FROM documents WHERE id = NEW.doc_id)
      WHERE doc_id = NEW.doc_id AND local_id = NEW.local_id;
    ${ADD_ROW}
  END;
  CREATE TRIGGER doc_entities_stats_ad AFTER DELETE ON doc_entities BEGIN
    ${REMOVE_ROW}
  END;
  CREATE TRIGGER doc_entities_stats_au AFTER UPDATE OF entity_key, type, name, kb_id, aliases, mention_count
  ON doc_entities BEGIN
    ${REMOVE_ROW}
    ${ADD_ROW}
  END;
  -- Corrections move rows between keys; the key-carrying copies follow.
  CREATE TRIGGER doc_entities_key_au AFTER UPDATE OF entity_key ON doc_entities
  WHEN OLD.entity_key IS NOT NEW.entity_key BEGIN
    UPDATE event_entities SET entity_key = NEW.entity_key WHERE doc_id = NEW.doc_id AND local_id = NEW.local_id;
    UPDATE event_entities SET location_key = NEW.entity_key WHERE doc_id = NEW.doc_id
      AND event_id IN (SELECT local_id FROM events WHERE doc_id = NEW.doc_id AND location_id = NEW.local_id);
    UPDATE relation_keys SET subject_key = NEW.entity_key WHERE doc_id = NEW.doc_id AND subject_id = NEW.local_id;
    UPDATE relation_keys SET object_key = NEW.entity_key WHERE doc_id = NEW.doc_id AND object_id = NEW.local_id;
  END;

  CREATE TRIGGER events_keys_ai AFTER INSERT ON events BEGIN
    ${EVENT_PLACE_KEYS}
  END;
  CREATE TRIGGER events_keys_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_keys WHERE doc_id = OLD.doc_id AND event_id = OLD.local_id;
    DELETE FROM event_entities WHERE doc_id = OLD.doc_id AND event_id = OLD.local_id;
  END;
  CREATE TRIGGER events_keys_date_au AFTER UPDATE OF date_start ON events BEGIN
    UPDATE event_keys SET date_start = NEW.date_start WHERE doc_id = NEW.doc_id AND event_id = NEW.local_id;
    UPDATE event_entities SET date_start = NEW.date_start WHERE doc_id = NEW.doc_id AND event_id = NEW.local_id;
  END;

  CREATE TRIGGER event_roles_keys_ai AFTER INSERT ON event_roles BEGIN
    INSERT INTO event_entities (doc_id, event_id, role, local_id, entity_key, date_start, location_key)
      SELECT NEW.doc_id, NEW.event_id, NEW.role, NEW.local_id, d.entity_key, e.date_start,
        (SELECT l.entity_key FROM doc_entities l WHERE l.doc_id = e.doc_id AND l.local_id = e.location_id)
      FROM doc_entities d JOIN events e ON e.doc_id = NEW.doc_id AND e.local_id = NEW.event_id
      WHERE d.doc_id = NEW.doc_id AND d.local_id = NEW.local_id;
    ${actorKeys('NEW')}
  END;
  CREATE TRIGGER event_roles_keys_ad AFTER DELETE ON event_roles BEGIN
    DELETE FROM event_entities WHERE rowid IN (SELECT rowid FROM event_entities WHERE doc_id = OLD.doc_id
      AND event_id = OLD.event_id AND role = OLD.role AND local_id = OLD.local_id LIMIT 1);
    DELETE FROM event_keys WHERE kind = 'actor' AND doc_id = OLD.doc_id AND event_id = OLD.event_id;
    ${actorKeys('OLD')}
  END;

  CREATE TRIGGER relations_keys_ai AFTER INSERT ON relations BEGIN
    INSERT INTO relation_keys (doc_id, local_id, type, modality, subject_id, object_id, subject_key, object_key)
      SELECT NEW.doc_id, NEW.local_id, NEW.type, NEW.modality, NEW.subject_id, NEW.object_id, s.entity_key, o.entity_key
      FROM doc_entities s JOIN doc_entities o ON o.doc_id = NEW.doc_id AND o.local_id = NEW.object_id
      WHERE s.doc_id = NEW.doc_id AND s.local_id = NEW.subject_id;
  END;
  CREATE TRIGGER relations_keys_ad AFTER DELETE ON relations BEGIN
    DELETE FROM relation_keys WHERE doc_id = OLD.doc_id AND local_id = OLD.local_id;
  END;
  CREATE TRIGGER relations_keys_au AFTER UPDATE ON relations BEGIN
    UPDATE relation_keys SET type = NEW.type, modality = NEW.modality WHERE doc_id = NEW.doc_id AND local_id = NEW.local_id;
  END;
`;

/**
 * Whether the document of row `r` has no other row of the entity: found among the document's own
 * rows by primary key. The unary plus keeps entity_key from choosing the index: through
 * doc_entities_recent (entity_key, ...) the check read every row of the entity, thousands for a
 * much-reported group, and grew with the store (version 5's triggers did that).
 */
function firstInDocument(r: 'NEW' | 'OLD'): string {
  return `NOT EXISTS (SELECT 1 FROM doc_entities x
      WHERE x.doc_id = ${r}.doc_id AND +x.entity_key = ${r}.entity_key AND x.local_id <> ${r}.local_id)`;
}

/** The displayed name, type and KB id of entity `key`, from its facets (max, as the GROUP BY did). */
function displayed(key: string): string {
  const facet = (kind: string): string =>
    `(SELECT max(value) FROM entity_facets WHERE entity_key = ${key} AND kind = '${kind}')`;
  return `name = ${facet('name')}, type = ${facet('type')}, kb_id = ${facet('kb')}`;
}

/** Version 9's ADD_ROW: the counters and the displayed fields in one write of the stats row. */
const ADD_ROW_ONCE = `
  INSERT INTO entity_facets (entity_key, kind, value, n)
    SELECT NEW.entity_key, kind, value, 1 FROM (${facetsOf('NEW')}) WHERE true
    ON CONFLICT (entity_key, kind, value) DO UPDATE SET n = n + 1;
  INSERT INTO entity_stats (entity_key) VALUES (NEW.entity_key) ON CONFLICT DO NOTHING;
  UPDATE entity_stats SET rows = rows + 1, mentions = mentions + NEW.mention_count,
    documents = documents + ${firstInDocument('NEW')}, ${displayed('NEW.entity_key')}
    WHERE entity_key = NEW.entity_key;`;

/** Version 9's REMOVE_ROW: as ADD_ROW_ONCE, the other way. */
const REMOVE_ROW_ONCE = `
  UPDATE entity_facets SET n = n - 1
    WHERE entity_key = OLD.entity_key AND (kind, value) IN (${facetsOf('OLD')});
  DELETE FROM entity_facets WHERE entity_key = OLD.entity_key AND n <= 0;
  UPDATE entity_stats SET rows = rows - 1, mentions = mentions - OLD.mention_count,
    documents = documents - ${firstInDocument('OLD')}, ${displayed('OLD.entity_key')}
    WHERE entity_key = OLD.entity_key;
  DELETE FROM entity_stats WHERE entity_key = OLD.entity_key AND rows <= 0;`;

/**
 * Version 9 of the schema: the entity statistics triggers again, with a per-save cost that does not
 * grow with the store. The document's date is written with the doc_entities row (writeEntities);
 * the trigger only fills it in for a row written without one, instead of updating every new row
 * (one more write of the row and of its doc_entities_recent entry). The first-in-document check
 * reads the document's rows, not the entity's; each row change writes the stats row once, not
 * three times.
 */
export const ENTITY_STATS_WRITES_SQL = `
  DROP TRIGGER doc_entities_stats_ai;
  DROP TRIGGER doc_entities_stats_ad;
  DROP TRIGGER doc_entities_stats_au;
  CREATE TRIGGER doc_entities_date_ai AFTER INSERT ON doc_entities WHEN NEW.doc_date IS NULL BEGIN
    UPDATE doc_entities SET doc_date = (SELECT ${DOC_DATE} FROM documents WHERE id = NEW.doc_id)
      WHERE doc_id = NEW.doc_id AND local_id = NEW.local_id;
  END;
  CREATE TRIGGER doc_entities_stats_ai AFTER INSERT ON doc_entities BEGIN
    ${ADD_ROW_ONCE}
  END;
  CREATE TRIGGER doc_entities_stats_ad AFTER DELETE ON doc_entities BEGIN
    ${REMOVE_ROW_ONCE}
  END;
  CREATE TRIGGER doc_entities_stats_au AFTER UPDATE OF entity_key, type, name, kb_id, aliases, mention_count
  ON doc_entities BEGIN
    ${REMOVE_ROW_ONCE}
    ${ADD_ROW_ONCE}
  END;
`;

type Row = Record<string, unknown>;

/** Summaries of the given entity keys (in no particular order); unknown keys are left out. */
export function entitySummaries(db: Database.Database, keys: readonly string[]): EntitySummary[] {
  if (!keys.length) return [];
  const rows = db
    .prepare(
      `SELECT s.entity_key, s.name, s.type, s.kb_id, s.documents, s.mentions,
         (SELECT json_group_array(value) FROM (SELECT value FROM entity_facets f
            WHERE f.entity_key = s.entity_key AND f.kind IN ('name', 'alias') ORDER BY f.kind DESC, f.value)) AS names
       FROM entity_stats s WHERE s.entity_key IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(keys)) as Row[];
  return rows.map(toSummary);
}

/** Ranks as listings do: most documents, then most mentions, then name. */
export function byRank(a: EntitySummary, b: EntitySummary): number {
  return (
    b.documents - a.documents || b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** Filters for ranked entity listings over entity_stats. */
export interface StatsFilter {
  readonly type?: string;
  /** Entities with a name or alias whose key is exactly this. */
  readonly nameKey?: string;
  /** Entities with a name or alias whose key starts with this. */
  readonly prefixKey?: string;
  readonly limit: number;
}

/** Most-documented entities matching the filter, from the statistics and their indexes. */
export function rankedEntities(db: Database.Database, filter: StatsFilter): EntitySummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.type) {
    where.push('s.type = ?');
    params.push(filter.type);
  }
  if (filter.nameKey !== undefined) {
    where.push(`s.entity_key IN (SELECT entity_key FROM entity_facets WHERE kind = 'key' AND value = ?)`);
    params.push(filter.nameKey);
  }
  if (filter.prefixKey !== undefined) {
    where.push(
      `s.entity_key IN (SELECT entity_key FROM entity_facets WHERE kind = 'key' AND value >= ? AND value < ?)`,
    );
    params.push(filter.prefixKey, `${filter.prefixKey}\uffff`);
  }
  const keys = db
    .prepare(
      `SELECT s.entity_key FROM entity_stats s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.documents DESC, s.mentions DESC, s.name LIMIT ?`,
    )
    .pluck()
    .all(...params, filter.limit) as string[];
  return entitySummaries(db, keys).sort(byRank);
}

function toSummary(row: Row): EntitySummary {
  const name = String(row.name);
  const names = JSON.parse(String(row.names)) as string[];
  return {
    key: String(row.entity_key),
    name,
    type: row.type as EntitySummary['type'],
    kbId: (row.kb_id as string | null) ?? null,
    aliases: [...new Set(names)].filter((a) => a !== name),
    documents: Number(row.documents),
    mentions: Number(row.mentions),
  };
}
