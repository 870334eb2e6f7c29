/** An entity's profile across documents: relations, claims with grades, timeline and linked places. */
import type Database from 'better-sqlite3';
import type { Claim, EntityType, EventCategory, Extraction, Geo, Modality } from '../../core/index.js';
import type {
  EntityClaim,
  EntityProfile,
  EntityRelation,
  EntitySummary,
  LinkedPlace,
  TimelineEntry,
} from '../types.js';
import { cachedStatement } from './statement-cache.js';

/** Relation types that say whom an entity belongs to or sides with. */
const AFFILIATION_TYPES = new Set(['member_of', 'branch_of', 'part_of', 'leader_of', 'supports', 'opposes']);

/** How many of the entity's most recent documents are read for claims (their extraction JSON is parsed). */
const CLAIM_DOCUMENTS = 30;

type Row = Record<string, unknown>;

/** Builds the profile of the entity `summary` describes; `limit` caps each list. */
export function entityProfile(db: Database.Database, summary: EntitySummary, limit: number): EntityProfile {
  const relations = relationsOf(db, summary.key, limit);
  const docs = recentDocuments(db, summary.key);
  return {
    ...summary,
    affiliations: relations.filter((r) => AFFILIATION_TYPES.has(r.type)),
    relations,
    claims: claimsOf(db, docs, limit),
    timeline: timelineOf(db, summary.key, limit),
    places: placesOf(db, summary.key, limit),
    recentDocuments: docs.slice(0, 10).map(({ id, title, published }) => ({ id, title, published })),
  };
}

/**
 * Version 7 of the schema: relations between two different entities counted per (entity, direction,
 * type, other entity), so a profile reads its most frequent relations from the top of an index
 * instead of grouping every relation row of a much-reported entity (thousands for a large group).
 * Triggers on relation_keys keep the counts exact through saves, re-ingestion, deletions and
 * corrections (which move relation_keys rows between keys); other_name follows the other entity's
 * displayed name and only orders ties, as the name did in the grouped query.
 */
export const ENTITY_LINKS_SQL = `
  CREATE TABLE entity_links (
    entity_key TEXT NOT NULL,
    dir TEXT NOT NULL,
    type TEXT NOT NULL,
    other_key TEXT NOT NULL,
    other_name TEXT,
    n INTEGER NOT NULL,
    PRIMARY KEY (entity_key, dir, type, other_key)
  ) WITHOUT ROWID;
  INSERT INTO entity_links (entity_key, dir, type, other_key, n)
    SELECT subject_key, 'out', type, object_key, count(*) FROM relation_keys
    WHERE subject_key <> object_key GROUP BY subject_key, type, object_key;
  INSERT INTO entity_links (entity_key, dir, type, other_key, n)
    SELECT object_key, 'in', type, subject_key, count(*) FROM relation_keys
    WHERE subject_key <> object_key GROUP BY object_key, type, subject_key;
  UPDATE entity_links SET other_name = (SELECT name FROM entity_stats WHERE entity_key = other_key);
  CREATE INDEX entity_links_rank ON entity_links(entity_key, n DESC, other_name);
  CREATE INDEX entity_links_other ON entity_links(other_key);

  CREATE TRIGGER relation_keys_links_ai AFTER INSERT ON relation_keys
  WHEN NEW.subject_key <> NEW.object_key BEGIN
    ${addLink('NEW')}
  END;
  CREATE TRIGGER relation_keys_links_ad AFTER DELETE ON relation_keys
  WHEN OLD.subject_key <> OLD.object_key BEGIN
    ${removeLink('OLD')}
  END;
  CREATE TRIGGER relation_keys_links_au AFTER UPDATE OF type, subject_key, object_key ON relation_keys
  WHEN OLD.type IS NOT NEW.type OR OLD.subject_key IS NOT NEW.subject_key OR OLD.object_key IS NOT NEW.object_key
  BEGIN
    ${removeLink('OLD', 'AND OLD.subject_key <> OLD.object_key')}
    ${addLink('NEW', 'WHERE NEW.subject_key <> NEW.object_key')}
  END;
  CREATE TRIGGER entity_stats_links_name AFTER UPDATE OF name ON entity_stats
  WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE entity_links SET other_name = NEW.name WHERE other_key = NEW.entity_key;
  END;
`;

/** Counts relation_keys row `r` in both ends' links (`where` may make that conditional). */
function addLink(r: 'NEW' | 'OLD', where = 'WHERE true'): string {
  const one = (from: string, dir: string, to: string): string => `
    INSERT INTO entity_links (entity_key, dir, type, other_key, other_name, n)
      SELECT ${r}.${from}, '${dir}', ${r}.type, ${r}.${to},
        (SELECT name FROM entity_stats WHERE entity_key = ${r}.${to}), 1 ${where}
      ON CONFLICT (entity_key, dir, type, other_key) DO UPDATE SET n = n + 1;`;
  return one('subject_key', 'out', 'object_key') + one('object_key', 'in', 'subject_key');
}

/** Takes relation_keys row `r` out of both ends' links (`and` may make that conditional). */
function removeLink(r: 'NEW' | 'OLD', and = ''): string {
  const one = (from: string, dir: string, to: string): string => `
    UPDATE entity_links SET n = n - 1
      WHERE entity_key = ${r}.${from} AND dir = '${dir}' AND type = ${r}.type AND other_key = ${r}.${to} ${and};
    DELETE FROM entity_links
      WHERE entity_key = ${r}.${from} AND dir = '${dir}' AND type = ${r}.type AND other_key = ${r}.${to} AND n <= 0;`;
  return one('subject_key', 'out', 'object_key') + one('object_key', 'in', 'subject_key');
}

function relationsOf(db: Database.Database, key: string, limit: number): EntityRelation[] {
  // The most frequent links from the top of entity_links_rank; each shown link's modalities and
  // first 20 documents from relation_keys' index (a handful of rows per pair), names and types from
  // the other's statistics: one statement.
  const rows = cachedStatement(
    db,
    `SELECT l.type, l.dir, l.other_key, s.name AS other_name, s.type AS other_type, l.n,
         CASE l.dir
           WHEN 'out' THEN (SELECT json_group_array(DISTINCT modality) FROM relation_keys INDEXED BY relation_keys_subject
             WHERE subject_key = l.entity_key AND type = l.type AND object_key = l.other_key)
           ELSE (SELECT json_group_array(DISTINCT modality) FROM relation_keys INDEXED BY relation_keys_object
             WHERE object_key = l.entity_key AND type = l.type AND subject_key = l.other_key)
         END AS modalities,
         CASE l.dir
           WHEN 'out' THEN (SELECT json_group_array(doc_id) FROM (SELECT DISTINCT doc_id FROM relation_keys
             WHERE subject_key = l.entity_key AND type = l.type AND object_key = l.other_key LIMIT 20))
           ELSE (SELECT json_group_array(doc_id) FROM (SELECT DISTINCT doc_id FROM relation_keys
             WHERE object_key = l.entity_key AND type = l.type AND subject_key = l.other_key LIMIT 20))
         END AS doc_ids
       FROM entity_links l INDEXED BY entity_links_rank
       JOIN entity_stats s ON s.entity_key = l.other_key
       WHERE l.entity_key = @key
       ORDER BY l.n DESC, l.other_name LIMIT @limit`,
  ).all({ key, limit }) as Row[];
  return rows.map((r) => ({
    type: String(r.type),
    direction: r.dir === 'out' ? 'out' : 'in',
    other: { key: String(r.other_key), name: String(r.other_name), type: r.other_type as EntityType },
    count: Number(r.n),
    modalities: JSON.parse(String(r.modalities)) as Modality[],
    docIds: JSON.parse(String(r.doc_ids)) as string[],
  }));
}

function timelineOf(db: Database.Database, key: string, limit: number): TimelineEntry[] {
  // Date, type, figures and modality from the event's columns (every write and correction keeps
  // them equal to its record) and the location's name from event_labels: no record is parsed.
  const rows = cachedStatement(
    db,
    `SELECT k.doc_id, k.event_id, k.role, e.date_start, e.date_end, e.date_precision, e.category, e.type,
       e.fatalities_min, e.modality, lb.location_name
     FROM event_entities k INDEXED BY event_entities_date
     JOIN events e ON e.doc_id = k.doc_id AND e.local_id = k.event_id
     LEFT JOIN event_labels lb ON lb.doc_id = e.doc_id AND lb.event_id = e.local_id
     WHERE k.entity_key = ? ORDER BY k.date_start DESC LIMIT ?`,
  ).all(key, limit) as Row[];
  const entries = rows.map((r): TimelineEntry => ({
    docId: String(r.doc_id),
    eventId: String(r.event_id),
    role: r.role as TimelineEntry['role'],
    date: {
      start: (r.date_start as string | null) ?? null,
      end: (r.date_end as string | null) ?? null,
      precision: r.date_precision as TimelineEntry['date']['precision'],
    },
    category: r.category as EventCategory,
    type: String(r.type) as TimelineEntry['type'],
    locationName: (r.location_name as string | null) ?? null,
    fatalities: (r.fatalities_min as number | null) ?? null,
    modality: r.modality as Modality,
  }));
  // Newest `limit` events were taken; an analyst reads a timeline oldest first.
  return entries.reverse();
}

function placesOf(db: Database.Database, key: string, limit: number): LinkedPlace[] {
  const fromEvents = cachedStatement(
    db,
    `SELECT location_key AS key, count(*) AS n FROM event_entities INDEXED BY event_entities_place
     WHERE entity_key = ? AND location_key IS NOT NULL AND role <> 'location'
     GROUP BY location_key ORDER BY n DESC LIMIT ?`,
  ).all(key, limit) as Row[];
  const fromRelations = cachedStatement(
    db,
    `SELECT type AS link, other_key AS key, n FROM entity_links
     WHERE entity_key = ? AND dir = 'out' AND type IN ('located_in', 'operates_in')
     ORDER BY n DESC LIMIT ?`,
  ).all(key, limit) as Row[];
  const links: [string, string, number][] = [
    [key, 'self', 1],
    ...fromEvents.map((r): [string, string, number] => [String(r.key), 'event', Number(r.n)]),
    ...fromRelations.map((r): [string, string, number] => [String(r.key), String(r.link), Number(r.n)]),
  ];
  // Every linked key's name, type and coordinates in one statement; a place linked both by events
  // and by relations is looked up (and its geo parsed) once.
  const located = new Map<string, { row: Row; geo: Geo }>();
  for (const r of cachedStatement(
    db,
    `SELECT s.entity_key, s.name, s.type, (SELECT geo FROM doc_entities INDEXED BY doc_entities_geo
       WHERE entity_key = s.entity_key AND geo IS NOT NULL LIMIT 1) AS geo
     FROM entity_stats s WHERE s.entity_key IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(links.map(([k]) => k))])) as Row[]) {
    if (typeof r.geo === 'string')
      located.set(String(r.entity_key), { row: r, geo: JSON.parse(r.geo) as Geo });
  }
  return links.flatMap(([placeKey, link, count]) => {
    const found = located.get(placeKey);
    return found ? [place(placeKey, found.row, found.geo, link, count)] : [];
  });
}

function place(key: string, row: Row, geo: Geo, link: string, count: number): LinkedPlace {
  return {
    key,
    name: String(row.name),
    type: row.type as EntityType,
    lat: geo.lat,
    lon: geo.lon,
    featureClass: geo.featureClass,
    link,
    count,
  };
}

interface DocRow {
  id: string;
  title: string | null;
  published: string | null;
  text: string;
  extraction: string;
  local_ids: string;
}

/** The entity's newest documents (by published date, else ingestion day), from doc_entities_recent. */
function recentDocuments(db: Database.Database, key: string): DocRow[] {
  const ids = cachedStatement(
    db,
    `SELECT DISTINCT doc_id, doc_date FROM doc_entities INDEXED BY doc_entities_recent
     WHERE entity_key = ? ORDER BY doc_date DESC, doc_id LIMIT ?`,
    'pluck',
  ).all(key, CLAIM_DOCUMENTS) as string[];
  const rows = cachedStatement(
    db,
    `SELECT doc.id, doc.title, doc.published, doc.text, doc.extraction,
       (SELECT json_group_array(local_id) FROM doc_entities m WHERE m.doc_id = doc.id AND m.entity_key = ?) AS local_ids
     FROM documents doc WHERE doc.id IN (SELECT value FROM json_each(?))`,
  ).all(key, JSON.stringify(ids)) as DocRow[];
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Claims about the entity, or about an event or relation it takes part in, with their sources and grades. */
function claimsOf(db: Database.Database, docs: readonly DocRow[], limit: number): EntityClaim[] {
  const claims: EntityClaim[] = [];
  for (const doc of docs) {
    const extraction = JSON.parse(doc.extraction) as Extraction;
    const about = idsAbout(extraction, new Set(JSON.parse(doc.local_ids) as string[]));
    const sources = new Map(extraction.sources.map((s) => [s.id, s]));
    for (const claim of extraction.claims) {
      if (!claim.about.some((id) => about.has(id))) continue;
      claims.push(toEntityClaim(doc, claim, claim.source ? (sources.get(claim.source) ?? null) : null));
      if (claims.length >= limit) return claims;
    }
  }
  return claims;
}

/** The entity's local ids plus the events and relations it takes part in. */
function idsAbout(extraction: Extraction, local: ReadonlySet<string>): Set<string> {
  const ids = new Set(local);
  for (const ev of extraction.events) {
    const parts = [...ev.perpetrators, ...ev.targets, ...ev.claimedBy, ev.location ?? ''];
    if (parts.some((p) => local.has(p))) ids.add(ev.id);
  }
  for (const r of extraction.relations) if (local.has(r.subject) || local.has(r.object)) ids.add(r.id);
  return ids;
}

function toEntityClaim(doc: DocRow, claim: Claim, source: Extraction['sources'][number] | null): EntityClaim {
  return {
    docId: doc.id,
    docTitle: doc.title,
    published: doc.published,
    claimId: claim.id,
    text: doc.text.slice(claim.evidence.start, claim.evidence.end),
    modality: claim.modality,
    credibility: claim.credibility,
    source: source ? { text: source.text, kind: source.kind, reliability: source.reliability } : null,
    grade: `${source?.reliability ?? '?'}${claim.credibility}`,
  };
}
