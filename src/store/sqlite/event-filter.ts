/** The WHERE clause shared by event listings, maps and the weekly histogram. */
import type Database from 'better-sqlite3';
import { nameKey } from '../../core/index.js';
import type { EventCategory } from '../../core/index.js';
import type { EventFilter, WeekCount } from '../types.js';

/** SQL conditions (on `events e`) and their parameters for an event filter; all combined with AND. */
export function eventWhere(filter: EventFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.type) add('(e.category = ? OR e.type = ?)', filter.type, filter.type);
  if (filter.since) add('coalesce(e.date_end, e.date_start) >= ?', filter.since);
  if (filter.until) add('e.date_start <= ?', filter.until);
  // Row-value IN over a subquery: SQLite builds the (small) set of matching events once instead of
  // probing the roles of every event in date order.
  if (filter.actor) {
    add(
      `(e.doc_id, e.local_id) IN (SELECT r.doc_id, r.event_id FROM entity_names n
        JOIN event_roles r ON r.doc_id = n.doc_id AND r.local_id = n.local_id
        WHERE n.name_key = ? AND r.role <> 'location')`,
      nameKey(filter.actor),
    );
  }
  if (filter.entity) {
    add(
      `(e.doc_id, e.local_id) IN (SELECT r.doc_id, r.event_id FROM doc_entities d
        JOIN event_roles r ON r.doc_id = d.doc_id AND r.local_id = d.local_id WHERE d.entity_key = ?)`,
      filter.entity,
    );
  }
  if (filter.place) {
    const key = nameKey(filter.place);
    add(
      `(e.admin1 = ? OR e.admin2 = ? OR e.country_code = ? OR EXISTS (SELECT 1 FROM entity_names n
        WHERE n.doc_id = e.doc_id AND n.local_id = e.location_id AND n.name_key = ?))`,
      key,
      key,
      filter.place.toUpperCase(),
      key,
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
