/** Cross-document views: the relation graph between entities, and contradicting event reports. */
import type Database from 'better-sqlite3';
import type { EntityType, EventCategory, Modality } from '../../core/index.js';
import type { Contradiction, GraphOptions, RelationGraph } from '../types.js';

type Row = Record<string, unknown>;

/** Relations aggregated by (subject key, object key, type); relations whose object is an event are left out. */
export function relationGraph(db: Database.Database, options: GraphOptions): RelationGraph {
  const where: string[] = ['s.entity_key <> o.entity_key'];
  const params: unknown[] = [];
  if (options.entity) {
    where.push('(s.entity_key = ? OR o.entity_key = ?)');
    params.push(options.entity, options.entity);
  }
  if (options.type) {
    where.push('r.type = ?');
    params.push(options.type);
  }
  const edges = (
    db
      .prepare(
        `SELECT s.entity_key AS source, o.entity_key AS target, r.type, count(*) AS n,
                json_group_array(DISTINCT r.modality) AS modalities
         FROM relations r
         JOIN doc_entities s ON s.doc_id = r.doc_id AND s.local_id = r.subject_id
         JOIN doc_entities o ON o.doc_id = r.doc_id AND o.local_id = r.object_id
         WHERE ${where.join(' AND ')}
         GROUP BY s.entity_key, o.entity_key, r.type ORDER BY n DESC LIMIT ?`,
      )
      .all(...params, options.limit ?? 300) as Row[]
  ).map((r) => ({
    source: String(r.source),
    target: String(r.target),
    type: String(r.type),
    count: Number(r.n),
    modalities: JSON.parse(String(r.modalities)) as Modality[],
  }));
  const keys = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const nodes = (
    db
      .prepare(
        `SELECT entity_key AS key, max(name) AS name, max(type) AS type, count(DISTINCT doc_id) AS documents
         FROM doc_entities WHERE entity_key IN (SELECT value FROM json_each(?)) GROUP BY entity_key`,
      )
      .all(JSON.stringify(keys)) as Row[]
  ).map((r) => ({
    key: String(r.key),
    name: String(r.name),
    type: r.type as EntityType,
    documents: Number(r.documents),
  }));
  return { nodes, edges };
}

/**
 * Events of one category on one day at one place (by entity key) whose documents give different
 * fatality counts. A first, narrow notion of contradiction; the grading stage may add others.
 */
export function contradictions(db: Database.Database, limit: number): Contradiction[] {
  const rows = db
    .prepare(
      `SELECT e.category, e.date_start, l.entity_key AS place_key, max(l.name) AS place_name, max(l.type) AS place_type,
              json_group_array(json_object('docId', e.doc_id, 'eventId', e.local_id, 'fatalities', e.fatalities_min)) AS reports
       FROM events e JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id
       WHERE e.fatalities_min IS NOT NULL AND e.date_start IS NOT NULL AND e.date_precision = 'day'
       GROUP BY e.category, e.date_start, l.entity_key
       HAVING count(DISTINCT e.fatalities_min) > 1 AND count(DISTINCT e.doc_id) > 1
       ORDER BY e.date_start DESC LIMIT ?`,
    )
    .all(limit) as Row[];
  return rows.map((r) => ({
    kind: 'fatalities',
    category: r.category as EventCategory,
    date: String(r.date_start),
    place: { key: String(r.place_key), name: String(r.place_name), type: r.place_type as EntityType },
    reports: JSON.parse(String(r.reports)) as Contradiction['reports'],
  }));
}
