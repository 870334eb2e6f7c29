/**
 * Cross-document identity of names the knowledge base does not know. Two documents naming an
 * unknown "Ahmed Khan" (person) share the pipeline's key, derived from normalised name and type;
 * whether they are one man depends on what else the documents talk about. Each such key is split
 * into clusters by co-occurring context — the KB actors, other unknown names and the countries and
 * provinces of the places in the same document — and every decision is recorded with its reason.
 *
 * The rule is conservative in the direction analysts can repair: a document joins the cluster it
 * shares the most context with; it founds a new cluster only when both it and every existing
 * cluster have places, none of the document's places lies near one of the cluster's (a few hundred
 * km: a commander who crosses from Khost to North Waziristan is still the same man), and nothing
 * else is shared. Wrong decisions are undone with `sitrep entity merge` / `split`, which act on the keys
 * written here (and are re-applied when a document is re-ingested).
 *
 * Cost per unknown entity: a few index lookups bounded by the number of clusters of one name and
 * the (capped) context of one document — never a scan of the documents naming it.
 */
import type Database from 'better-sqlite3';
import { nameKey, stableId } from '../../core/index.js';
import type { Entity } from '../../core/index.js';
import type { EntityClusterDecision } from '../types.js';

export const ENTITY_CLUSTER_TABLES_SQL = `
  -- One row per cluster of an unknown name: the first keeps the pipeline's key.
  CREATE TABLE entity_clusters (
    cluster_key TEXT PRIMARY KEY,
    base_key TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    founded_by TEXT NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entity_clusters_base ON entity_clusters(base_key);
  -- How often each context feature occurs in a cluster's documents ("kb:actor:ttp", "cc:PK",
  -- "cell:16:34" for a place in a 2° grid cell, ...).
  CREATE TABLE entity_cluster_features (
    cluster_key TEXT NOT NULL,
    feature TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (cluster_key, feature)
  ) WITHOUT ROWID;
  -- Which cluster each document's entity joined and why. Kept across re-ingestion of the document,
  -- so a re-ingested document keeps its cluster.
  CREATE TABLE entity_cluster_members (
    doc_id TEXT NOT NULL,
    base_key TEXT NOT NULL,
    cluster_key TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    shared TEXT NOT NULL,
    features TEXT NOT NULL,
    UNIQUE (doc_id, base_key)
  );
  CREATE INDEX entity_cluster_members_cluster ON entity_cluster_members(cluster_key);
`;

/** Entity types whose unknown names are clustered; places have coordinates to tell them apart. */
const CLUSTERED_TYPES: ReadonlySet<string> = new Set(['person', 'group', 'organization']);

/** Weight of a shared feature by kind: actors and names say more than a whole country does. */
const WEIGHTS: Readonly<Record<string, number>> = { kb: 2, name: 2, a1: 1, cc: 0.5, cell: 0 };
/** Grid cells of places, in degrees; "near" is within NEAR_CELLS cells (about 450–650 km at these sizes). */
const CELL_DEGREES = 2;
const NEAR_CELLS = 2;
/** Shared weight at or above which a document joins a cluster without further checks. */
const JOIN_AT = 1;
/** At most this many features of each kind per document, so a long article costs no more than a short one. */
const CAP_PER_KIND = 8;

/** A stored cluster of the name, seen from the document being decided. */
interface Cluster {
  readonly cluster_key: string;
  readonly documents: number;
  /** The document's context features the cluster also has. */
  readonly shared: readonly string[];
  /** Whether any document of the cluster had places. */
  readonly hasPlaces: boolean;
  /** Whether one of its places lies in a grid cell near one of the document's. */
  readonly near: boolean;
}

interface ClusterQueryRow {
  cluster_key: string;
  documents: number;
  shared: string;
  has_places: number;
  near: number;
}

function toCluster(r: ClusterQueryRow): Cluster {
  return {
    cluster_key: r.cluster_key,
    documents: r.documents,
    shared: JSON.parse(r.shared) as string[],
    hasPlaces: r.has_places === 1,
    near: r.near === 1,
  };
}

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepareStatements>>();

/** Statements prepared once per connection: clustering runs for every unknown name of every document. */
function statementsFor(db: Database.Database): ReturnType<typeof prepareStatements> {
  let st = statementCache.get(db);
  if (!st) {
    st = prepareStatements(db);
    statementCache.set(db, st);
  }
  return st;
}

function prepareStatements(db: Database.Database) {
  return {
    // Every cluster of the name with what the rule needs, in one statement: shared features,
    // whether it has places, whether one is near ours. Most documents first, then oldest.
    clusters: db.prepare(
      `SELECT c.cluster_key, c.documents,
         (SELECT json_group_array(f.feature) FROM entity_cluster_features f
           WHERE f.cluster_key = c.cluster_key AND f.feature IN (SELECT value FROM json_each(@features))) AS shared,
         EXISTS (SELECT 1 FROM entity_cluster_features f
           WHERE f.cluster_key = c.cluster_key AND f.feature >= 'cell:' AND f.feature < 'cell;') AS has_places,
         EXISTS (SELECT 1 FROM entity_cluster_features f
           WHERE f.cluster_key = c.cluster_key AND f.feature IN (SELECT value FROM json_each(@near))) AS near
       FROM entity_clusters c WHERE c.base_key = @base ORDER BY c.documents DESC, c.rowid`,
    ),
    found: db.prepare(
      'INSERT INTO entity_clusters (cluster_key, base_key, type, name, founded_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    member: db.prepare(
      `INSERT INTO entity_cluster_members (doc_id, base_key, cluster_key, decided_at, reason, shared, features)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    count: db.prepare('UPDATE entity_clusters SET documents = documents + 1 WHERE cluster_key = ?'),
    addFeatures: db.prepare(
      `INSERT INTO entity_cluster_features (cluster_key, feature, n)
         SELECT ?, value, 1 FROM json_each(?) WHERE true
       ON CONFLICT (cluster_key, feature) DO UPDATE SET n = n + 1`,
    ),
  };
}

/** The context a document gives every unknown name in it. */
export function documentContext(entities: readonly Entity[]): Map<string, string[]> {
  const byEntity = new Map<string, string[]>();
  const kinds: Record<string, Set<string>> = {
    kb: new Set(),
    name: new Set(),
    cc: new Set(),
    a1: new Set(),
    cell: new Set(),
  };
  for (const e of entities) {
    if (e.kbId) kinds.kb!.add(`kb:${e.kbId}`);
    else if (CLUSTERED_TYPES.has(e.type)) kinds.name!.add(`name:${e.type}:${nameKey(e.name)}`);
    const geo = e.geo;
    if (geo?.countryCode) {
      kinds.cc!.add(`cc:${geo.countryCode}`);
      if (geo.admin1) kinds.a1!.add(`a1:${geo.countryCode}.${nameKey(geo.admin1)}`);
    }
    if (geo && Number.isFinite(geo.lat) && Number.isFinite(geo.lon))
      kinds.cell!.add(`cell:${Math.floor(geo.lat / CELL_DEGREES)}:${Math.floor(geo.lon / CELL_DEGREES)}`);
  }
  const capped = Object.values(kinds).flatMap((s) => [...s].sort().slice(0, CAP_PER_KIND));
  for (const e of entities) {
    if (e.kbId || !CLUSTERED_TYPES.has(e.type)) continue;
    const own = `name:${e.type}:${nameKey(e.name)}`;
    byEntity.set(
      e.id,
      capped.filter((f) => f !== own),
    );
  }
  return byEntity;
}

function kindOf(feature: string): string {
  return feature.slice(0, feature.indexOf(':'));
}

/** The grid cells near a document's own cells (longitude wraps at the antimeridian). */
export function nearCells(features: readonly string[]): string[] {
  const out = new Set<string>();
  const wrap = 360 / CELL_DEGREES;
  for (const f of features) {
    if (!f.startsWith('cell:')) continue;
    const [, a, b] = f.split(':');
    const lat = Number(a);
    const lon = Number(b);
    for (let i = -NEAR_CELLS; i <= NEAR_CELLS; i++)
      for (let j = -NEAR_CELLS; j <= NEAR_CELLS; j++) {
        const x = ((((lon + j + wrap / 2) % wrap) + wrap) % wrap) - wrap / 2;
        out.add(`cell:${lat + i}:${x}`);
      }
  }
  return [...out];
}

/**
 * Chooses the cluster of each unknown entity of one document, records the decision and adds the
 * document's context to the cluster. Returns entity id → cluster key. Call inside the document's
 * transaction, after `forgetDocument` for a re-ingested document.
 */
export function assignClusters(
  db: Database.Database,
  docId: string,
  entities: readonly Entity[],
  baseKeyOf: (e: Entity) => string,
  previous: ReadonlyMap<string, string>,
): Map<string, string> {
  const contexts = documentContext(entities);
  const keys = new Map<string, string>();
  const now = new Date().toISOString();
  const st = statementsFor(db);

  for (const e of entities) {
    const features = contexts.get(e.id);
    if (!features) continue;
    const base = baseKeyOf(e);
    // Two entities of one document with one key (rare: a name typed two ways) share a decision.
    const already = keys.get(`base:${base}`);
    if (already) {
      keys.set(e.id, already);
      continue;
    }
    const featuresJson = JSON.stringify(features);
    const nearJson = JSON.stringify(nearCells(features));
    const clusters = (
      st.clusters.all({ features: featuresJson, near: nearJson, base }) as ClusterQueryRow[]
    ).map(toCluster);
    const decision = decide(clusters, features, previous.get(base));
    const key = decision.founds
      ? clusters.length
        ? stableId('ent', 'cluster', base, docId)
        : base
      : decision.key;
    if (decision.founds) st.found.run(key, base, e.type, e.name, docId);
    st.member.run(docId, base, key, now, decision.reason, JSON.stringify(decision.shared), featuresJson);
    st.count.run(key);
    st.addFeatures.run(key, featuresJson);
    keys.set(e.id, key);
    keys.set(`base:${base}`, key);
  }
  return keys;
}

interface Decision {
  /** True when the document founds a new cluster (its key is then derived from base and document). */
  readonly founds: boolean;
  readonly key: string;
  readonly reason: string;
  readonly shared: readonly string[];
}

/** The rule, kept apart from SQL so it reads as one piece. */
function decide(
  clusters: readonly Cluster[],
  features: readonly string[],
  previous: string | undefined,
): Decision {
  if (!clusters.length) return { founds: true, key: '', reason: 'first document naming it', shared: [] };
  if (previous && clusters.some((c) => c.cluster_key === previous))
    return { founds: false, key: previous, reason: 'kept its cluster on re-ingestion', shared: [] };
  let best: { key: string; weight: number; shared: string[] } | null = null;
  let anyPlaces = false;
  let near: string | null = null;
  for (const c of clusters) {
    anyPlaces ||= c.hasPlaces;
    if (c.near) near ??= c.cluster_key;
    // A shared grid cell says "near", which `near` covers; it carries no weight of its own.
    const shared = c.shared.filter((f) => !f.startsWith('cell:'));
    const weight = shared.reduce((w, f) => w + (WEIGHTS[kindOf(f)] ?? 0), 0);
    // Ties go to the cluster seen in more documents (the list is in that order).
    if (!best || weight > best.weight) best = { key: c.cluster_key, weight, shared };
  }
  const top = best!;
  if (top.weight >= JOIN_AT)
    return {
      founds: false,
      key: top.key,
      reason: `shares context: ${top.shared.join(', ')}`,
      shared: top.shared,
    };
  if (top.shared.length)
    return {
      founds: false,
      key: top.key,
      reason: `same country: ${top.shared.join(', ')}`,
      shared: top.shared,
    };
  if (near)
    return {
      founds: false,
      key: near,
      reason: 'places near those of the cluster (within a few hundred km)',
      shared: [],
    };
  const ownPlaces = features.some((f) => f.startsWith('cell:'));
  if (!ownPlaces || !anyPlaces) {
    return {
      founds: false,
      key: clusters[0]!.cluster_key,
      reason: 'no places on one side to tell them apart; joined the cluster seen in most documents',
      shared: [],
    };
  }
  const countries = features.filter((f) => f.startsWith('cc:')).join(', ');
  return {
    founds: true,
    key: '',
    reason: `nothing shared with the ${clusters.length} existing cluster(s), and no place near theirs (this document: ${countries || 'places without a country'})`,
    shared: [],
  };
}

/**
 * Takes a document's contribution out of its clusters before it is re-written (re-ingestion).
 * Returns base key → the cluster it was in, so the new version keeps it.
 */
export function forgetDocument(db: Database.Database, docId: string): Map<string, string> {
  const rows = db
    .prepare('SELECT base_key, cluster_key, features FROM entity_cluster_members WHERE doc_id = ?')
    .all(docId) as { base_key: string; cluster_key: string; features: string }[];
  if (!rows.length) return new Map();
  const drop = db.prepare(
    `UPDATE entity_cluster_features SET n = n - 1
     WHERE cluster_key = ? AND feature IN (SELECT value FROM json_each(?))`,
  );
  const prune = db.prepare('DELETE FROM entity_cluster_features WHERE cluster_key = ? AND n <= 0');
  const uncount = db.prepare('UPDATE entity_clusters SET documents = documents - 1 WHERE cluster_key = ?');
  for (const r of rows) {
    drop.run(r.cluster_key, r.features);
    prune.run(r.cluster_key);
    uncount.run(r.cluster_key);
  }
  db.prepare('DELETE FROM entity_cluster_members WHERE doc_id = ?').run(docId);
  return new Map(rows.map((r) => [r.base_key, r.cluster_key]));
}

/** The clustering decisions for every cluster of the name behind `key` (a cluster key or a base key), oldest first. */
export function clusterDecisions(db: Database.Database, key: string, limit: number): EntityClusterDecision[] {
  const rows = db
    .prepare(
      `SELECT m.doc_id, m.base_key, m.cluster_key, m.decided_at, m.reason, m.shared, c.name, c.type,
         (SELECT count(*) FROM entity_clusters x WHERE x.base_key = m.base_key) AS clusters
       FROM entity_cluster_members m JOIN entity_clusters c ON c.cluster_key = m.cluster_key
       WHERE m.base_key IN (SELECT base_key FROM entity_clusters WHERE cluster_key = ? UNION SELECT ?)
       ORDER BY m.rowid LIMIT ?`,
    )
    .all(key, key, limit) as {
    doc_id: string;
    base_key: string;
    cluster_key: string;
    decided_at: string;
    reason: string;
    shared: string;
    name: string;
    type: string;
    clusters: number;
  }[];
  return rows.map((r) => ({
    docId: r.doc_id,
    baseKey: r.base_key,
    clusterKey: r.cluster_key,
    name: r.name,
    type: r.type,
    decidedAt: r.decided_at,
    reason: r.reason,
    shared: JSON.parse(r.shared) as string[],
    clustersOfName: r.clusters,
  }));
}
