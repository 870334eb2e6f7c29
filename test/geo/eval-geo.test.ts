import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { addEvalGeo } from '../../src/cli/commands/eval-geo.js';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { evaluateGeo, type GeoDocument } from '../../src/resolve/geo/evaluate.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/geo-mini.jsonl');

describe('eval geo', () => {
  const docs = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GeoDocument);

  it('scores resolution given gold spans and end-to-end recognition', () => {
    const r = evaluateGeo(docs, loadGazetteer());
    expect(r.resolve.n).toBe(12);
    expect(r.resolve.accAt161).toBeGreaterThanOrEqual(0.9);
    expect(r.resolve.medianKm).toBeLessThan(50);
    expect(r.endToEnd.r).toBeGreaterThanOrEqual(0.9);
    expect(r.endToEnd.p).toBeGreaterThanOrEqual(0.9);
    expect(r.docsPerSecond).toBeGreaterThan(0);
  });

  it('prints the figures as JSON with --json', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const program = new Command('sitrep').exitOverride();
    addEvalGeo(program.command('eval'));
    await program.parseAsync(['eval', 'geo', FIXTURE, '--json'], { from: 'user' });
    spy.mockRestore();
    const report = JSON.parse(out.join('')) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['resolve', 'endToEnd', 'docsPerSecond']);
    expect(report.resolve).toMatchObject({ n: 12 });
    expect(Object.keys(report.endToEnd as object)).toEqual(['p', 'r', 'f1', 'accAt161']);
  });
});
