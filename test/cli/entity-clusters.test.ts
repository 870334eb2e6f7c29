/** `sitrep entity clusters NAME`: the identity decisions behind a name, for people and for programs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityClusterDecision } from '../../src/store/index.js';
import { sitrep } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-clusters-cli-'));
const db = join(dir, 'c.db');

beforeAll(() => {
  const files: [string, string, string][] = [
    [
      'a.txt',
      '2025-02-03',
      'QUETTA: Police arrested Zarif Gulzar, a commander of the Tehreek-e-Taliban Pakistan, in Quetta on Monday, officials said.',
    ],
    [
      'b.txt',
      '2025-02-14',
      'MAIDUGURI: Nigerian troops killed Zarif Gulzar, a Boko Haram logistics chief, near Maiduguri in Borno State on Friday, the army said.',
    ],
  ];
  for (const [name, published, text] of files) {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.meta.json`), JSON.stringify({ published }));
  }
  const r = sitrep(['ingest', join(dir, 'a.txt'), join(dir, 'b.txt'), '--db', db]);
  if (r.status !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep entity clusters', () => {
  it('lists each decision with its reason, as a table and as JSON', () => {
    const table = sitrep(['entity', 'clusters', 'Zarif', 'Gulzar', '--db', db]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/2 cluster\(s\) of this name/);
    expect(table.stdout).toMatch(/first document naming it/);
    expect(table.stdout).toMatch(/no place near theirs/);
    const json = JSON.parse(
      sitrep(['entity', 'clusters', 'Zarif Gulzar', '--format', 'json', '--db', db]).stdout,
    ) as EntityClusterDecision[];
    expect(json).toHaveLength(2);
    expect(new Set(json.map((d) => d.clusterKey)).size).toBe(2);
  });

  it('`entities` shows the key that tells the namesakes apart', () => {
    const csv = sitrep(['entities', '--name', 'Zarif Gulzar', '--format', 'csv', '--db', db]).stdout;
    const keys = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').at(-1));
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('says so for an entity of the knowledge base', () => {
    const r = sitrep(['entity', 'clusters', 'Tehreek-e-Taliban Pakistan', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no clustering decisions/);
  });

  it('has help', () => {
    expect(sitrep(['entity', 'clusters', '--help']).stdout).toMatch(/entity merge A B/);
  });
});
