import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs, type InputResult } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(paths: string[]): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(paths)) out.push(r);
  return out;
}

describe('folder walks', () => {
  it("pass over a folder's README/LICENSE and other file types as skipped, not failed", async () => {
    const root = join(dir, 'corpus');
    mkdirSync(join(root, 'case-1'), { recursive: true });
    writeFileSync(join(root, 'README.md'), '# Corpus\nThese are our articles.\n');
    writeFileSync(join(root, 'LICENSE'), 'MIT\n');
    writeFileSync(
      join(root, 'case-1', 'article.txt'),
      'KABUL: Two soldiers were killed on Monday, officials said.\n',
    );
    writeFileSync(join(root, 'case-1', 'case.json'), '{"args":{"published":"2024-05-14"}}');
    const results = await all([root]);
    const docs = results.filter((r) => r.ok);
    const skipped = results.filter((r) => !r.ok && r.skipped);
    expect(docs).toHaveLength(1);
    expect(skipped.map((r) => (r.ok ? '' : r.origin.split('/').pop())).sort()).toEqual([
      'LICENSE',
      'README.md',
      'case.json',
    ]);
    expect(results.filter((r) => !r.ok && !r.skipped)).toEqual([]);
  });

  it('a README named on the command line is read like any file', async () => {
    const readme = join(dir, 'README.md');
    writeFileSync(readme, 'KABUL: A bomb exploded near a market on Monday, police said.\n');
    const [r] = await all([readme]);
    expect(r?.ok).toBe(true);
  });
});
