import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/ingest/index.js';
import { ingestDocument, loadResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { JALALABAD, PESHAWAR, ZADRAN } from './articles.js';
import type { Article } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, '../shared/eval/cases/seed/article.txt');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-fusion-cli-'));
const db = join(dir, 'cli.db');

/** Runs the CLI from source (no build needed). */
function sitrep(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/dev.ts'), ...args, '--db', db],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 60_000,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const store = openSqliteStore(db);
  const res = loadResources();
  const articles: Article[] = [...JALALABAD, ...ZADRAN, ...PESHAWAR.slice(0, 2)];
  if (existsSync(SEED))
    articles.push({ text: readFileSync(SEED, 'utf8'), published: '2024-11-10', outlet: 'seed' });
  for (const a of articles)
    await ingestDocument(
      store,
      documentFromText(a.text, `test:${a.outlet}`, 'text', { published: a.published, outlet: a.outlet }),
      res,
    );
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fusion commands', { timeout: 60_000 }, () => {
  it('sitrep contradictions lists both values and both reports', () => {
    const r = sitrep(['contradictions', '--format', 'json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as {
      kind: string;
      a: { value: string; docId: string };
      b: { value: string; docId: string };
    }[];
    expect(list.map((c) => c.kind).sort()).toEqual(['fatalities', 'status']);
    const table = sitrep(['contradictions']);
    expect(table.stdout).toMatch(/30 vs 45 killed/);
  });

  it('sitrep events --fused shows each incident once with its reports', () => {
    const r = sitrep(['events', '--fused', '--format', 'json', '--type', 'explosions_remote_violence']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; reports: unknown[]; summary: { grade: string } }[];
    expect(new Set(list.map((f) => f.id)).size).toBe(list.length);
    expect(list.filter((f) => f.reports.length === 2)).toHaveLength(2);
  });

  it('merges and splits entities with a reason, audited and reversible', () => {
    const merge = sitrep([
      'entity',
      'merge',
      'Jalalabad',
      'Peshawar',
      '--reason',
      'test merge',
      '--author',
      'tester',
      '--format',
      'json',
    ]);
    expect(merge.status).toBe(0);
    const c = JSON.parse(merge.stdout) as { id: number; note: string; action: { kind: string } };
    expect(c).toMatchObject({ note: 'test merge', action: { kind: 'merge_entities' } });
    expect(sitrep(['entity', 'corrections']).stdout).toMatch(/test merge/);
    expect(sitrep(['entity', 'revert', String(c.id), '--reason', 'undo']).status).toBe(0);
    expect(sitrep(['entity', 'corrections', '--format', 'json']).stdout).toMatch(/"revertedBy"/);
    expect(sitrep(['entity', 'merge', 'Jalalabad', 'Peshawar']).status).not.toBe(0);
    const profile = JSON.parse(sitrep(['entity', 'Peshawar', '--format', 'json']).stdout) as {
      key: string;
      recentDocuments: { id: string }[];
    };
    expect(profile.recentDocuments).toHaveLength(2);
    const one = profile.recentDocuments[0]?.id.slice(7, 19) ?? '';
    const split = sitrep([
      'entity',
      'split',
      'Peshawar',
      one,
      '--reason',
      'two different places',
      '--format',
      'json',
    ]);
    expect(split.status).toBe(0);
    const after = JSON.parse(sitrep(['entity', profile.key, '--format', 'json']).stdout) as {
      documents: number;
    };
    expect(after.documents).toBe(1);
  });

  it('sitrep entity NAME shows the profile', () => {
    const r = sitrep(['entity', 'Karim Zadran']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Zadran.*\[person\]/);
  });

  it.skipIf(!existsSync(SEED))(
    "sitrep entity Ghafari --timeline lists the seed's dated items in order",
    () => {
      const r = sitrep(['entity', 'Ghafari', '--timeline', '--format', 'json']);
      expect(r.status).toBe(0);
      const { timeline } = JSON.parse(r.stdout) as {
        timeline: { date: string | null; label: string; text: string; fusedGrade: string }[];
      };
      const dates = timeline.map((i) => i.date ?? '9999');
      expect(dates).toEqual([...dates].sort());
      const text = timeline.map((i) => `${i.label} ${i.text}`).join('\n');
      expect(text).toMatch(/escape/);
      expect(text).toMatch(/suspect_in/);
      expect(text).toMatch(/Balochistan/);
      expect(text).toMatch(/\$10 million/);
      expect(timeline.every((i) => /^[A-F?][1-6]$/.test(i.fusedGrade))).toBe(true);
    },
  );
});
