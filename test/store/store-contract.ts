import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/core/index.js';
import type { DocumentRecord, Store } from '../../src/store/index.js';
import { sampleRecord } from './fixtures.js';

/** The sample record with a leader, an area of operations, a source and a graded claim added. */
function richRecord(text?: string, title?: string, killed = 3): DocumentRecord {
  const base = sampleRecord(
    text ??
      'QUETTA: A roadside bomb killed three police officers in Quetta on Monday. The TTP claimed it, police said. Noor Wali Mehsud leads the TTP.',
    title,
  );
  const t = base.doc.text;
  const at = (s: string): { start: number; end: number } => ({
    start: t.indexOf(s),
    end: t.indexOf(s) + s.length,
  });
  const x = base.extraction;
  const extraction: Extraction = {
    ...x,
    entities: [
      ...x.entities,
      {
        id: 'e3',
        type: 'person',
        name: 'Noor Wali Mehsud',
        aliases: [],
        mentions: t.includes('Noor') ? [at('Noor Wali Mehsud')] : [],
        kbId: null,
      },
    ],
    events: x.events.map((ev) => ({ ...ev, fatalities: { min: killed, max: killed, text: null } })),
    relations: [
      ...x.relations,
      {
        id: 'r2',
        type: 'leader_of',
        subject: 'e3',
        object: 'e2',
        modality: 'asserted',
        sources: [],
        evidence: [at('TTP')],
      },
      {
        id: 'r3',
        type: 'operates_in',
        subject: 'e2',
        object: 'e1',
        modality: 'asserted',
        sources: [],
        evidence: [at('TTP')],
      },
    ],
    sources: [{ id: 's1', text: 'police', kind: 'official', reliability: 'B', mentions: [at('police')] }],
    claims: [
      {
        id: 'c1',
        evidence: at('The TTP claimed it'),
        source: 's1',
        modality: 'asserted',
        credibility: 2,
        about: ['ev1'],
      },
    ],
  };
  return { doc: base.doc, extraction };
}

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
      await store.saveDocument(
        sampleRecord(
          'KABUL: Talks on trade resumed, far from Quetta; the TTP was not mentioned.',
          'Trade talks',
        ),
      );
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
      const none = async (f: Parameters<Store['listEvents']>[0]): Promise<number> =>
        (await store.listEvents(f)).length;
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

    it('profiles an entity: aliases, affiliations, relations, graded claims, timeline and places', async () => {
      const store = await open();
      await store.saveDocument(richRecord());
      const p = await store.getEntityProfile('ttp');
      expect(p?.name).toBe('Tehreek-e-Taliban Pakistan');
      expect(p?.aliases).toContain('TTP');
      expect(p?.kbId).toBe('ttp');
      expect(p?.affiliations.map((r) => [r.type, r.direction, r.other.name])).toEqual([
        ['leader_of', 'in', 'Noor Wali Mehsud'],
      ]);
      expect(p?.relations.map((r) => r.type).sort()).toEqual(['leader_of', 'operates_in']);
      expect(p?.claims).toHaveLength(1);
      expect(p?.claims[0]).toMatchObject({
        text: 'The TTP claimed it',
        grade: 'B2',
        source: { text: 'police', kind: 'official' },
      });
      expect(p?.timeline.map((e) => e.role).sort()).toEqual(['claimant', 'perpetrator']);
      expect(p?.timeline[0]).toMatchObject({
        date: { start: '2024-05-13' },
        locationName: 'Quetta',
        fatalities: 3,
      });
      expect(p?.places.map((pl) => [pl.name, pl.link])).toEqual([
        ['Quetta', 'event'],
        ['Quetta', 'operates_in'],
      ]);
      expect(p?.recentDocuments).toHaveLength(1);
      expect(await store.getEntityProfile('no-such-key')).toBeNull();
      await store.close();
    });

    it('filters events by bounding box and entity, gives their coordinates, and counts them per week', async () => {
      const store = await open();
      await store.saveDocument(richRecord());
      const [ev] = await store.listEvents({ bbox: [60, 25, 70, 35] });
      expect(ev?.point).toEqual({ lat: 30.18, lon: 66.99, featureClass: 'city' });
      expect(await store.listEvents({ bbox: [0, 0, 10, 10] })).toEqual([]);
      expect(await store.listEvents({ entity: 'ttp' })).toHaveLength(1);
      expect(await store.listEvents({ entity: 'no-such-key' })).toHaveLength(0);
      expect(await store.listEvents({ offset: 1 })).toHaveLength(0);
      expect(await store.eventHistogram()).toEqual([
        { week: '2024-05-13', category: 'explosions_remote_violence', count: 1 },
      ]);
      expect(await store.eventHistogram({ type: 'battles' })).toEqual([]);
      await store.close();
    });

    it('finds entities by name prefix', async () => {
      const store = await open();
      await store.saveDocument(richRecord());
      expect((await store.listEntities({ prefix: 'tehr' })).map((e) => e.key)).toEqual(['ttp']);
      expect((await store.listEntities({ prefix: 'noor w' })).map((e) => e.name)).toEqual([
        'Noor Wali Mehsud',
      ]);
      expect(await store.listEntities({ prefix: 'zzz' })).toEqual([]);
      await store.close();
    });

    it('builds a relation graph between entities across documents', async () => {
      const store = await open();
      await store.saveDocument(richRecord());
      const g = await store.relationGraph();
      expect(g.nodes.map((n) => n.name).sort()).toEqual([
        'Noor Wali Mehsud',
        'Quetta',
        'Tehreek-e-Taliban Pakistan',
      ]);
      expect(g.edges.map((e) => e.type).sort()).toEqual(['leader_of', 'operates_in']);
      expect((await store.relationGraph({ type: 'leader_of' })).edges).toHaveLength(1);
      await store.close();
    });

    it('reports documents that disagree on the fatalities of one event', async () => {
      const store = await open();
      await store.saveDocument(richRecord());
      expect(await store.listContradictions()).toEqual([]);
      await store.saveDocument(
        richRecord(
          'QUETTA: A roadside bomb killed five police officers in Quetta on Monday. The TTP claimed it, police said.',
          'Five dead',
          5,
        ),
      );
      const [c] = await store.listContradictions();
      expect(c).toMatchObject({ kind: 'fatalities', date: '2024-05-13', place: { name: 'Quetta' } });
      expect(c?.reports.map((r) => r.fatalities).sort()).toEqual([3, 5]);
      await store.close();
    });

    it('corrects an entity type with an audit record, shows it everywhere, and reverts it', async () => {
      const store = await open();
      const { id } = await store.saveDocument(richRecord());
      const c = await store.applyCorrection(
        { kind: 'entity_type', key: 'ttp', type: 'organization' },
        { author: 'ana', note: 'test' },
      );
      expect(c).toMatchObject({
        author: 'ana',
        note: 'test',
        before: { type: 'group' },
        after: { type: 'organization' },
        revertedAt: null,
      });
      expect((await store.listEntities({ name: 'TTP' }))[0]?.type).toBe('organization');
      expect((await store.getDocument(id))?.extraction.entities.find((e) => e.id === 'e2')?.type).toBe(
        'organization',
      );
      const r = await store.revertCorrection(c.id, { author: 'bo' });
      expect(r.revertedBy).toBe('bo');
      expect((await store.listEntities({ name: 'TTP' }))[0]?.type).toBe('group');
      await expect(store.revertCorrection(c.id, { author: 'bo' })).rejects.toThrow(/already reverted/);
      expect((await store.listCorrections()).map((x) => x.id)).toEqual([c.id]);
      await expect(
        store.applyCorrection({ kind: 'entity_type', key: 'nope', type: 'group' }, { author: 'a' }),
      ).rejects.toThrow(/no entity/);
      await store.close();
    });

    it('merges and splits entities, and reverting restores them', async () => {
      const store = await open();
      const a = await store.saveDocument(richRecord());
      const b = await store.saveDocument(
        richRecord('QUETTA: Noor Wali Mehsud spoke. The TTP was quiet in Quetta.', 'Quiet'),
      );
      const noor = (await store.listEntities({ name: 'Noor Wali Mehsud' }))[0]!.key;
      const merge = await store.applyCorrection(
        { kind: 'merge_entities', from: noor, into: 'ttp' },
        { author: 'ana' },
      );
      expect(await store.listEntities({ name: 'Noor Wali Mehsud' })).toHaveLength(1);
      expect((await store.listEntities({ name: 'Noor Wali Mehsud' }))[0]?.key).toBe('ttp');
      await store.revertCorrection(merge.id, { author: 'ana' });
      expect((await store.listEntities({ name: 'Noor Wali Mehsud' }))[0]?.key).toBe(noor);
      const split = await store.applyCorrection(
        { kind: 'split_entity', key: 'ttp', docIds: [b.id] },
        { author: 'ana' },
      );
      const after = split.after as { newKey: string };
      expect((await store.getEntityProfile('ttp'))?.documents).toBe(1);
      expect((await store.getEntityProfile(after.newKey))?.documents).toBe(1);
      expect((await store.getDocument(a.id))?.extraction.entities.find((e) => e.id === 'e2')?.key).toBe(
        'ttp',
      );
      await expect(
        store.applyCorrection({ kind: 'split_entity', key: 'ttp', docIds: [a.id] }, { author: 'ana' }),
      ).rejects.toThrow(/at least one/);
      await store.revertCorrection(split.id, { author: 'ana' });
      expect((await store.getEntityProfile('ttp'))?.documents).toBe(2);
      await store.close();
    });

    it('edits an event, keeps the edit when the document is re-ingested, and reverts it', async () => {
      const store = await open();
      const { id } = await store.saveDocument(richRecord());
      const fields = {
        type: 'suicide_bomb',
        fatalities: 4,
        date: { start: '2024-05-12', end: '2024-05-12', precision: 'day' },
      } as const;
      const c = await store.applyCorrection(
        { kind: 'edit_event', docId: id, eventId: 'ev1', fields },
        { author: 'ana' },
      );
      expect((c.before as { type: string }).type).toBe('remote_explosive_landmine_ied');
      const check = async (): Promise<void> => {
        const [ev] = await store.listEvents({ type: 'suicide_bomb' });
        expect(ev?.event).toMatchObject({
          category: 'explosions_remote_violence',
          fatalities: { min: 4 },
          date: { start: '2024-05-12' },
        });
        expect((await store.getDocument(id))?.extraction.events[0]?.type).toBe('suicide_bomb');
      };
      await check();
      await store.saveDocument(richRecord());
      await check();
      await expect(
        store.applyCorrection(
          {
            kind: 'edit_event',
            docId: id,
            eventId: 'ev1',
            fields: { category: 'battles', type: 'suicide_bomb' },
          },
          { author: 'ana' },
        ),
      ).rejects.toThrow(/not a sub-event type/);
      await store.revertCorrection(c.id, { author: 'ana' });
      expect((await store.listEvents())[0]?.event).toMatchObject({
        type: 'remote_explosive_landmine_ied',
        fatalities: { min: 3 },
      });
      await store.close();
    });
  });
}
