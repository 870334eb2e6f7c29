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
  const rows = db
    .prepare(
      `SELECT r.type, CASE WHEN d.local_id = r.subject_id THEN 'out' ELSE 'in' END AS dir,
              o.entity_key AS other_key, max(o.name) AS other_name, max(o.type) AS other_type, count(*) AS n,
              json_group_array(DISTINCT r.modality) AS modalities, json_group_array(DISTINCT r.doc_id) AS docs
       FROM doc_entities d
       JOIN relations r ON r.doc_id = d.doc_id AND (r.subject_id = d.local_id OR r.object_id = d.local_id)
       JOIN doc_entities o ON o.doc_id = r.doc_id
         AND o.local_id = CASE WHEN d.local_id = r.subject_id THEN r.object_id ELSE r.subject_id END
       WHERE d.entity_key = ? AND o.entity_key <> d.entity_key
       GROUP BY r.type, dir, o.entity_key ORDER BY n DESC, other_name LIMIT ?`,
    )
    .all(key, limit) as Row[];
  return rows.map((r) => ({
    type: String(r.type),
    direction: r.dir === 'out' ? 'out' : 'in',
    other: { key: String(r.other_key), name: String(r.other_name), type: r.other_type as EntityType },
    count: Number(r.n),
    modalities: JSON.parse(String(r.modalities)) as Modality[],
    docIds: (JSON.parse(String(r.docs)) as string[]).slice(0, 20),
  }));
}

function timelineOf(db: Database.Database, key: string, limit: number): TimelineEntry[] {
  const rows = db
    .prepare(
      `SELECT r.doc_id, r.event_id, r.role, e.record, l.name AS location_name
       FROM doc_entities d
       JOIN event_roles r ON r.doc_id = d.doc_id AND r.local_id = d.local_id
       JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id
       LEFT JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id
       WHERE d.entity_key = ? ORDER BY e.date_start IS NULL, e.date_start DESC LIMIT ?`,
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
  const self = db
    .prepare('SELECT name, type, geo FROM doc_entities WHERE entity_key = ? AND geo IS NOT NULL LIMIT 1')
    .get(key) as Row | undefined;
  const places: LinkedPlace[] = [];
  if (self) places.push(place(key, self, JSON.parse(String(self.geo)) as Geo, 'self', 1));
  const fromEvents = db
    .prepare(
      `SELECT l.entity_key AS key, max(l.name) AS name, max(l.type) AS type, max(l.geo) AS geo, count(*) AS n
       FROM doc_entities d
       JOIN event_roles r ON r.doc_id = d.doc_id AND r.local_id = d.local_id AND r.role <> 'location'
       JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id
       JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id
       WHERE d.entity_key = ? AND l.geo IS NOT NULL GROUP BY l.entity_key ORDER BY n DESC LIMIT ?`,
    )
    .all(key, limit) as Row[];
  const fromRelations = db
    .prepare(
      `SELECT r.type AS link, o.entity_key AS key, max(o.name) AS name, max(o.type) AS type, max(o.geo) AS geo, count(*) AS n
       FROM doc_entities d
       JOIN relations r ON r.doc_id = d.doc_id AND r.subject_id = d.local_id AND r.type IN ('located_in', 'operates_in')
       JOIN doc_entities o ON o.doc_id = r.doc_id AND o.local_id = r.object_id
       WHERE d.entity_key = ? AND o.geo IS NOT NULL GROUP BY r.type, o.entity_key ORDER BY n DESC LIMIT ?`,
    )
    .all(key, limit) as Row[];
  for (const r of fromEvents)
    places.push(place(String(r.key), r, JSON.parse(String(r.geo)) as Geo, 'event', Number(r.n)));
  for (const r of fromRelations)
    places.push(place(String(r.key), r, JSON.parse(String(r.geo)) as Geo, String(r.link), Number(r.n)));
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

function recentDocuments(db: Database.Database, key: string): DocRow[] {
  return db
    .prepare(
      `SELECT doc.id, doc.title, doc.published, doc.text, doc.extraction, m.local_ids
       FROM (SELECT doc_id, json_group_array(local_id) AS local_ids FROM doc_entities WHERE entity_key = ? GROUP BY doc_id) m
       JOIN documents doc ON doc.id = m.doc_id
       ORDER BY coalesce(doc.published, substr(doc.ingested_at, 1, 10)) DESC LIMIT ?`,
    )
    .all(key, CLAIM_DOCUMENTS) as DocRow[];
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
