import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sitrep, sitrepJson } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const db = join(dir, 'cli.db');
const examples = join(ROOT, 'examples');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep --help', () => {
  it('lists the commands', () => {
    const r = sitrep(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['extract', 'ingest', 'docs', 'show', 'search', 'entities', 'events', 'eval'])
      expect(r.stdout).toContain(c);
  });

  it.each(['extract', 'ingest', 'docs', 'show', 'search', 'entities', 'events', 'eval'])(
    '%s --help works',
    (cmd) => {
      const r = sitrep([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: sitrep/);
    },
  );

  it('an unknown command is a usage error with status 2', () => {
    const r = sitrep(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});

describe('ingest and query the example corpus', () => {
  beforeAll(() => {
    const r = sitrep(['ingest', examples, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('stores every example article once, and re-ingesting updates instead of duplicating', () => {
    const before = JSON.parse(
      sitrep(['docs', '--db', db, '--format', 'json', '--limit', '1000']).stdout,
    ) as unknown[];
    expect(before.length).toBeGreaterThanOrEqual(12);
    const again = sitrep(['ingest', examples, '--db', db]);
    expect(again.stdout).toMatch(/0 new/);
    const after = JSON.parse(
      sitrep(['docs', '--db', db, '--format', 'json', '--limit', '1000']).stdout,
    ) as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('honours SITREP_DB', () => {
    const r = sitrep(['docs', '--format', 'json'], { env: { SITREP_DB: db } });
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThanOrEqual(12);
  });

  it('shows a document by id prefix, as text and JSON', () => {
    const [first] = sitrepJson(['docs', '--db', db, '--format', 'json']) as { id: string }[];
    const prefix = first!.id.slice(7, 19);
    const text = sitrep(['show', prefix, '--db', db]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(first!.id);
    const json = sitrepJson(['show', prefix, '--db', db, '--format', 'json']) as {
      extraction: { schema: string };
    };
    expect(json.extraction.schema).toBe('sitrep.extraction/1');
    const missing = sitrep(['show', 'abcdef123456', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no document abcdef123456/);
  });

  it('searches with ranked, highlighted snippets', () => {
    const r = sitrep(['search', 'killed', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\. [0-9a-f]{12}/m);
    expect(r.stdout).toMatch(/\[killed\]/i);
    const json = sitrepJson(['search', 'killed', '--db', db, '--format', 'json']) as {
      rank: number;
      snippet: string;
    }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.map((h) => h.rank)).toEqual([...json.map((h) => h.rank)].sort((a, b) => a - b));
  });

  it('lists entities in every format', () => {
    const json = sitrepJson(['entities', '--db', db, '--format', 'json']) as {
      type: string;
    }[];
    expect(json.length).toBeGreaterThan(10);
    const groups = JSON.parse(
      sitrep(['entities', '--db', db, '--type', 'group', '--format', 'json']).stdout,
    ) as { type: string }[];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((e) => e.type === 'group')).toBe(true);
    expect(sitrep(['entities', '--db', db, '--format', 'csv']).stdout.split('\n')[0]).toBe(
      'type,name,aliases,docs,mentions,kb,key',
    );
  });

  it('lists and filters events', () => {
    const all = sitrepJson(['events', '--db', db, '--format', 'json']) as {
      event: { category: string; date: { start: string | null } };
    }[];
    expect(all.length).toBeGreaterThan(5);
    // Each example's case.json gives its publication date, so relative dates resolve on ingest.
    expect(all.filter((e) => e.event.date.start !== null).length).toBeGreaterThan(all.length / 2);
    const category = all[0]!.event.category;
    const some = JSON.parse(
      sitrep(['events', '--db', db, '--type', category, '--format', 'json']).stdout,
    ) as typeof all;
    expect(some.length).toBeGreaterThan(0);
    expect(some.every((e) => e.event.category === category)).toBe(true);
    const none = JSON.parse(
      sitrep(['events', '--db', db, '--until', '1900-01-01', '--format', 'json']).stdout,
    ) as unknown[];
    expect(none).toEqual([]);
    const csv = sitrep(['events', '--db', db, '--format', 'csv']).stdout;
    expect(csv.split('\n')[0]).toContain('evidence');
    const bad = sitrep(['events', '--db', db, '--since', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});
