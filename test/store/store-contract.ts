import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { sampleRecord } from './fixtures.js';

/**
 * The contract every Store engine must meet. Each engine's test file calls this with a factory
 * that opens a fresh, empty store; the same assertions then hold for SQLite and PostgreSQL.
 */
export function describeStoreContract(engine: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${engine}`, () => {
    it('saves a document and reads it back by id and by prefix', async () => {
      const store = await open();
      const rec = sampleRecord();
      const res = await store.saveDocument(rec);
      expect(res).toEqual({ id: rec.extraction.document.id, created: true });
      const got = await store.getDocument(res.id);
      expect(got?.text).toBe(rec.doc.text);
      expect(got?.extraction.entities).toHaveLength(2);
      expect(got?.extraction.document.text).toBeUndefined();
      const byPrefix = await store.getDocument(res.id.slice('sha256:'.length, 'sha256:'.length + 10));
      expect(byPrefix?.id).toBe(res.id);
      expect(await store.getDocument('ffffffffffff')).toBeNull();
      await store.close();
    });

    it('is idempotent: the same text saved twice is one document, updated', async () => {
      const store = await open();
      await store.saveDocument(sampleRecord());
      const again = await store.saveDocument(sampleRecord(undefined, 'A new headline'));
      expect(again.created).toBe(false);
      expect(await store.countDocuments()).toBe(1);
      expect((await store.getDocument(again.id))?.title).toBe('A new headline');
      expect(await store.listEvents()).toHaveLength(1);
      expect((await store.listEntities()).find((e) => e.name === 'Quetta')?.documents).toBe(1);
      await store.close();
    });

    it('ranks full-text search and marks the matched words', async () => {
      const store = await open();
      await store.saveDocument(sampleRecord());
      await store.saveDocument(sampleRecord('KABUL: Talks on trade resumed, far from Quetta; the TTP was not mentioned.', 'Trade talks'));
      const hits = await store.search('roadside bomb');
      expect(hits).toHaveLength(1);
      expect(hits[0]?.snippet).toContain('\u0002roadside\u0003');
      expect(await store.search('"; DROP TABLE documents; --')).toEqual([]);
      expect(await store.countDocuments()).toBe(2);
      await store.close();
    });

    it('aggregates entities across documents by key, with aliases', async () => {
      const store = await open();
      await store.saveDocument(sampleRecord());
      await store.saveDocument(sampleRecord('QUETTA: The TTP said nothing. Quetta was calm.', 'Calm'));
      const ttp = (await store.listEntities({ type: 'group' }))[0];
      expect(ttp?.name).toBe('Tehreek-e-Taliban Pakistan');
      expect(ttp?.aliases).toContain('TTP');
      expect(ttp?.documents).toBe(2);
      expect(await store.listEntities({ name: 'ttp' })).toHaveLength(1);
      await store.close();
    });

    it('filters events by type, actor, place and date', async () => {
      const store = await open();
      await store.saveDocument(sampleRecord());
      const none = async (f: Parameters<Store['listEvents']>[0]): Promise<number> => (await store.listEvents(f)).length;
      expect(await none({ type: 'explosions_remote_violence' })).toBe(1);
      expect(await none({ type: 'remote_explosive_landmine_ied' })).toBe(1);
      expect(await none({ type: 'battles' })).toBe(0);
      expect(await none({ actor: 'TTP' })).toBe(1);
      expect(await none({ actor: 'ISKP' })).toBe(0);
      expect(await none({ place: 'Balochistan' })).toBe(1);
      expect(await none({ place: 'PK' })).toBe(1);
      expect(await none({ place: 'Kabul' })).toBe(0);
      expect(await none({ since: '2024-05-01', until: '2024-05-31' })).toBe(1);
      expect(await none({ since: '2024-06-01' })).toBe(0);
      const [ev] = await store.listEvents();
      expect(ev?.locationName).toBe('Quetta');
      expect(ev?.perpetratorNames).toEqual(['Tehreek-e-Taliban Pakistan']);
      expect(ev?.evidenceText).toContain('roadside bomb');
      await store.close();
    });
  });
}
