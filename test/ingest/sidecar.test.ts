import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sidecar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = 'KABUL: A roadside bomb killed two soldiers in Kabul on Monday, officials said.\n';

describe('sidecar metadata for plain files', () => {
  it('reads <file>.meta.json, and command-line values win over it', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, TEXT);
    writeFileSync(
      `${file}.meta.json`,
      JSON.stringify({ title: 'Bomb in Kabul', published: '2024-05-14', outlet: 'Wire' }),
    );
    const doc = await readInput(file);
    expect([doc.title, doc.published, doc.outlet]).toEqual(['Bomb in Kabul', '2024-05-14', 'Wire']);
    const overridden = await readInput(file, { published: '2024-06-01' });
    expect(overridden.published).toBe('2024-06-01');
    expect(overridden.title).toBe('Bomb in Kabul');
  });

  it("reads the args of a case.json beside the article (the example corpus's format)", async () => {
    const caseDir = join(dir, 'case');
    mkdirSync(caseDir);
    writeFileSync(join(caseDir, 'article.txt'), TEXT);
    writeFileSync(
      join(caseDir, 'case.json'),
      JSON.stringify({ args: { published: '2024-11-10', title: 'T' }, entities: [] }),
    );
    const doc = await readInput(join(caseDir, 'article.txt'));
    expect([doc.published, doc.title]).toEqual(['2024-11-10', 'T']);
  });

  it('a malformed sidecar is a clear error naming it, and no sidecar changes nothing', async () => {
    const bad = join(dir, 'b.txt');
    writeFileSync(bad, TEXT);
    writeFileSync(`${bad}.meta.json`, '{ not json');
    await expect(readInput(bad)).rejects.toThrow(/b\.txt\.meta\.json: not valid JSON/);
    const plain = join(dir, 'c.txt');
    writeFileSync(plain, TEXT);
    expect((await readInput(plain)).published).toBeNull();
  });
});
