import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord } from '../serve/synthetic.js';

const WORLD = { groups: 6, people: 10, places: 15 };

/** The query plan of `sql` with every parameter unbound (NULL): positional `?` and named `@x`. */
function planOf(db: Database.Database, sql: string): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const params = named.length
    ? [Object.fromEntries(named.map((n) => [n, null]))]
    : Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
  return (stmt.all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** Plan lines that read a whole stored table (virtual tables such as json_each, constant rows and subqueries' results are the statement's own). */
function fullScans(plan: readonly string[]): string[] {
  return plan.filter(
    (d) => /^SCAN /.test(d) && !/^SCAN (\w+ VIRTUAL TABLE|json_each|CONSTANT ROW|\(subquery-\d+\))/.test(d),
  );
}

/** The statements of a trigger body, with NEW.x and OLD.x as parameters. */
function triggerStatements(sql: string): string[] {
  const body = sql.slice(sql.search(/\bBEGIN\b/) + 'BEGIN'.length, sql.lastIndexOf('END'));
  return body
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace(/\b(NEW|OLD)\.\w+/gi, '?'));
}

describe('the write path stays bounded as the store grows', () => {
  it('reads no whole table while saving, re-saving or fusing a document', async () => {
    const store = openSqliteStore(':memory:');
    const seen = new Set<string>();
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = (source: string) => {
      seen.add(source);
      return prepare(source);
    };
    for (let i = 0; i < 30; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    for (let i = 0; i < 5; i++) await store.saveDocument(syntheticRecord(i, WORLD));
    store.db.prepare = prepare;
    const written = [...seen].filter((s) => /^\s*(SELECT|INSERT|UPDATE|DELETE)/i.test(s));
    // Fusion's candidate lookup, the insert of each table and the clustering statements at least.
    expect(written.some((s) => s.includes('INDEXED BY events_fusion'))).toBe(true);
    expect(written.length).toBeGreaterThan(15);
    // Active corrections are read in full on every save: they grow with analysts' work, not with documents.
    const scans = written
      .filter((s) => !/FROM corrections WHERE reverted_at IS NULL/.test(s))
      .map((s) => [s.replace(/\s+/g, ' ').slice(0, 80), fullScans(planOf(store.db, s))] as const)
      .filter(([, scans]) => scans.length);
    expect(scans).toEqual([]);
    await store.close();
  });

  it('maintains its read models by triggers that read no whole table and no whole entity', async () => {
    const store = openSqliteStore(':memory:');
    const triggers = store.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThan(10);
    for (const t of triggers)
      for (const s of triggerStatements(t.sql))
        expect(fullScans(planOf(store.db, s)), `${t.name}: ${s.slice(0, 80)}`).toEqual([]);
    // Whether a row is its entity's first in the document is found among the document's rows; by
    // the entity's index it read all the entity's rows (thousands for a much-reported group).
    const insert = triggers.find((t) => t.name === 'doc_entities_stats_ai')!;
    const check = /NOT EXISTS \((SELECT 1 FROM doc_entities x[^)]*)\)/.exec(insert.sql)![1]!;
    const plan = planOf(store.db, check.replace(/\b(NEW|OLD)\.\w+/gi, '?')).join(' | ');
    expect(plan).toMatch(/\(doc_id=\?/);
    expect(plan).not.toMatch(/entity_key=\?/);
    await store.close();
  });
});
