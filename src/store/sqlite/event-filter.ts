/**
 * Event listings, maps and the weekly histogram. A listing is driven by the index that yields its
 * events newest first with the fewest rows read — an entity key (event_entities), a place or actor
 * key (event_keys), the 1-degree cells of a small bounding box, the category or sub-event type, or
 * the date — and stops after LIMIT rows. Names come from event_labels, one row per event.
 */
import type Database from 'better-sqlite3';
import { EVENT_TYPES, nameKey } from '../../core/index.js';
import type { Event, EventCategory } from '../../core/index.js';
import type { EventFilter, EventPoint, StoredEvent, WeekCount } from '../types.js';
import { cachedStatement } from './statement-cache.js';

type Row = Record<string, unknown>;

/** Below this many events in a bounding box, the box's index drives the listing; above, the date does. */
const BBOX_PROBE = 2000;

const CATEGORIES = new Set<string>(Object.keys(EVENT_TYPES));
const SUB_EVENT_TYPES = new Set<string>(Object.values(EVENT_TYPES).flat());

/** Which filter is answered by the index that drives the query (and so is left out of WHERE). */
type Driver = 'place' | 'actor' | 'entity' | null;

/** SQL conditions (on `events e`) and their parameters for an event filter; all combined with AND. */
export function eventWhere(filter: EventFilter, driver: Driver = null): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.type) {
    // Categories and sub-event types are disjoint vocabularies: one indexed column answers.
    if (CATEGORIES.has(filter.type)) add('e.category = ?', filter.type);
    else if (SUB_EVENT_TYPES.has(filter.type)) add('e.type = ?', filter.type);
    else add('(e.category = ? OR e.type = ?)', filter.type, filter.type);
  }
  if (filter.since) add('coalesce(e.date_end, e.date_start) >= ?', filter.since);
  if (filter.until) add('e.date_start <= ?', filter.until);
  // Row-value IN over an index range: SQLite builds the set once instead of probing per event.
  if (filter.actor && driver !== 'actor') {
    add(
      `(e.doc_id, e.local_id) IN (SELECT doc_id, event_id FROM event_keys WHERE kind = 'actor' AND key = ?)`,
      nameKey(filter.actor),
    );
  }
  if (filter.place && driver !== 'place') {
    add(
      `(e.doc_id, e.local_id) IN (SELECT doc_id, event_id FROM event_keys WHERE kind = 'place' AND key = ?)`,
      placeKey(filter.place),
    );
  }
  if (filter.entity && driver !== 'entity') {
    add(
      '(e.doc_id, e.local_id) IN (SELECT doc_id, event_id FROM event_entities WHERE entity_key = ?)',
      filter.entity,
    );
  }
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox;
    add('e.lat BETWEEN ? AND ?', south, north);
    // A box crossing the antimeridian has west > east.
    if (west <= east) add('e.lon BETWEEN ? AND ?', west, east);
    else add('(e.lon >= ? OR e.lon <= ?)', west, east);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * The key a place filter looks up: matches the event's admin1/admin2, its country code (any case)
 * and every name and alias of its location entity, as stored in event_keys.
 */
function placeKey(place: string): string {
  return nameKey(place);
}

/**
 * The names of the entities an event's role list (a JSON array of local ids in `record`) points at,
 * in the list's order; an id with no entity row stands for itself, as the extraction's ids do.
 */
function roleNames(event: string, path: string): string {
  return `(SELECT json_group_array(coalesce(n.name, j.value)) FROM json_each(${event}.record, '${path}') j
    LEFT JOIN doc_entities n ON n.doc_id = ${event}.doc_id AND n.local_id = j.value)`;
}

/** An event's labels (`event` is NEW or a table alias): location name and role names. */
function labelsOf(event: string): string {
  return `(SELECT l.name FROM doc_entities l WHERE l.doc_id = ${event}.doc_id AND l.local_id = ${event}.location_id),
    ${roleNames(event, '$.perpetrators')}, ${roleNames(event, '$.targets')}, ${roleNames(event, '$.claimedBy')}`;
}

/**
 * Part of version 7 of the schema: each event's location and role names, written with the event,
 * so a listing of 500 events reads one row per event instead of probing doc_entities three or four
 * times per event. Names are those of the document's own entity rows, which corrections never
 * rename (they change keys and types); triggers keep the labels right whenever an event or an
 * entity row of its document is written.
 */
export const EVENT_LABELS_SQL = `
  CREATE TABLE event_labels (
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    location_name TEXT,
    perpetrators TEXT NOT NULL,
    targets TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
  ) WITHOUT ROWID;
  INSERT INTO event_labels (doc_id, event_id, location_name, perpetrators, targets, claimed_by)
    SELECT e.doc_id, e.local_id, ${labelsOf('e')} FROM events e;

  CREATE TRIGGER events_labels_ai AFTER INSERT ON events BEGIN
    INSERT OR REPLACE INTO event_labels (doc_id, event_id, location_name, perpetrators, targets, claimed_by)
      VALUES (NEW.doc_id, NEW.local_id, ${labelsOf('NEW')});
  END;
  CREATE TRIGGER events_labels_au AFTER UPDATE OF record, location_id ON events BEGIN
    INSERT OR REPLACE INTO event_labels (doc_id, event_id, location_name, perpetrators, targets, claimed_by)
      VALUES (NEW.doc_id, NEW.local_id, ${labelsOf('NEW')});
  END;
  CREATE TRIGGER events_labels_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_labels WHERE doc_id = OLD.doc_id AND event_id = OLD.local_id;
  END;
  -- Entity rows are written before their document's events; should one come later or be renamed,
  -- the document's labels are recomputed (a single index probe when the document has no events yet).
  CREATE TRIGGER doc_entities_labels_ai AFTER INSERT ON doc_entities BEGIN
    INSERT OR REPLACE INTO event_labels (doc_id, event_id, location_name, perpetrators, targets, claimed_by)
      SELECT e.doc_id, e.local_id, ${labelsOf('e')} FROM events e WHERE e.doc_id = NEW.doc_id;
  END;
  CREATE TRIGGER doc_entities_labels_au AFTER UPDATE OF name, local_id ON doc_entities BEGIN
    INSERT OR REPLACE INTO event_labels (doc_id, event_id, location_name, perpetrators, targets, claimed_by)
      SELECT e.doc_id, e.local_id, ${labelsOf('e')} FROM events e WHERE e.doc_id = NEW.doc_id;
  END;
`;

/**
 * The 1-degree cell a point lies in: row (latitude + 90) times 360 plus column (longitude + 180);
 * both sums are non-negative, so CAST truncates them down as Math.trunc does in cellsOf.
 */
const CELL = 'CAST(e.lat + 90 AS INTEGER) * 360 + CAST(e.lon + 180 AS INTEGER)';

/** Most cells a box may cover to be looked up cell by cell (a larger box goes by date). */
const MAX_CELLS = 720;

/**
 * Part of version 7: events by 1-degree cell, with their coordinates and date, so a map's box is a
 * few hundred exact index seeks (an empty box of the ocean costs next to nothing) and its newest
 * events are picked from the index alone. It replaces events_lat, whose latitude band made every
 * box read every event at those latitudes around the globe; writes maintain no extra index.
 */
export const EVENT_GEO_SQL = `
  DROP INDEX IF EXISTS events_lat;
  CREATE INDEX events_cell ON events(${CELL.replace(/e\./g, '')}, lat, lon, date_start, doc_id, local_id);
`;

/** The cells a box covers, or null when there are too many to seek one by one. */
function cellsOf([west, south, east, north]: readonly [number, number, number, number]): number[] | null {
  const rows = [Math.trunc(south + 90), Math.trunc(north + 90)] as const;
  const col = (lon: number): number => Math.trunc(lon + 180);
  // A box crossing the antimeridian (west > east) covers both ends of the column range.
  const spans: [number, number][] =
    west <= east
      ? [[col(west), col(east)]]
      : [
          [col(west), 360],
          [0, col(east)],
        ];
  const width = spans.reduce((n, [a, b]) => n + b - a + 1, 0);
  if ((rows[1] - rows[0] + 1) * width > MAX_CELLS) return null;
  const cells: number[] = [];
  for (let r = rows[0]; r <= rows[1]; r++)
    for (const [a, b] of spans) for (let c = a; c <= b; c++) cells.push(r * 360 + c);
  return cells;
}

/** The labels of each listed event (a row per event, by primary key). */
const LABELS_JOIN = 'LEFT JOIN event_labels lb ON lb.doc_id = e.doc_id AND lb.event_id = e.local_id';
const LABEL_COLUMNS =
  'lb.location_name, lb.perpetrators AS perpetrators, lb.targets AS targets, lb.claimed_by AS claimed_by';

const COLUMNS = `e.doc_id, e.local_id, e.record, e.country_code, e.evidence_text, e.lat, e.lon, e.feature_class,
  ${LABEL_COLUMNS}`;

/**
 * What a map needs of an event, all from columns (kept equal to the record by every write and
 * correction) and the labels: no event record is read or parsed.
 */
const ORDER = 'ORDER BY e.date_start DESC, e.doc_id, e.local_id';

/** Builds the SQL and parameters for an event listing (newest first; undated events last). */
export function eventQuery(
  db: Database.Database,
  filter: EventFilter,
  columns: string = COLUMNS,
): { sql: string; params: unknown[] } {
  const page = [filter.limit ?? 200, filter.offset ?? 0];
  // The key's date-ordered index drives the listing; `until` bounds it there (k.date_start is kept
  // equal to the event's by triggers), so the scan starts at the range instead of at the newest.
  const until = filter.until ? 'AND k.date_start <= ?' : '';
  const untilParam = filter.until ? [filter.until] : [];
  if (filter.entity) {
    const { where, params } = eventWhere(filter, 'entity');
    const and = where ? `AND ${where.slice('WHERE '.length)}` : '';
    // An entity can play two parts in one event (perpetrator and claimant): its first role row
    // stands for the event, so each event is listed once without sorting the whole set.
    return {
      sql: `SELECT ${columns} FROM event_entities k INDEXED BY event_entities_date
        JOIN events e ON e.doc_id = k.doc_id AND e.local_id = k.event_id ${LABELS_JOIN}
        WHERE k.entity_key = ? ${until}
          AND k.rowid = (SELECT min(x.rowid) FROM event_entities x INDEXED BY event_entities_doc
            WHERE x.doc_id = k.doc_id AND x.event_id = k.event_id AND x.entity_key = k.entity_key) ${and}
        ORDER BY k.date_start DESC, k.doc_id, k.event_id LIMIT ? OFFSET ?`,
      params: [filter.entity, ...untilParam, ...params, ...page],
    };
  }
  const keyed = filter.place ? 'place' : filter.actor ? 'actor' : null;
  if (keyed) {
    const key = keyed === 'place' ? placeKey(filter.place!) : nameKey(filter.actor!);
    const { where, params } = eventWhere(filter, keyed);
    const and = where ? `AND ${where.slice('WHERE '.length)}` : '';
    return {
      sql: `SELECT ${columns} FROM event_keys k INDEXED BY event_keys_date
        JOIN events e ON e.doc_id = k.doc_id AND e.local_id = k.event_id ${LABELS_JOIN}
        WHERE k.kind = ? AND k.key = ? ${until} ${and}
        ORDER BY k.date_start DESC, k.doc_id, k.event_id LIMIT ? OFFSET ?`,
      params: [keyed, key, ...untilParam, ...params, ...page],
    };
  }
  const base = eventWhere(filter);
  const { index, cells } = drivingIndex(db, filter);
  // The cell condition lets events_cell seek each cell; the exact box test stays in `where`.
  const { where, params } = cells
    ? {
        where: `${base.where} AND ${CELL} IN (SELECT value FROM json_each(?))`,
        params: [...base.params, JSON.stringify(cells)],
      }
    : base;
  if (cells && onlyBox(filter)) {
    // A map's box alone: sort the box's events by date inside events_cell (rowid included), then
    // read the table and labels for the page only, by rowid within this one statement.
    return {
      sql: `SELECT ${columns} FROM (SELECT rowid AS id FROM events e INDEXED BY events_cell ${where}
          ${ORDER} LIMIT ? OFFSET ?) p
        JOIN events e ON e.rowid = p.id ${LABELS_JOIN} ${ORDER}`,
      params: [...params, ...page],
    };
  }
  return {
    sql: `SELECT ${columns} FROM events e INDEXED BY ${index} ${LABELS_JOIN} ${where} ${ORDER} LIMIT ? OFFSET ?`,
    params: [...params, ...page],
  };
}

/** True when the filter asks for nothing but a bounding box (and a page). */
function onlyBox(filter: EventFilter): boolean {
  return Object.entries(filter).every(
    ([k, v]) => v === undefined || k === 'bbox' || k === 'limit' || k === 'offset',
  );
}

/**
 * The events index to scan: a small box's cells (when it holds few events), else the type's or the
 * date's (which give the order). `cells` is set when the cells drive.
 */
function drivingIndex(db: Database.Database, filter: EventFilter): { index: string; cells: number[] | null } {
  const cells = filter.bbox && !filter.entity ? cellsOf(filter.bbox) : null;
  if (cells) {
    const box = eventWhere({ bbox: filter.bbox! });
    const inBox = cachedStatement(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY events_cell ${box.where}
         AND ${CELL} IN (SELECT value FROM json_each(?)) LIMIT ${BBOX_PROBE})`,
      'pluck',
    ).get(...box.params, JSON.stringify(cells)) as number;
    if (inBox < BBOX_PROBE) return { index: 'events_cell', cells };
  }
  if (filter.type && CATEGORIES.has(filter.type)) return { index: 'events_category_date', cells: null };
  if (filter.type && SUB_EVENT_TYPES.has(filter.type)) return { index: 'events_type_date', cells: null };
  return { index: 'events_date_desc', cells: null };
}

/** Events matching the filter, with the names of the entities they point at. */
export function listEvents(db: Database.Database, filter: EventFilter): StoredEvent[] {
  const { sql, params } = eventQuery(db, filter);
  return (cachedStatement(db, sql).all(...params) as Row[]).map(toStoredEvent);
}

/**
 * One listed event as the JSON text of the StoredEvent listEvents makes of it, written by SQLite:
 * the record spliced in as stored (the store writes records with JSON.stringify, so parsing and
 * re-encoding one gives its text back), role names as event_labels keeps them (JSON arrays).
 * Numbers are written by SQLite's JSON functions, which give the same values as JSON.stringify.
 */
const EVENT_JSON = `'{"docId":' || json_quote(e.doc_id) || ',"event":' || e.record
  || ',"locationName":' || CASE WHEN e.location_id IS NULL THEN 'null' ELSE json_quote(lb.location_name) END
  || ',"countryCode":' || json_quote(e.country_code)
  || ',"perpetratorNames":' || coalesce(lb.perpetrators, 'null')
  || ',"targetNames":' || coalesce(lb.targets, 'null')
  || ',"claimedByNames":' || coalesce(lb.claimed_by, 'null')
  || ',"evidenceText":' || json_quote(e.evidence_text)
  || ',"point":' || CASE WHEN e.lat IS NULL OR e.lon IS NULL THEN 'null'
       ELSE json_object('lat', e.lat, 'lon', e.lon, 'featureClass', e.feature_class) END || '}'`;

/**
 * What listEvents returns, as JSON text (an array), written row by row by SQLite: a listing's
 * cost was mostly parsing every event record into objects and encoding them again.
 */
export function listEventsJson(db: Database.Database, filter: EventFilter): string {
  const { sql, params } = eventQuery(db, filter, EVENT_JSON);
  return `[${(cachedStatement(db, sql, 'pluck').all(...params) as string[]).join(',')}]`;
}

function toStoredEvent(r: Row): StoredEvent {
  const event = JSON.parse(String(r.record)) as Event;
  return {
    docId: String(r.doc_id),
    event,
    locationName: event.location ? ((r.location_name as string | null) ?? null) : null,
    countryCode: (r.country_code as string | null) ?? null,
    perpetratorNames: JSON.parse(String(r.perpetrators)) as string[],
    targetNames: JSON.parse(String(r.targets)) as string[],
    claimedByNames: JSON.parse(String(r.claimed_by)) as string[],
    evidenceText: String(r.evidence_text),
    point: pointOf(r),
  };
}

function pointOf(r: Row): EventPoint | null {
  return typeof r.lat === 'number' && typeof r.lon === 'number'
    ? { lat: r.lat, lon: r.lon, featureClass: (r.feature_class as EventPoint['featureClass']) ?? null }
    : null;
}

/**
 * One located event as the text of the GeoJSON feature eventsToGeoJson (src/serve/geojson.ts)
 * makes of it, written by SQLite: `precision` is the location's feature class.
 */
const FEATURE_JSON = `json_object('type', 'Feature', 'id', e.doc_id || '#' || e.local_id,
  'geometry', json_object('type', 'Point', 'coordinates', json_array(e.lon, e.lat)),
  'properties', json_object('docId', e.doc_id, 'eventId', e.local_id, 'category', e.category, 'type', e.type,
    'dateStart', e.date_start, 'dateEnd', e.date_end, 'datePrecision', e.date_precision,
    'location', lb.location_name, 'countryCode', e.country_code, 'precision', e.feature_class,
    'perpetrators', json(lb.perpetrators), 'targets', json(lb.targets), 'fatalities', e.fatalities_min,
    'injured', e.injured_min, 'modality', e.modality))`;

/**
 * The located events among those listEvents returns (same filter, order and page), each as
 * the JSON text of its GeoJSON feature: no row object is built, no role names are parsed and
 * encoded again (after the query itself, the costliest parts of a 500-event map).
 */
export function listEventFeaturesJson(db: Database.Database, filter: EventFilter): string[] {
  const { sql, params } = eventQuery(
    db,
    filter,
    `CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL THEN ${FEATURE_JSON} END`,
  );
  return (cachedStatement(db, sql, 'pluck').all(...params) as (string | null)[]).filter(
    (f): f is string => f !== null,
  );
}

/** Events per ISO week (the Monday that starts it) and category; undated events are left out. */
export function eventHistogram(db: Database.Database, filter: EventFilter): WeekCount[] {
  const { where, params } = eventWhere(filter);
  const dated = where ? `${where} AND e.date_start IS NOT NULL` : 'WHERE e.date_start IS NOT NULL';
  // date(d, '-6 days', 'weekday 1') is the Monday on or before d.
  const rows = cachedStatement(
    db,
    `SELECT date(e.date_start, '-6 days', 'weekday 1') AS week, e.category AS category, count(*) AS n
     FROM events e ${dated} GROUP BY week, e.category ORDER BY week, e.category`,
  ).all(...params) as { week: string; category: string; n: number }[];
  return rows.map((r) => ({ week: r.week, category: r.category as EventCategory, count: r.n }));
}
