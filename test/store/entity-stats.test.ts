import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { registerSqlFunctions } from '../../src/store/sqlite/entity-stats.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { syntheticRecord } from '../serve/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORLD = { groups: 6, people: 10, places: 15 };

/** Each derived table as the triggers keep it, and as recomputed from the base tables. */
const DERIVED: Record<string, [string, string]> = {
  entity_stats: [
    'SELECT entity_key, name, type, kb_id, documents, mentions, rows FROM entity_stats',
    `SELECT entity_key, max(name), max(type), max(kb_id), count(DISTINCT doc_id), sum(mention_count), count(*)
     FROM doc_entities GROUP BY entity_key`,
  ],
  entity_facets: [
    'SELECT entity_key, kind, value, n FROM entity_facets',
    `SELECT entity_key, 'name', name, count(*) FROM doc_entities GROUP BY entity_key, name
     UNION ALL SELECT entity_key, 'type', type, count(*) FROM doc_entities GROUP BY entity_key, type
     UNION ALL SELECT entity_key, 'kb', kb_id, count(*) FROM doc_entities WHERE kb_id IS NOT NULL GROUP BY entity_key, kb_id
     UNION ALL SELECT entity_key, 'alias', value, count(*) FROM
       (SELECT DISTINCT d.rowid, d.entity_key, j.value FROM doc_entities d, json_each(d.aliases) j) GROUP BY entity_key, value
     UNION ALL SELECT d.entity_key, 'key', n.name_key, count(*) FROM doc_entities d
       JOIN entity_names n ON n.doc_id = d.doc_id AND n.local_id = d.local_id GROUP BY d.entity_key, n.name_key`,
  ],
  event_entities: [
    'SELECT doc_id, event_id, role, local_id, entity_key, date_start, location_key FROM event_entities',
    `SELECT r.doc_id, r.event_id, r.role, r.local_id, d.entity_key, e.date_start, l.entity_key
     FROM event_roles r JOIN doc_entities d ON d.doc_id = r.doc_id AND d.local_id = r.local_id
     JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id
     LEFT JOIN doc_entities l ON l.doc_id = e.doc_id AND l.local_id = e.location_id`,
  ],
  event_keys: [
    'SELECT kind, key, date_start, doc_id, event_id FROM event_keys',
    `SELECT DISTINCT 'place', k, date_start, doc_id, local_id FROM (
       SELECT admin1 AS k, date_start, doc_id, local_id FROM events
       UNION SELECT admin2, date_start, doc_id, local_id FROM events
       UNION SELECT lower(country_code), date_start, doc_id, local_id FROM events
       UNION SELECT n.name_key, e.date_start, e.doc_id, e.local_id FROM events e
         JOIN entity_names n ON n.doc_id = e.doc_id AND n.local_id = e.location_id) WHERE k IS NOT NULL
     UNION SELECT 'actor', n.name_key, e.date_start, e.doc_id, e.local_id
     FROM event_roles r JOIN entity_names n ON n.doc_id = r.doc_id AND n.local_id = r.local_id
     JOIN events e ON e.doc_id = r.doc_id AND e.local_id = r.event_id WHERE r.role <> 'location'`,
  ],
  relation_keys: [
    'SELECT doc_id, local_id, type, modality, subject_key, object_key FROM relation_keys',
    `SELECT r.doc_id, r.local_id, r.type, r.modality, s.entity_key, o.entity_key FROM relations r
     JOIN doc_entities s ON s.doc_id = r.doc_id AND s.local_id = r.subject_id
     JOIN doc_entities o ON o.doc_id = r.doc_id AND o.local_id = r.object_id`,
  ],
  doc_date: [
    'SELECT doc_id, local_id, doc_date FROM doc_entities',
    `SELECT d.doc_id, d.local_id, coalesce(doc.published, substr(doc.ingested_at, 1, 10))
     FROM doc_entities d JOIN documents doc ON doc.id = d.doc_id`,
  ],
};

function rowsOf(db: Database.Database, sql: string): string[] {
  return (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
}

/** Asserts every derived table equals its recomputation. */
function expectExact(db: Database.Database, step: string): void {
  for (const [table, [kept, recomputed]] of Object.entries(DERIVED)) {
    expect(rowsOf(db, kept), `${table} after ${step}`).toEqual(rowsOf(db, recomputed));
  }
}

/**
 * A database at `path` with only the migrations `keep` selects, holding the rows of the store at
 * `source` as far as that schema has their tables and columns (what an older writer would have stored).
 */
function writtenBefore(
  path: string,
  keep: (m: (typeof migrations)[number]) => boolean,
  source: string,
): void {
  const old = new Database(path);
  old.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  registerSqlFunctions(old);
  for (const m of migrations.filter(keep)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
  }
  old.prepare('ATTACH ? AS src').run(source);
  // Base tables only, parents before children; the derived ones are the migrations' to build.
  const tables = [
    'documents',
    'doc_entities',
    'entity_names',
    'events',
    'event_roles',
    'relations',
    'document_bands',
    'fusion_reports',
    'fusion_contradictions',
    'entity_status',
    'entity_clusters',
    'entity_cluster_features',
    'entity_cluster_members',
  ];
  const columns = (schema: string, table: string): string[] =>
    (old.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map(
      (c) => c.name,
    );
  for (const table of tables) {
    const mine = columns('main', table);
    if (!mine.length) continue;
    const theirs = new Set(columns('src', table));
    const shared = mine.filter((c) => theirs.has(c)).join(', ');
    const rowid = !/WITHOUT ROWID/i.test(
      String(old.prepare('SELECT sql FROM src.sqlite_master WHERE name = ?').pluck().get(table)),
    );
    old.exec(
      `INSERT INTO main.${table} (${shared}) SELECT ${shared} FROM src.${table} ${rowid ? 'ORDER BY rowid' : ''}`,
    );
  }
  old.exec('DETACH src');
  old.close();
}

describe('read-side statistics kept by triggers', () => {
  it('stay exact through saves, re-ingestion, deletion, corrections and reverts', async () => {
    const store = openSqliteStore(join(dir, 'exact.db'));
    for (let i = 0; i < 40; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    expectExact(store.db, 'saves');
    const before = await store.listEntities({ limit: 1000 });
    for (let i = 0; i < 10; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    expectExact(store.db, 're-ingestion');
    expect(await store.listEntities({ limit: 1000 })).toEqual(before);

    const [a, b] = await store.listEntities({ type: 'group', limit: 2 });
    const merge = await store.applyCorrection(
      { kind: 'merge_entities', from: b!.key, into: a!.key },
      { author: 't' },
    );
    expectExact(store.db, 'merge');
    expect((await store.listEntities({ name: b!.name }))[0]?.key).toBe(a!.key);
    const docs = (await store.listEvents({ entity: a!.key, limit: 2 })).map((e) => e.docId);
    await store.applyCorrection({ kind: 'split_entity', key: a!.key, docIds: docs }, { author: 't' });
    expectExact(store.db, 'split');
    await store.applyCorrection({ kind: 'entity_type', key: a!.key, type: 'organization' }, { author: 't' });
    expectExact(store.db, 'type change');
    expect((await store.listEntities({ type: 'organization' })).map((e) => e.key)).toContain(a!.key);
    const [ev] = await store.listEvents({ limit: 1 });
    await store.applyCorrection(
      {
        kind: 'edit_event',
        docId: ev!.docId,
        eventId: ev!.event.id,
        fields: { date: { start: '2020-01-01', end: '2020-01-01', precision: 'day' } },
      },
      { author: 't' },
    );
    expectExact(store.db, 'event date edit');
    expect((await store.listEvents({ until: '2020-12-31' })).map((e) => e.docId)).toEqual([ev!.docId]);
    await store.saveDocument(syntheticRecord(0, WORLD));
    expectExact(store.db, 're-ingestion under corrections');
    await store.revertCorrection(merge.id, { author: 't' });
    expectExact(store.db, 'revert');

    store.db.prepare('DELETE FROM documents WHERE id IN (SELECT id FROM documents LIMIT 15)').run();
    expectExact(store.db, 'deletion');
    store.db.prepare('DELETE FROM documents').run();
    expectExact(store.db, 'deleting everything');
    expect(store.db.prepare('SELECT count(*) FROM entity_stats').pluck().get()).toBe(0);
    await store.close();
  });

  it('are built by the migration from a database written before it', async () => {
    const fresh = openSqliteStore(join(dir, 'fresh.db'));
    for (let i = 0; i < 30; i++) await fresh.saveDocument(syntheticRecord(i, WORLD));
    const path = join(dir, 'old.db');
    // Everything before version 5, plus the entity clusters (version 8, independent of version 5),
    // holding the rows today's writer stored, as far as that schema has their columns.
    writtenBefore(path, (m) => m.version < 5 || m.version === 8, join(dir, 'fresh.db'));

    const migrated = openSqliteStore(path);
    expectExact(migrated.db, 'migration');
    expect(await migrated.listEntities({ limit: 1000 })).toEqual(await fresh.listEntities({ limit: 1000 }));
    const key = (await fresh.listEntities({ type: 'group', limit: 1 }))[0]!.key;
    expect(await migrated.getEntityProfile(key)).toEqual(await fresh.getEntityProfile(key));
    expect(await migrated.listEvents({ place: 'PK' })).toEqual(await fresh.listEvents({ place: 'PK' }));
    await migrated.saveDocument(syntheticRecord(31, WORLD));
    expectExact(migrated.db, 'a save after the migration');
    await migrated.close();
    await fresh.close();
  });

  it('keep their figures when version 9 replaces the triggers of an existing database', async () => {
    const source = join(dir, 'v9-source.db');
    const written = openSqliteStore(source);
    for (let i = 0; i < 30; i++) await written.saveDocument(syntheticRecord(i, WORLD));
    const path = join(dir, 'v8.db');
    // The rows and the statistics version 5's triggers kept, in a database that stopped at version 8.
    writtenBefore(path, (m) => m.version < 9, source);
    const v8 = new Database(path);
    for (const table of ['entity_stats', 'entity_facets'])
      expect(rowsOf(v8, `SELECT * FROM ${table}`), table).toEqual(
        rowsOf(written.db, `SELECT * FROM ${table}`),
      );
    const before = rowsOf(v8, 'SELECT * FROM entity_stats');
    v8.close();
    await written.close();

    const store = openSqliteStore(path);
    expect(store.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(
      migrations.at(-1)!.version,
    );
    expectExact(store.db, 'version 9');
    expect(await store.countDocuments()).toBe(30);
    expect(rowsOf(store.db, 'SELECT * FROM entity_stats')).toEqual(before);
    for (let i = 25; i < 45; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    expectExact(store.db, 'saves and re-ingestion after version 9');
    // A row written without its document's date (a writer other than saveDocument) gets it from the trigger.
    const doc = store.db.prepare('SELECT id, published FROM documents LIMIT 1').get() as {
      id: string;
      published: string;
    };
    store.db
      .prepare(
        `INSERT INTO doc_entities (doc_id, local_id, entity_key, type, name, name_key, kb_id, aliases, mention_count, geo)
         VALUES (?, 'extra', 'k:extra', 'person', 'Extra Person', 'extra person', NULL, '[]', 1, NULL)`,
      )
      .run(doc.id);
    store.db
      .prepare("INSERT INTO entity_names (doc_id, local_id, name_key) VALUES (?, 'extra', 'extra person')")
      .run(doc.id);
    expect(
      store.db
        .prepare("SELECT doc_date FROM doc_entities WHERE doc_id = ? AND local_id = 'extra'")
        .pluck()
        .get(doc.id),
    ).toBe(doc.published);
    expectExact(store.db, 'a row without its date');
    store.db.prepare('DELETE FROM documents WHERE id IN (SELECT id FROM documents LIMIT 10)').run();
    expectExact(store.db, 'deletion after version 9');
    await store.close();
  });

  it('answer listings in rank order and filters as before', async () => {
    const store = openSqliteStore(join(dir, 'rank.db'));
    for (let i = 0; i < 40; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    const all = await store.listEntities({ limit: 1000 });
    const ranked = [...all].sort(
      (x, y) => y.documents - x.documents || y.mentions - x.mentions || (x.name < y.name ? -1 : 1),
    );
    expect(all.map((e) => [e.documents, e.mentions])).toEqual(ranked.map((e) => [e.documents, e.mentions]));
    const events = await store.listEvents({ limit: 1000 });
    const dates = events.map((e) => e.event.date.start ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    // Place and actor filters driven by event_keys agree with a scan of the listing.
    const quetta = events.filter((e) => e.locationName === 'Quetta' || e.countryCode === 'PK');
    const pk = await store.listEvents({ place: 'pk', limit: 1000 });
    expect(pk.length).toBe(events.filter((e) => e.countryCode === 'PK').length);
    expect(quetta.length).toBeGreaterThanOrEqual(pk.length);
    const ttp = events.filter((e) =>
      [...e.perpetratorNames, ...e.claimedByNames].includes('Tehreek-e-Taliban Pakistan'),
    );
    expect((await store.listEvents({ actor: 'TTP', limit: 1000 })).map((e) => e.docId)).toEqual(
      ttp.map((e) => e.docId),
    );
    const box = await store.listEvents({ bbox: [60, 25, 75, 36], limit: 1000 });
    expect(box.length).toBe(
      events.filter(
        (e) => e.point && e.point.lat >= 25 && e.point.lat <= 36 && e.point.lon >= 60 && e.point.lon <= 75,
      ).length,
    );
    await store.close();
  });
});
