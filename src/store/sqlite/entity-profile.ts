/** An entity's profile across documents: relations, claims with grades, timeline and linked places. */
import type Database from 'better-sqlite3';
import type { Claim, EntityType, Event, Extraction, Geo, Modality } from '../../core/index.js';
import type {
  EntityClaim,
  EntityProfile,
  EntityRelation,
  EntitySummary,
  LinkedPlace,
  TimelineEntry,
} from '../types.js';

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

function relationsOf(db: Database.Database, key: string, limit: number): EntityRelation[] {
  // Both directions from relation_keys' indexes; names come from the other entity's statistics.
  const rows = db
    .prepare(
      `SELECT g.type, g.dir, g.other_key, s.name AS other_name, s.type AS other_type, g.n, g.modalities
       FROM (SELECT type, 'out' AS dir, object_key AS other_key, count(*) AS n,
                    json_group_array(DISTINCT modality) AS modalities
             FROM relation_keys INDEXED BY relation_keys_subject WHERE subject_key = @key AND object_key <> @key
             GROUP BY type, object_key
             UNION ALL
             SELECT type, 'in', subject_key, count(*), json_group_array(DISTINCT modality)
             FROM relation_keys INDEXED BY relation_keys_object WHERE object_key = @key AND subject_key <> @key
             GROUP BY type, subject_key) g
       JOIN entity_stats s ON s.entity_key = g.other_key
       ORDER BY g.n DESC, s.name LIMIT @limit`,
    )
    .all({ key, limit }) as Row[];
  const outDocs = db.prepare(
    'SELECT DISTINCT doc_id FROM relation_keys WHERE subject_key = ? AND type = ? AND object_key = ? LIMIT 20',
  );
  const inDocs = db.prepare(
    'SELECT DISTINCT doc_id FROM relation_keys WHERE object_key = ? AND type = ? AND subject_key = ? LIMIT 20',
  );
  return rows.map((r) => ({
    type: String(r.type),
    direction: r.dir === 'out' ? 'out' : 'in',
    other: { key: String(r.other_key), name: String(r.other_name), type: r.other_type as EntityType },
    count: Number(r.n),
    modalities: JSON.parse(String(r.modalities)) as Modality[],
    docIds: (r.dir === 'out' ? outDocs : inDocs).pluck().all(key, r.type, r.other_key) as string[],
  }));
}

function timelineOf(db: Database.Database, key: string, limit: number): TimelineEntry[] {
  const rows = db
    .prepare(
      `SELECT k.doc_id, k.event_id, k.role, e.record, l.name AS location_name
       FROM event_entities k INDEXED BY event_entities_date
       JOIN events e ON e.doc_id = k.doc_id AND e.local_id = k.event_id
       LEFT JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id
       WHERE k.entity_key = ? ORDER BY k.date_start DESC LIMIT ?`,
    )
    .all(key, limit) as Row[];
  const entries = rows.map((r): TimelineEntry => {
    const ev = JSON.parse(String(r.record)) as Event;
    return {
      docId: String(r.doc_id),
      eventId: String(r.event_id),
      role: r.role as TimelineEntry['role'],
      date: { start: ev.date.start, end: ev.date.end, precision: ev.date.precision },
      category: ev.category,
      type: ev.type,
      locationName: (r.location_name as string | null) ?? null,
      fatalities: ev.fatalities?.min ?? null,
      modality: ev.modality,
    };
  });
  // Newest `limit` events were taken; an analyst reads a timeline oldest first.
  return entries.reverse();
}

function placesOf(db: Database.Database, key: string, limit: number): LinkedPlace[] {
  const located = db.prepare(
    `SELECT s.name, s.type, (SELECT geo FROM doc_entities INDEXED BY doc_entities_geo
       WHERE entity_key = s.entity_key AND geo IS NOT NULL LIMIT 1) AS geo
     FROM entity_stats s WHERE s.entity_key = ?`,
  );
  const places: LinkedPlace[] = [];
  const push = (placeKey: string, link: string, count: number): void => {
    const r = located.get(placeKey) as Row | undefined;
    if (r && typeof r.geo === 'string')
      places.push(place(placeKey, r, JSON.parse(r.geo) as Geo, link, count));
  };
  push(key, 'self', 1);
  const fromEvents = db
    .prepare(
      `SELECT location_key AS key, count(*) AS n FROM event_entities INDEXED BY event_entities_place
       WHERE entity_key = ? AND location_key IS NOT NULL AND role <> 'location'
       GROUP BY location_key ORDER BY n DESC LIMIT ?`,
    )
    .all(key, limit) as Row[];
  const fromRelations = db
    .prepare(
      `SELECT type AS link, object_key AS key, count(*) AS n FROM relation_keys INDEXED BY relation_keys_subject
       WHERE subject_key = ? AND type IN ('located_in', 'operates_in')
       GROUP BY type, object_key ORDER BY n DESC LIMIT ?`,
    )
    .all(key, limit) as Row[];
  for (const r of fromEvents) push(String(r.key), 'event', Number(r.n));
  for (const r of fromRelations) push(String(r.key), String(r.link), Number(r.n));
  return places;
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
  const ids = db
    .prepare(
      `SELECT DISTINCT doc_id, doc_date FROM doc_entities INDEXED BY doc_entities_recent
       WHERE entity_key = ? ORDER BY doc_date DESC, doc_id LIMIT ?`,
    )
    .pluck()
    .all(key, CLAIM_DOCUMENTS) as string[];
  const rows = db
    .prepare(
      `SELECT doc.id, doc.title, doc.published, doc.text, doc.extraction,
         (SELECT json_group_array(local_id) FROM doc_entities m WHERE m.doc_id = doc.id AND m.entity_key = ?) AS local_ids
       FROM documents doc WHERE doc.id IN (SELECT value FROM json_each(?))`,
    )
    .all(key, JSON.stringify(ids)) as DocRow[];
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
