/**
 * The team-written sentence cases, run through the whole pipeline (NER, resolver, geoparser,
 * extraction). Skips when the pipeline's models cannot be loaded. Prints per-file totals; the
 * suite fails when the pass rate drops below the floor recorded here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/core/index.js';
import { documentFromText } from '../../src/ingest/index.js';
import { extractDocument, loadResources, type PipelineResources } from '../../src/pipeline/index.js';
import { checkCase, type SentenceCase } from './sentence-cases.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'sentences');
/**
 * Floor on the share of cases that pass. Every case passes today (312/312), so any regression
 * fails the suite; a new case the extractor cannot pass yet lowers it knowingly.
 */
const PASS_FLOOR = 1;

function loadPipeline(): PipelineResources | null {
  try {
    return loadResources();
  } catch {
    return null;
  }
}

const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.jsonl')) : [];
const resources = files.length ? loadPipeline() : null;

/** Runs one case through the pipeline. */
export function runCase(c: SentenceCase, res: PipelineResources): Extraction {
  const doc = documentFromText(c.text, '-', 'text', { published: c.published });
  return extractDocument(doc, res);
}

describe.skipIf(!files.length || !resources)('sentence cases (test/fixtures/sentences)', () => {
  const results: { file: string; id: string; fails: string[] }[] = [];
  for (const file of files) {
    const cases = readFileSync(join(DIR, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as SentenceCase);
    for (const c of cases) {
      let fails: string[];
      try {
        fails = checkCase(c, runCase(c, resources as PipelineResources));
      } catch (err) {
        fails = [`threw: ${String(err)}`];
      }
      results.push({ file, id: c.id, fails });
    }
  }
  it('passes at least the recorded floor of cases', () => {
    const byFile = new Map<string, [number, number]>();
    for (const r of results) {
      const t = byFile.get(r.file) ?? [0, 0];
      byFile.set(r.file, [t[0] + (r.fails.length ? 0 : 1), t[1] + 1]);
    }
    const passed = results.filter((r) => !r.fails.length).length;
    const lines = [...byFile].map(([f, [p, n]]) => `${f}: ${p}/${n}`);
    console.log(`sentence cases: ${passed}/${results.length} passed\n  ${lines.join('\n  ')}`);
    // the failing cases are printed whenever there are any: they are what the floor protects
    for (const r of results) if (r.fails.length) console.log(`${r.id}: ${r.fails.join(' | ')}`);
    expect(passed / Math.max(1, results.length)).toBeGreaterThanOrEqual(PASS_FLOOR);
  });
});
