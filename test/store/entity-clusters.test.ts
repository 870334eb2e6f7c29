/**
 * Cross-document identity of unknown names: documents naming the same unknown person are kept
 * together when they share context (actors, other names, provinces) and apart when their places
 * have no country in common; every decision has a reason, survives re-ingestion and yields to
 * analysts' merges and splits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity, Geo } from '../../src/core/index.js';
import { documentId } from '../../src/core/index.js';
import type { DocumentRecord } from '../../src/store/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { documentContext, nearCells } from '../../src/store/sqlite/entity-clusters.js';
import { tempStore } from '../fusion/helpers.js';
import { sampleRecord } from './fixtures.js';

const PLACES: Record<string, Geo> = {
  Quetta: {
    lat: 30.18,
    lon: 66.99,
    countryCode: 'PK',
    admin1: 'Balochistan',
    admin2: 'Quetta',
    featureClass: 'city',
    geonamesId: 1167528,
  },
  Peshawar: {
    lat: 34.0,
    lon: 71.57,
    countryCode: 'PK',
    admin1: 'Khyber Pakhtunkhwa',
    admin2: 'Peshawar',
    featureClass: 'city',
    geonamesId: 1168197,
  },
  Khost: {
    lat: 33.34,
    lon: 69.92,
    countryCode: 'AF',
    admin1: 'Khowst',
    admin2: 'Khost',
    featureClass: 'city',
    geonamesId: 1444362,
  },
  Miramshah: {
    lat: 33.0,
    lon: 70.07,
    countryCode: 'PK',
    admin1: 'Khyber Pakhtunkhwa',
    admin2: 'North Waziristan',
    featureClass: 'city',
    geonamesId: 1170221,
  },
  Maiduguri: {
    lat: 11.85,
    lon: 13.16,
    countryCode: 'NG',
    admin1: 'Borno',
    admin2: 'Maiduguri',
    featureClass: 'city',
    geonamesId: 2331447,
  },
};

/** A document whose text names each given entity once; places get their coordinates, KB ids are kept. */
function record(
  text: string,
  names: readonly { name: string; type: Entity['type']; kbId?: string }[],
): DocumentRecord {
  const base = sampleRecord(
    'QUETTA: A roadside bomb killed three police officers in Quetta on Monday. The TTP claimed it.',
  );
  const entities: Entity[] = names.map((n, i) => {
    const start = text.indexOf(n.name);
    if (start < 0) throw new Error(`text lacks ${n.name}`);
    const geo = n.type === 'location' ? PLACES[n.name] : undefined;
    return {
      id: `e${i + 1}`,
      type: n.type,
      name: n.name,
      aliases: [],
      mentions: [{ start, end: start + n.name.length }],
      kbId: n.kbId ?? (geo ? `geonames:${geo.geonamesId}` : null),
      ...(geo ? { geo } : {}),
    };
  });
  return {
    doc: { ...base.doc, text, dateline: null, datelineSpan: null },
    extraction: {
      ...base.extraction,
      document: { ...base.extraction.document, id: documentId(text), dateline: null },
      entities,
      events: [],
      relations: [],
      sources: [],
      claims: [],
    },
  };
}

const RAFIQ = { name: 'Ahmed Rafiq', type: 'person' as const };
const TTP = { name: 'TTP', type: 'group' as const, kbId: 'actor:ttp' };
const BOKO = { name: 'Boko Haram', type: 'group' as const, kbId: 'actor:boko-haram' };

const pakistanA = record('Police arrested Ahmed Rafiq of the TTP in Quetta.', [
  RAFIQ,
  TTP,
  { name: 'Quetta', type: 'location' },
]);
const pakistanB = record('Ahmed Rafiq, a TTP commander, was moved to Peshawar.', [
  RAFIQ,
  TTP,
  { name: 'Peshawar', type: 'location' },
]);
const nigeria = record('Troops killed Ahmed Rafiq of Boko Haram near Maiduguri.', [
  RAFIQ,
  BOKO,
  { name: 'Maiduguri', type: 'location' },
]);
const placeless = record('Ahmed Rafiq was named in a report.', [RAFIQ]);

async function keyIn(store: SqliteStore, rec: DocumentRecord, name: string): Promise<string> {
  const doc = await store.getDocument(rec.extraction.document.id);
  const row = store.db
    .prepare('SELECT entity_key FROM doc_entities WHERE doc_id = ? AND name = ?')
    .get(doc!.id, name) as { entity_key: string } | undefined;
  if (!row) throw new Error(`${name} not stored for the document`);
  return row.entity_key;
}

describe('clusters of unknown names by co-occurring context', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps documents sharing an actor together and sets apart one with no country in common', async () => {
    for (const r of [pakistanA, pakistanB, nigeria]) await store.saveDocument(r);
    const [a, b, n] = [
      await keyIn(store, pakistanA, 'Ahmed Rafiq'),
      await keyIn(store, pakistanB, 'Ahmed Rafiq'),
      await keyIn(store, nigeria, 'Ahmed Rafiq'),
    ];
    expect(b).toBe(a);
    expect(n).not.toBe(a);
    // The first cluster keeps the pipeline's key, so a single-context name is unchanged by clustering.
    expect(a).toMatch(/^ent:/);
    const decisions = await store.entityClusterDecisions(a);
    expect(decisions.map((d) => d.reason)).toEqual([
      'first document naming it',
      expect.stringContaining('kb:actor:ttp'),
      expect.stringContaining('no place near theirs (this document: cc:NG)'),
    ]);
    expect(decisions.every((d) => d.clustersOfName === 2)).toBe(true);
    // The KB actor is one entity whatever the context.
    expect(await keyIn(store, pakistanA, 'TTP')).toBe('actor:ttp');
    // Listing by name finds both people.
    const listed = await store.listEntities({ name: 'Ahmed Rafiq' });
    expect(listed.map((e) => e.key).sort()).toEqual([a, n].sort());
  });

  it('keeps together a man reported across a border, a few hundred km away', async () => {
    const khost = record('Karim Zadran was killed in Khost.', [
      { name: 'Karim Zadran', type: 'person' },
      { name: 'Khost', type: 'location' },
    ]);
    const miramshah = record('Karim Zadran is alive and hiding near Miramshah.', [
      { name: 'Karim Zadran', type: 'person' },
      { name: 'Miramshah', type: 'location' },
    ]);
    for (const r of [khost, miramshah]) await store.saveDocument(r);
    expect(await keyIn(store, miramshah, 'Karim Zadran')).toBe(await keyIn(store, khost, 'Karim Zadran'));
    const [, second] = await store.entityClusterDecisions(await keyIn(store, khost, 'Karim Zadran'));
    expect(second?.reason).toMatch(/places near/);
  });

  it('nearCells covers the neighbourhood and wraps at the antimeridian', () => {
    const cells = nearCells(['cell:16:34', 'kb:actor:x']);
    expect(cells).toHaveLength(25);
    expect(cells).toContain('cell:14:32');
    expect(cells).toContain('cell:18:36');
    expect(nearCells(['cell:-9:89'])).toContain('cell:-9:-90');
  });

  it('a document without places joins the cluster seen in most documents', async () => {
    for (const r of [pakistanA, pakistanB, nigeria, placeless]) await store.saveDocument(r);
    expect(await keyIn(store, placeless, 'Ahmed Rafiq')).toBe(await keyIn(store, pakistanA, 'Ahmed Rafiq'));
  });

  it('joins on a shared province even with different actors', async () => {
    const other = record('Ahmed Rafiq spoke in Quetta.', [RAFIQ, { name: 'Quetta', type: 'location' }]);
    for (const r of [nigeria, pakistanA, other]) await store.saveDocument(r);
    expect(await keyIn(store, other, 'Ahmed Rafiq')).toBe(await keyIn(store, pakistanA, 'Ahmed Rafiq'));
    expect(await keyIn(store, pakistanA, 'Ahmed Rafiq')).not.toBe(await keyIn(store, nigeria, 'Ahmed Rafiq'));
  });

  it('keeps a re-ingested document in its cluster, without counting it twice', async () => {
    for (const r of [pakistanA, nigeria]) await store.saveDocument(r);
    const before = await keyIn(store, nigeria, 'Ahmed Rafiq');
    await store.saveDocument(nigeria);
    expect(await keyIn(store, nigeria, 'Ahmed Rafiq')).toBe(before);
    const counts = store.db
      .prepare('SELECT cluster_key, documents FROM entity_clusters ORDER BY cluster_key')
      .all() as { documents: number }[];
    expect(counts.map((c) => c.documents)).toEqual([1, 1]);
    const feature = store.db
      .prepare("SELECT n FROM entity_cluster_features WHERE cluster_key = ? AND feature = 'cc:NG'")
      .get(before) as { n: number };
    expect(feature.n).toBe(1);
  });

  it('an analyst merge joins the clusters, holds for documents ingested later, and reverts', async () => {
    for (const r of [pakistanA, nigeria]) await store.saveDocument(r);
    const [pk, ng] = [
      await keyIn(store, pakistanA, 'Ahmed Rafiq'),
      await keyIn(store, nigeria, 'Ahmed Rafiq'),
    ];
    const c = await store.applyCorrection(
      { kind: 'merge_entities', from: ng, into: pk },
      { author: 'test', note: 'same man, moved to Nigeria' },
    );
    expect(await keyIn(store, nigeria, 'Ahmed Rafiq')).toBe(pk);
    // A later Nigerian report would found or join the Nigerian cluster; the merge carries it over.
    const later = record('Ahmed Rafiq of Boko Haram was seen near Maiduguri.', [
      RAFIQ,
      BOKO,
      { name: 'Maiduguri', type: 'location' },
    ]);
    await store.saveDocument(later);
    expect(await keyIn(store, later, 'Ahmed Rafiq')).toBe(pk);
    await store.revertCorrection(c.id, { author: 'test', note: 'not the same' });
    expect(await keyIn(store, nigeria, 'Ahmed Rafiq')).toBe(ng);
    expect(await keyIn(store, later, 'Ahmed Rafiq')).toBe(ng);
  });

  it('documentContext caps each kind of feature and leaves out the name itself', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `k${i}`,
      type: 'group' as const,
      name: `Group ${i}`,
      aliases: [],
      mentions: [],
      kbId: `actor:g${String(i).padStart(2, '0')}`,
    }));
    const ctx = documentContext([
      ...many,
      { id: 'p', type: 'person', name: 'Ahmed Rafiq', aliases: [], mentions: [], kbId: null },
    ]);
    const features = ctx.get('p')!;
    expect(features.filter((f) => f.startsWith('kb:'))).toHaveLength(8);
    expect(features.some((f) => f.includes('ahmed rafiq'))).toBe(false);
    expect(ctx.has('k0')).toBe(false);
  });
});

describe('clusters through the pipeline', () => {
  it('two reports of a Pakistani commander are one entity; a namesake in Nigeria is another', async () => {
    const { store, ingest, done } = tempStore();
    try {
      const [a, b, c] = await ingest(
        {
          text: 'QUETTA: Police arrested Zarif Gulzar, a commander of the Tehreek-e-Taliban Pakistan, in Quetta on Monday, officials said.',
          published: '2025-02-03',
          outlet: 'Dawn',
        },
        {
          text: 'PESHAWAR: Zarif Gulzar, the TTP commander arrested last week in Quetta, was moved to a jail in Peshawar, police said.',
          published: '2025-02-10',
          outlet: 'Express Tribune',
        },
        {
          text: 'MAIDUGURI: Nigerian troops killed Zarif Gulzar, a Boko Haram logistics chief, near Maiduguri in Borno State on Friday, the army said.',
          published: '2025-02-14',
          outlet: 'Premium Times',
        },
      );
      const keyOf = (docId: string): string | undefined =>
        (
          store.db
            .prepare("SELECT entity_key FROM doc_entities WHERE doc_id = ? AND name = 'Zarif Gulzar'")
            .get(docId) as { entity_key: string } | undefined
        )?.entity_key;
      expect(keyOf(a!)).toBeDefined();
      expect(keyOf(b!)).toBe(keyOf(a!));
      expect(keyOf(c!)).toBeDefined();
      expect(keyOf(c!)).not.toBe(keyOf(a!));
    } finally {
      await done();
    }
  });
});
