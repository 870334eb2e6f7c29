/** Extracting documents in a batch, stage by stage, gives what extracting them one at a time gives. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromText, readInput } from '../../src/ingest/index.js';
import { extractDocument, extractDocuments, loadResources } from '../../src/pipeline/index.js';

const res = loadResources();
const examples = join(import.meta.dirname, '../../examples');

describe('extractDocuments', () => {
  it('extracts every example as extractDocument does, in order', async () => {
    const dirs = readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory());
    const docs = await Promise.all(
      dirs.map(async (d) => {
        const dir = join(examples, d.name);
        const args =
          (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { args?: object }).args ?? {};
        return readInput(join(dir, 'article.txt'), args);
      }),
    );
    // a document the extractors cannot read sits among them and keeps its place
    docs.splice(
      3,
      0,
      documentFromText('Des hommes armés ont attaqué un poste de police mardi.', '-', 'text', {}),
    );
    const batch = extractDocuments(docs, res);
    expect(batch).toHaveLength(docs.length);
    expect(batch[3]?.problems?.[0]?.code).toBe('language_not_supported');
    batch.forEach((x, i) => expect(x).toEqual(extractDocument(docs[i]!, res)));
    expect(batch.some((x) => x.events.length > 0)).toBe(true);
  });

  it('takes an empty batch', () => {
    expect(extractDocuments([], res)).toEqual([]);
  });
});
