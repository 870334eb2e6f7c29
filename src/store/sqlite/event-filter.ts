/**
 * Event listings, maps and the weekly histogram. A listing is driven by the index that yields its
 * events newest first with the fewest rows read — a place or actor key (event_keys), the category
 * or sub-event type, a small bounding box, or the date — and stops after LIMIT rows.
 */
import type Database from 'better-sqlite3';
import { EVENT_TYPES, nameKey } from '../../core/index.js';
import type { Event, EventCategory } from '../../core/index.js';
import type { EventFilter, EventPoint, StoredEvent, WeekCount } from '../types.js';

type Row = Record<string, unknown>;

/** Below this many events in a bounding box, the box's index drives the listing; above, the date does. */
const BBOX_PROBE = 2000;

const CATEGORIES = new Set<string>(Object.keys(EVENT_TYPES));
const SUB_EVENT_TYPES = new Set<string>(Object.values(EVENT_TYPES).flat());

/** Which filter is answered by the index that drives the query (and so is left out of WHERE). */
type Driver = 'place' | 'actor' | null;

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
  if (filter.entity) {
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

const COLUMNS =
  'e.doc_id, e.local_id, e.record, e.country_code, e.evidence_text, e.lat, e.lon, e.feature_class';
const ORDER = 'ORDER BY e.date_start DESC, e.doc_id, e.local_id';

/** Builds the SQL and parameters for an event listing (newest first; undated events last). */
export function eventQuery(db: Database.Database, filter: EventFilter): { sql: string; params: unknown[] } {
  const page = [filter.limit ?? 200, filter.offset ?? 0];
  const keyed = filter.place ? 'place' : filter.actor ? 'actor' : null;
  if (keyed) {
    const key = keyed === 'place' ? placeKey(filter.place!) : nameKey(filter.actor!);
    const { where, params } = eventWhere(filter, keyed);
    const and = where ? `AND ${where.slice('WHERE '.length)}` : '';
    return {
      sql: `SELECT ${COLUMNS} FROM event_keys k INDEXED BY event_keys_date
        JOIN events e ON e.doc_id = k.doc_id AND e.local_id = k.event_id
        WHERE k.kind = ? AND k.key = ? ${and}
        ORDER BY k.date_start DESC, k.doc_id, k.event_id LIMIT ? OFFSET ?`,
      params: [keyed, key, ...params, ...page],
    };
  }
  const { where, params } = eventWhere(filter);
  return {
    sql: `SELECT ${COLUMNS} FROM events e INDEXED BY ${drivingIndex(db, filter)} ${where} ${ORDER} LIMIT ? OFFSET ?`,
    params: [...params, ...page],
  };
}

/** The events index to scan: a small box's own, else the type's or the date's (which give the order). */
function drivingIndex(db: Database.Database, filter: EventFilter): string {
  if (filter.bbox && !filter.entity) {
    const [west, south, east, north] = filter.bbox;
    const lon = west <= east ? 'lon BETWEEN ? AND ?' : '(lon >= ? OR lon <= ?)';
    const inBox = db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_lat WHERE lat BETWEEN ? AND ? AND ${lon} LIMIT ${BBOX_PROBE})`,
      )
      .pluck()
      .get(south, north, west, east) as number;
    if (inBox < BBOX_PROBE) return 'events_lat';
  }
  if (filter.type && CATEGORIES.has(filter.type)) return 'events_category_date';
  if (filter.type && SUB_EVENT_TYPES.has(filter.type)) return 'events_type_date';
  return 'events_date_desc';
}

/** Events matching the filter, with the names of the entities they point at. */
export function listEvents(db: Database.Database, filter: EventFilter): StoredEvent[] {
  const { sql, params } = eventQuery(db, filter);
  const rows = db.prepare(sql).all(...params) as Row[];
  const docIds = [...new Set(rows.map((r) => String(r.doc_id)))];
  const names = new Map<string, string>();
  for (const r of db
    .prepare(
      `SELECT doc_id, local_id, name FROM doc_entities WHERE doc_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(docIds)) as Row[])
    names.set(`${String(r.doc_id)}\u0000${String(r.local_id)}`, String(r.name));
  return rows.map((r) => toStoredEvent(r, names));
}

function toStoredEvent(r: Row, names: ReadonlyMap<string, string>): StoredEvent {
  const docId = String(r.doc_id);
  const event = JSON.parse(String(r.record)) as Event;
  const nameOf = (id: string): string => names.get(`${docId}\u0000${id}`) ?? id;
  return {
    docId,
    event,
    locationName: event.location ? (names.get(`${docId}\u0000${event.location}`) ?? null) : null,
    countryCode: (r.country_code as string | null) ?? null,
    perpetratorNames: event.perpetrators.map(nameOf),
    targetNames: event.targets.map(nameOf),
    claimedByNames: event.claimedBy.map(nameOf),
    evidenceText: String(r.evidence_text),
    point:
      typeof r.lat === 'number' && typeof r.lon === 'number'
        ? { lat: r.lat, lon: r.lon, featureClass: (r.feature_class as EventPoint['featureClass']) ?? null }
        : null,
  };
}

/** Events per ISO week (the Monday that starts it) and category; undated events are left out. */
export function eventHistogram(db: Database.Database, filter: EventFilter): WeekCount[] {
  const { where, params } = eventWhere(filter);
  const dated = where ? `${where} AND e.date_start IS NOT NULL` : 'WHERE e.date_start IS NOT NULL';
  // date(d, '-6 days', 'weekday 1') is the Monday on or before d.
  const rows = db
    .prepare(
      `SELECT date(e.date_start, '-6 days', 'weekday 1') AS week, e.category AS category, count(*) AS n
       FROM events e ${dated} GROUP BY week, e.category ORDER BY week, e.category`,
    )
    .all(...params) as { week: string; category: string; n: number }[];
  return rows.map((r) => ({ week: r.week, category: r.category as EventCategory, count: r.n }));
}
