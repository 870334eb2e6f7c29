import Database from 'better-sqlite3';
import type { Entity, Extraction, Problem } from '../../core/index.js';
import { SitrepError, nameKey, stableId } from '../../core/index.js';
import type {
  Contradiction,
  Correction,
  CorrectionAction,
  CorrectionMeta,
  DocumentRecord,
  EntityClusterDecision,
  EntityProfile,
  GraphOptions,
  RelationGraph,
  WeekCount,
  DocumentSummary,
  EntityFilter,
  EntitySummary,
  EventFilter,
  SaveResult,
  SearchHit,
  StoryCandidate,
  StoryFingerprint,
  Store,
  StoredDocument,
  StoredEvent,
} from '../types.js';
import { migrations } from './migrations.js';
import { findStoryCandidates, storyMembers, writeStoryBands } from './stories.js';
import { applyCorrection, listCorrections, reapplyCorrections, revertCorrection } from './corrections.js';
import { entityProfile } from './entity-profile.js';
import { contradictions, relationGraph } from './graph.js';
import { overlayCorrections } from './overlay.js';
import { fuseDocument } from './fusion.js';
import { assignClusters, clusterDecisions, forgetDocument } from './entity-clusters.js';
import { FusionMethods } from './fusion-store.js';
import { eventHistogram, listEvents } from './event-filter.js';
import { entitySummaries, rankedEntities, registerSqlFunctions } from './entity-stats.js';

type Row = Record<string, unknown>;

/** How many of the newest matching documents a search ranks (see search()). */
const SEARCH_RANKED = 2000;

/** The document-independent key of an entity: its kbId, else a hash of type and normalised name. */
export function entityKey(e: Entity): string {
  return e.key ?? e.kbId ?? stableId('ent', e.type, nameKey(e.name));
}

/** Opens (and migrates) the SQLite database at `path` (":memory:" for tests). */
export function openSqliteStore(path: string): SqliteStore {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw new SitrepError('unreadable', `cannot open database ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Pages are read through a memory map (up to SQLite's 2 GB limit): a page the cache lacks then
  // costs no read call or copy, so the page cache can stay small. It must: a B-tree split renumbers
  // pages through a temporary page number past the 1 GB mark, and while the file is smaller than
  // that, every commit after a split scans the whole page cache for pages above the database's end
  // (SQLite's pcache1TruncateUnsafe). With the
  // 64 MB cache used before, that scan grew with the cache as it filled and was most of the growth
  // of per-document write cost (bench/fusion.ts).
  db.pragma('mmap_size = 2147483648');
  db.pragma('cache_size = -8192');
  db.pragma('temp_store = MEMORY');
  // A save writes about a hundred WAL frames (a leaf of each index it touches, full-text segments).
  // The checkpoint copies each distinct page back once per interval; at the default 1,000 frames
  // (every ~10 documents) that was about a quarter of the cost of a save, and it grew with the
  // store as fewer of the copied pages were shared between saves. At 10,000 frames (a WAL of up to
  // ~40 MB) pages written by many saves (index interiors, statistics, the newest leaves) are copied
  // once per ~100 documents: per-document CPU fell by about a tenth (bench/fusion.ts).
  db.pragma('wal_autocheckpoint = 10000');
  registerSqlFunctions(db);
  migrate(db);
  return new SqliteStore(db);
}

/** Applies the migrations the database has not seen yet, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

/** The embedded engine: one file, WAL, one transaction per document, FTS5 for search. */
export class SqliteStore extends FusionMethods implements Store {
  constructor(readonly db: Database.Database) {
    super(db);
  }

  saveDocument(record: DocumentRecord): Promise<SaveResult> {
    return settle(() => this.db.transaction(() => this.writeDocument(record))());
  }

  private writeDocument(record: DocumentRecord): SaveResult {
    const { doc, extraction } = record;
    const id = extraction.document.id;
    const old = this.db.prepare('SELECT ingested_at FROM documents WHERE id = ?').get(id) as Row | undefined;
    const now = new Date().toISOString();
    const previousClusters = old ? forgetDocument(this.db, id) : new Map<string, string>();
    if (old) this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    const ingestedAt = typeof old?.ingested_at === 'string' ? old.ingested_at : now;
    const published = extraction.document.published;
    this.db
      .prepare(
        `INSERT INTO documents (id, title, url, published, dateline, language, outlet, author, origin, text,
           extraction, problems, entity_count, event_count, ingested_at, updated_at, story_id, exact_key, near_signature)
         VALUES (@id, @title, @url, @published, @dateline, @language, @outlet, @author, @origin, @text,
           @extraction, @problems, @entityCount, @eventCount, @ingestedAt, @updatedAt, @storyId, @exactKey, @signature)`,
      )
      .run({
        id,
        title: extraction.document.title,
        url: extraction.document.url ?? null,
        published,
        dateline: extraction.document.dateline ?? null,
        language: extraction.document.language,
        outlet: doc.outlet,
        author: doc.author,
        origin: doc.origin,
        text: doc.text,
        extraction: JSON.stringify(withoutText(extraction)),
        problems: JSON.stringify([...doc.problems, ...(extraction.problems ?? [])]),
        entityCount: extraction.entities.length,
        eventCount: extraction.events.length,
        ingestedAt,
        updatedAt: now,
        // Written with the row rather than by a later UPDATE: one row write, one entry per index.
        storyId: record.story?.storyId ?? null,
        exactKey: record.story?.fingerprint.exactKey ?? null,
        signature: record.story?.fingerprint.signature ?? null,
      });
    // The date the document is listed under (coalesce(published, substr(ingested_at, 1, 10)), as
    // listDocuments orders them), written with each entity row rather than by a trigger's UPDATE.
    const docDate = published ?? ingestedAt.slice(0, 10);
    this.writeEntities(id, docDate, extraction.entities, previousClusters);
    this.writeEvents(id, doc.text, extraction);
    this.writeRelations(id, extraction);
    if (record.story) writeStoryBands(this.db, id, record.story.fingerprint);
    reapplyCorrections(this.db, id);
    fuseDocument(this.db, record);
    return { id, created: !old };
  }

  private writeEntities(
    docId: string,
    docDate: string,
    entities: readonly Entity[],
    previousClusters: ReadonlyMap<string, string>,
  ): void {
    // Unknown names are split by co-occurring context into clusters (see entity-clusters.ts).
    const clusterKeys = assignClusters(this.db, docId, entities, entityKey, previousClusters);
    const insert = this.db.prepare(
      `INSERT INTO doc_entities (doc_id, local_id, entity_key, type, name, name_key, kb_id, aliases, mention_count, geo,
         orig_key, orig_type, doc_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertName = this.db.prepare(
      'INSERT INTO entity_names (doc_id, local_id, name_key) VALUES (?, ?, ?)',
    );
    for (const e of entities) {
      const key = clusterKeys.get(e.id) ?? entityKey(e);
      insert.run(
        docId,
        e.id,
        key,
        e.type,
        e.name,
        nameKey(e.name),
        e.kbId,
        JSON.stringify(e.aliases),
        e.mentions.length,
        e.geo ? JSON.stringify(e.geo) : null,
        key,
        e.type,
        docDate,
      );
      for (const key of new Set([e.name, ...e.aliases].map(nameKey))) insertName.run(docId, e.id, key);
    }
  }

  private writeEvents(docId: string, text: string, extraction: Extraction): void {
    const byId = new Map(extraction.entities.map((e) => [e.id, e]));
    const insert = this.db.prepare(
      `INSERT INTO events (doc_id, local_id, category, type, date_start, date_end, date_precision, location_id,
         country_code, admin1, admin2, fatalities_min, injured_min, modality, evidence_text, record, lat, lon, feature_class)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const role = this.db.prepare(
      'INSERT INTO event_roles (doc_id, event_id, role, local_id) VALUES (?, ?, ?, ?)',
    );
    for (const ev of extraction.events) {
      const geo = ev.location ? byId.get(ev.location)?.geo : null;
      const evidence = ev.evidence.map((s) => text.slice(s.start, s.end)).join(' … ');
      insert.run(
        docId,
        ev.id,
        ev.category,
        ev.type,
        ev.date.start,
        ev.date.end,
        ev.date.precision,
        ev.location,
        geo?.countryCode ?? null,
        geo?.admin1 ? nameKey(geo.admin1) : null,
        geo?.admin2 ? nameKey(geo.admin2) : null,
        ev.fatalities?.min ?? null,
        ev.injured?.min ?? null,
        ev.modality,
        evidence,
        JSON.stringify(ev),
        geo?.lat ?? null,
        geo?.lon ?? null,
        geo?.featureClass ?? null,
      );
      const roles: [string, readonly string[]][] = [
        ['perpetrator', ev.perpetrators],
        ['target', ev.targets],
        ['claimant', ev.claimedBy],
        ['location', ev.location ? [ev.location] : []],
      ];
      for (const [name, ids] of roles)
        for (const id of ids) if (byId.has(id)) role.run(docId, ev.id, name, id);
    }
  }

  private writeRelations(docId: string, extraction: Extraction): void {
    const insert = this.db.prepare(
      'INSERT INTO relations (doc_id, local_id, type, subject_id, object_id, modality, record) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of extraction.relations) {
      insert.run(docId, r.id, r.type, r.subject, r.object, r.modality, JSON.stringify(r));
    }
  }

  getDocument(idOrPrefix: string): Promise<StoredDocument | null> {
    const hex = idOrPrefix.replace(/^sha256:/, '').toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(hex)) return Promise.resolve(null);
    const rows = this.db
      .prepare('SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2')
      .all(`sha256:${hex}`, `sha256:${hex}\uffff`) as Row[];
    if (rows.length > 1) {
      throw new SitrepError(
        'conflict',
        `id prefix ${idOrPrefix} matches several documents; give more digits`,
      );
    }
    const row = rows[0];
    if (!row) return Promise.resolve(null);
    const extraction = overlayCorrections(
      this.db,
      String(row.id),
      JSON.parse(String(row.extraction)) as Extraction,
    );
    return Promise.resolve({
      ...toSummary(row),
      text: String(row.text),
      author: (row.author as string | null) ?? null,
      extraction,
      problems: JSON.parse(String(row.problems)) as Problem[],
      storyId: (row.story_id as string | null) ?? null,
      storyMembers:
        typeof row.story_id === 'string' ? storyMembers(this.db, row.story_id, String(row.id)) : [],
    });
  }

  findStoryCandidates(fingerprint: StoryFingerprint, excludeId: string): Promise<StoryCandidate[]> {
    return settle(() => findStoryCandidates(this.db, fingerprint, excludeId));
  }

  listDocuments(options: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT id, title, url, published, dateline, language, outlet, origin, ingested_at, entity_count, event_count
         FROM documents ORDER BY coalesce(published, substr(ingested_at, 1, 10)) DESC, id LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? 50, options.offset ?? 0) as Row[];
    return Promise.resolve(rows.map(toSummary));
  }

  countDocuments(): Promise<number> {
    return Promise.resolve((this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
  }

  search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (!match) return Promise.resolve([]);
    // Rank first (bm25 only, LIMIT), then snippets for the returned rows alone, each by rowid: a
    // snippet costs far more than a rank. A common word matches most of the corpus, and bm25 over
    // 100,000 rows takes tens of milliseconds: only the most recently stored SEARCH_RANKED matches
    // (rowids grow with each save, and FTS5 walks them newest first) are ranked.
    const top = this.db
      .prepare(
        `SELECT id, rank FROM (
           SELECT rowid AS id, bm25(documents_fts, 4.0, 1.0) AS rank FROM documents_fts
           WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_RANKED})
         ORDER BY rank LIMIT ?`,
      )
      .all(match, options.limit ?? 20) as { id: number; rank: number }[];
    const detail = this.db.prepare(
      `SELECT d.id, d.title, d.published, snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snippet
       FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
       WHERE documents_fts MATCH ? AND documents_fts.rowid = ?`,
    );
    const rows = top.flatMap((t) => {
      const row = detail.get(match, t.id) as Row | undefined;
      const hit: Row[] = row ? [{ ...row, rank: t.rank }] : [];
      return hit;
    });
    return Promise.resolve(
      rows.map((r) => ({
        docId: String(r.id),
        title: (r.title as string | null) ?? null,
        published: (r.published as string | null) ?? null,
        snippet: String(r.snippet),
        rank: Number(r.rank),
      })),
    );
  }

  listEntities(filter: EntityFilter = {}): Promise<EntitySummary[]> {
    return settle(() =>
      rankedEntities(this.db, {
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.name ? { nameKey: nameKey(filter.name) } : {}),
        ...(filter.prefix ? { prefixKey: nameKey(filter.prefix) } : {}),
        limit: filter.limit ?? 100,
      }),
    );
  }

  listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return settle(() => listEvents(this.db, filter));
  }

  eventHistogram(filter: EventFilter = {}): Promise<WeekCount[]> {
    return settle(() => eventHistogram(this.db, filter));
  }

  getEntityProfile(key: string, options: { limit?: number } = {}): Promise<EntityProfile | null> {
    return settle(() => {
      const [summary] = entitySummaries(this.db, [key]);
      return summary ? entityProfile(this.db, summary, options.limit ?? 100) : null;
    });
  }

  relationGraph(options: GraphOptions = {}): Promise<RelationGraph> {
    return settle(() => relationGraph(this.db, options));
  }

  listContradictions(options: { limit?: number } = {}): Promise<Contradiction[]> {
    return settle(() => contradictions(this.db, options.limit ?? 100));
  }

  applyCorrection(action: CorrectionAction, meta: CorrectionMeta): Promise<Correction> {
    return settle(() => this.db.transaction(() => applyCorrection(this.db, action, meta))());
  }

  revertCorrection(id: number, meta: CorrectionMeta): Promise<Correction> {
    return settle(() => this.db.transaction(() => revertCorrection(this.db, id, meta))());
  }

  listCorrections(options: { limit?: number } = {}): Promise<Correction[]> {
    return settle(() => listCorrections(this.db, options.limit ?? 100));
  }

  entityClusterDecisions(key: string, options: { limit?: number } = {}): Promise<EntityClusterDecision[]> {
    return settle(() => clusterDecisions(this.db, key, options.limit ?? 100));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** Runs synchronous driver work and reports its outcome as a promise (errors become rejections). */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/** FTS5 query from user words: each word quoted (so punctuation can't break the syntax), all required. */
function toFtsQuery(query: string): string {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

function withoutText(extraction: Extraction): Extraction {
  const document = { ...extraction.document };
  delete document.text;
  return { ...extraction, document };
}

function toSummary(row: Row): DocumentSummary {
  return {
    id: String(row.id),
    title: (row.title as string | null) ?? null,
    url: (row.url as string | null) ?? null,
    published: (row.published as string | null) ?? null,
    dateline: (row.dateline as string | null) ?? null,
    language: String(row.language),
    outlet: (row.outlet as string | null) ?? null,
    origin: String(row.origin),
    ingestedAt: String(row.ingested_at),
    entityCount: Number(row.entity_count),
    eventCount: Number(row.event_count),
  };
}
