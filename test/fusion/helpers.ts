/** Runs team-written articles through the real pipeline into a temporary SQLite store. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/index.js';
import { ingestDocument, loadResources } from '../../src/pipeline/index.js';
import type { PipelineResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';

let resources: PipelineResources | null = null;

/** An article as an outlet publishes it. */
export interface Article {
  readonly text: string;
  readonly published: string;
  readonly outlet: string;
  readonly title?: string;
}

/** A fresh store in a temp file, and a function that ingests articles into it through the pipeline. */
export function tempStore(): {
  store: SqliteStore;
  ingest: (...a: Article[]) => Promise<string[]>;
  done: () => Promise<void>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-fusion-'));
  const store = openSqliteStore(join(dir, 'test.db'));
  resources ??= loadResources();
  const res = resources;
  const ingest = async (...articles: Article[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const a of articles) {
      const doc = documentFromText(a.text, `test:${a.outlet}`, 'text', {
        published: a.published,
        outlet: a.outlet,
        title: a.title ?? null,
      });
      ids.push((await ingestDocument(store, doc, res)).id);
    }
    return ids;
  };
  const done = async (): Promise<void> => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, ingest, done };
}

/** An example of the project's corpus with the publication date and title its case.json gives. */
export function exampleArticle(name: string): Article {
  const dir = join(import.meta.dirname, '../../examples', name);
  const args = (
    JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { args: { published: string; title: string } }
  ).args;
  return {
    text: readFileSync(join(dir, 'article.txt'), 'utf8'),
    published: args.published,
    outlet: name,
    title: args.title,
  };
}
