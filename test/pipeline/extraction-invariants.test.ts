import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/core/index.js';
import { findInvariantViolations, nameKey } from '../../src/core/index.js';
import { readInput } from '../../src/ingest/index.js';
import { extractDocument, loadResources } from '../../src/pipeline/index.js';
import { HAS_SHARED, ROOT, SHARED } from '../helpers/run-cli.js';

interface CaseDir {
  name: string;
  dir: string;
  args: { published?: string; title?: string; url?: string };
}

function casesIn(root: string): CaseDir[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => ({ name, dir: join(root, name) }))
    .filter((c) => existsSync(join(c.dir, 'case.json')))
    .map((c) => ({
      ...c,
      args:
        (JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')) as { args?: CaseDir['args'] }).args ?? {},
    }));
}

const cases = [...casesIn(join(ROOT, 'examples')), ...casesIn(join(SHARED, 'eval/cases'))];
const ownSchema = JSON.parse(readFileSync(join(ROOT, 'schema/extraction.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validateOwn = ajv.compile(ownSchema);
const validateContract = HAS_SHARED
  ? new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(join(SHARED, 'contract/extraction.schema.json'), 'utf8')) as object,
    )
  : null;

async function extract(c: CaseDir): Promise<{ x: Extraction; text: string }> {
  const file = ['article.txt', 'article.html'].map((f) => join(c.dir, f)).find((f) => existsSync(f))!;
  const doc = await readInput(file, c.args);
  return { x: extractDocument(doc, loadResources(), { includeText: true }), text: doc.text };
}

describe('extraction invariants over the example corpus and the eval cases', () => {
  it('has the example corpus', () => {
    expect(casesIn(join(ROOT, 'examples')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { x, text } = await extract(c);
    expect(validateOwn(x), JSON.stringify(validateOwn.errors?.slice(0, 3))).toBe(true);
    if (validateContract)
      expect(validateContract(x), JSON.stringify(validateContract.errors?.slice(0, 3))).toBe(true);
    expect(findInvariantViolations(x, text)).toEqual([]);
    expect(x.document.text).toBe(text);
    for (const e of x.entities) {
      const names = new Set([e.name, ...e.aliases].map(nameKey));
      for (const m of e.mentions)
        expect(
          names.has(nameKey(text.slice(m.start, m.end))),
          `${e.id} ${e.name}: "${text.slice(m.start, m.end)}"`,
        ).toBe(true);
    }
  });

  it('the invariant checker catches a broken span and a dangling reference', () => {
    const text = 'Kabul';
    const bad: Extraction = {
      schema: 'sitrep.extraction/1',
      document: { id: 'sha256:x', title: null, url: null, published: null, dateline: null, language: 'en' },
      entities: [
        {
          id: 'e1',
          type: 'location',
          name: 'Kabul',
          aliases: [],
          mentions: [{ start: 0, end: 9 }],
          kbId: null,
        },
      ],
      events: [],
      relations: [
        {
          id: 'r1',
          type: 'located_in',
          subject: 'e1',
          object: 'e9',
          modality: 'asserted',
          sources: [],
          evidence: [],
        },
      ],
      sources: [],
      claims: [],
    };
    expect(findInvariantViolations(bad, text)).toEqual([
      'e1 mention: span 0-9 outside text of 5',
      'r1.object: dangling reference e9',
    ]);
  });
});
