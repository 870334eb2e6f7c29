import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { sampleRecord } from './fixtures.js';
import { describeStoreContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', () => Promise.resolve(openSqliteStore(join(dir, `t${n++}.db`))));

describe('sqlite specifics', () => {
  it('uses WAL and records applied migrations; reopening does not re-run them', async () => {
    const path = join(dir, 'wal.db');
    const store = openSqliteStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Checkpoints every ~100 documents rather than every ~10 (see openSqliteStore).
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    await store.saveDocument(sampleRecord());
    await store.close();
    const again = openSqliteStore(path);
    const versions = again.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(migrations.map((m) => ({ version: m.version })));
    expect(await again.countDocuments()).toBe(1);
    await again.close();
  });

  it('stores the story with the document row; the full-text index changes only with title or text', async () => {
    const store = openSqliteStore(join(dir, 'fts.db'));
    const rec = sampleRecord();
    const id = rec.extraction.document.id;
    await store.saveDocument({
      ...rec,
      story: { storyId: 'story:a', fingerprint: { exactKey: 'k-a', signature: 'sig', bands: ['b1', 'b2'] } },
    });
    expect(
      store.db.prepare('SELECT story_id, exact_key, near_signature FROM documents WHERE id = ?').get(id),
    ).toEqual({ story_id: 'story:a', exact_key: 'k-a', near_signature: 'sig' });
    expect(
      store.db.prepare('SELECT band FROM document_bands WHERE doc_id = ? ORDER BY band').pluck().all(id),
    ).toEqual(['b1', 'b2']);
    const ftsRows = (): unknown => store.db.prepare('SELECT count(*) FROM documents_fts_data').pluck().get();
    const before = ftsRows();
    store.db.prepare("UPDATE documents SET story_id = 'story:b', outlet = 'X' WHERE id = ?").run(id);
    expect(ftsRows()).toBe(before);
    const word = 'roadside'; // in the text, not the title
    expect(rec.doc.text).toContain(word);
    expect((await store.search(word)).map((h) => h.docId)).toEqual([id]);
    store.db.prepare("UPDATE documents SET text = 'Nothing but zanzibarite here.' WHERE id = ?").run(id);
    expect((await store.search('zanzibarite')).map((h) => h.docId)).toEqual([id]);
    expect(await store.search(word)).toEqual([]);
    await store.close();
  });

  it('rolls back a document whose write fails half-way, leaving earlier data intact', async () => {
    const store = openSqliteStore(join(dir, 'atomic.db'));
    await store.saveDocument(sampleRecord());
    const bad = sampleRecord('QUETTA: Another text entirely about Quetta and the TTP.', 'Bad');
    // A relation row with a NULL subject violates NOT NULL after the document row is written.
    const broken = {
      ...bad,
      extraction: {
        ...bad.extraction,
        relations: [{ ...bad.extraction.relations[0]!, subject: null as unknown as string }],
      },
    };
    await expect(store.saveDocument(broken)).rejects.toThrow();
    expect(await store.countDocuments()).toBe(1);
    expect(await store.getDocument(bad.extraction.document.id)).toBeNull();
    expect(store.db.prepare('SELECT count(*) AS n FROM doc_entities').get()).toEqual({ n: 2 });
    await store.close();
  });
});
