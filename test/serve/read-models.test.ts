/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- rows and bodies are untyped; the assertions check their shape */
// The read paths the API's speed rests on give exactly what the plain ones give: entity links kept
// by triggers equal a recount of relation_keys through saves, corrections, re-ingestion and
// deletion; profiles rank relations as the grouped query did; the map's lean rows make the same
// GeoJSON as full events; event listings name roles as the extraction does.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/index.js';
import { eventsToGeoJson, featureCollectionText } from '../../src/serve/geojson.js';
import type { EventFilter } from '../../src/store/index.js';
import { listEventFeaturesJson, listEventsJson } from '../../src/store/sqlite/event-filter.js';
import { cachedStatement } from '../../src/store/sqlite/statement-cache.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord } from './synthetic.js';

const WORLD = { groups: 5, people: 8, places: 14 };

/** entity_links as the triggers keep it, and recounted from relation_keys. */
function expectLinksExact(db: Database.Database, when: string): void {
  const kept = db
    .prepare(
      `SELECT entity_key, dir, type, other_key, other_name, n FROM entity_links
       ORDER BY entity_key, dir, type, other_key`,
    )
    .all();
  const recount = db
    .prepare(
      `SELECT g.*, (SELECT name FROM entity_stats WHERE entity_key = g.other_key) AS other_name_now FROM (
         SELECT subject_key AS entity_key, 'out' AS dir, type, object_key AS other_key, count(*) AS n
         FROM relation_keys WHERE subject_key <> object_key GROUP BY subject_key, type, object_key
         UNION ALL
         SELECT object_key, 'in', type, subject_key, count(*)
         FROM relation_keys WHERE subject_key <> object_key GROUP BY object_key, type, subject_key) g
       ORDER BY entity_key, dir, type, other_key`,
    )
    .all()
    .map((r: any) => ({
      entity_key: r.entity_key,
      dir: r.dir,
      type: r.type,
      other_key: r.other_key,
      other_name: r.other_name_now,
      n: r.n,
    }));
  expect(kept, when).toEqual(recount);
}

/** The profile's relations as the grouped query computed them before entity_links. */
function groupedRelations(db: Database.Database, key: string): any[] {
  return db
    .prepare(
      `SELECT g.type, g.dir, g.other_key, s.name AS other_name, g.n, g.modalities
       FROM (SELECT type, 'out' AS dir, object_key AS other_key, count(*) AS n,
                    json_group_array(DISTINCT modality) AS modalities
             FROM relation_keys WHERE subject_key = @key AND object_key <> @key GROUP BY type, object_key
             UNION ALL
             SELECT type, 'in', subject_key, count(*), json_group_array(DISTINCT modality)
             FROM relation_keys WHERE object_key = @key AND subject_key <> @key GROUP BY type, subject_key) g
       JOIN entity_stats s ON s.entity_key = g.other_key`,
    )
    .all({ key })
    .map((r: any) => ({
      type: r.type,
      direction: r.dir,
      key: r.other_key,
      name: r.other_name,
      count: r.n,
      modalities: JSON.parse(r.modalities),
    }));
}

async function filled(n: number): Promise<SqliteStore> {
  const store = openSqliteStore(':memory:');
  for (let i = 0; i < n; i++) await store.saveDocument(syntheticRecord(i, WORLD));
  return store;
}

describe('entity links', () => {
  it('stay equal to a recount of relation_keys through every kind of write', async () => {
    const store = await filled(40);
    expectLinksExact(store.db, 'saves');
    const [a, b] = await store.listEntities({ type: 'group', limit: 2 });
    const merge = await store.applyCorrection(
      { kind: 'merge_entities', from: b!.key, into: a!.key },
      { author: 't' },
    );
    expectLinksExact(store.db, 'merge');
    const [person] = await store.listEntities({ type: 'person', limit: 1 });
    const docs = store.db
      .prepare('SELECT DISTINCT doc_id FROM doc_entities WHERE entity_key = ? LIMIT 2')
      .pluck()
      .all(person!.key) as string[];
    await store.applyCorrection({ kind: 'split_entity', key: person!.key, docIds: docs }, { author: 't' });
    expectLinksExact(store.db, 'split');
    await store.applyCorrection({ kind: 'entity_type', key: a!.key, type: 'organization' }, { author: 't' });
    expectLinksExact(store.db, 'type change');
    await store.saveDocument(syntheticRecord(3, WORLD));
    expectLinksExact(store.db, 're-ingestion under corrections');
    await store.revertCorrection(merge.id, { author: 't' });
    expectLinksExact(store.db, 'revert');
    store.db.prepare('DELETE FROM documents WHERE id IN (SELECT id FROM documents LIMIT 11)').run();
    expectLinksExact(store.db, 'deletion');
    store.db.prepare('DELETE FROM documents').run();
    expect(store.db.prepare('SELECT count(*) FROM entity_links').pluck().get()).toBe(0);
    await store.close();
  });

  it('rank a profile’s relations as grouping every relation row did', async () => {
    const store = await filled(60);
    for (const e of await store.listEntities({ limit: 30 })) {
      const profile = await store.getEntityProfile(e.key, { limit: 1000 });
      const got = profile!.relations.map((r) => ({
        type: r.type,
        direction: r.direction,
        key: r.other.key,
        name: r.other.name,
        count: r.count,
        modalities: r.modalities,
      }));
      const want = groupedRelations(store.db, e.key);
      // Same rows; ordered by count, then the other entity's name (ties beyond that in any order).
      const order = (x: any, y: any): number =>
        y.count - x.count ||
        x.name.localeCompare(y.name) ||
        `${x.direction}${x.type}${x.key}`.localeCompare(`${y.direction}${y.type}${y.key}`);
      expect([...got].sort(order), e.key).toEqual([...want].sort(order));
      for (let i = 1; i < got.length; i++) {
        const [p, q] = [got[i - 1]!, got[i]!];
        expect(p.count > q.count || (p.count === q.count && p.name <= q.name), e.key).toBe(true);
      }
      for (const r of profile!.relations) expect(r.docIds.length).toBeGreaterThan(0);
    }
    await store.close();
  });
});

describe('event reads', () => {
  const filters: EventFilter[] = [
    {},
    { limit: 7, offset: 3 },
    { bbox: [60, 20, 75, 36] },
    { bbox: [170, -10, -170, 10] },
    { place: 'PK' },
    { actor: 'TTP', since: '2024-03-01' },
    { type: 'battles' },
    { type: 'suicide_bomb', until: '2024-09-30' },
  ];

  it('write listings and maps as JSON text equal to the listed events, corrections included', async () => {
    const store = await filled(50);
    const [ev] = await store.listEvents({ limit: 1 });
    await store.applyCorrection(
      {
        kind: 'edit_event',
        docId: ev!.docId,
        eventId: ev!.event.id,
        fields: { type: 'armed_clash', fatalities: 7, injured: null, modality: 'claimed' },
      },
      { author: 't' },
    );
    const [a, b] = await store.listEntities({ type: 'group', limit: 2 });
    await store.applyCorrection({ kind: 'merge_entities', from: b!.key, into: a!.key }, { author: 't' });
    // An event without a location and one whose label row is gone still list as listEvents has them.
    store.db
      .prepare('UPDATE events SET location_id = NULL WHERE rowid = (SELECT max(rowid) FROM events)')
      .run();
    store.db
      .prepare(
        'DELETE FROM event_labels WHERE (doc_id, event_id) = (SELECT doc_id, event_id FROM event_labels LIMIT 1)',
      )
      .run();
    let compared = 0;
    for (const f of [...filters, { entity: a!.key }, { entity: 'ttp', until: '2024-06-30' } as EventFilter]) {
      const events = await store.listEvents(f);
      expect(JSON.parse(listEventsJson(store.db, f)), JSON.stringify(f)).toEqual(events);
      const text = featureCollectionText(listEventFeaturesJson(store.db, f));
      expect(JSON.parse(text), JSON.stringify(f)).toEqual(eventsToGeoJson(events));
      compared += events.length;
    }
    expect(compared).toBeGreaterThan(100);
    // The routes answer with that text.
    const app = createApp({ store, webRoot: null });
    const list = await app.request('/api/events?type=battles&limit=30');
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await list.json()).toEqual({ items: await store.listEvents({ type: 'battles', limit: 30 }) });
    const map = await app.request('/api/events/geojson?bbox=60,20,75,36&limit=40');
    expect(map.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(await map.json()).toEqual(
      eventsToGeoJson(await store.listEvents({ bbox: [60, 20, 75, 36], limit: 40 })),
    );
    await store.close();
  });

  it('give a profile’s timeline the corrected event fields and location names', async () => {
    const store = await filled(40);
    const [group] = await store.listEntities({ type: 'group', limit: 1 });
    const events = await store.listEvents({ entity: group!.key, limit: 1000 });
    const target = events[0]!;
    await store.applyCorrection(
      {
        kind: 'edit_event',
        docId: target.docId,
        eventId: target.event.id,
        fields: { type: 'armed_clash', fatalities: 11, modality: 'claimed' },
      },
      { author: 't' },
    );
    const profile = await store.getEntityProfile(group!.key, { limit: 1000 });
    const byId = new Map(
      (await store.listEvents({ entity: group!.key, limit: 1000 })).map((e) => [
        `${e.docId}#${e.event.id}`,
        e,
      ]),
    );
    expect(profile!.timeline.length).toBeGreaterThan(3);
    for (const t of profile!.timeline) {
      const e = byId.get(`${t.docId}#${t.eventId}`)!;
      expect(t).toMatchObject({
        date: { start: e.event.date.start, end: e.event.date.end, precision: e.event.date.precision },
        category: e.event.category,
        type: e.event.type,
        locationName: e.locationName,
        fatalities: e.event.fatalities?.min ?? null,
        modality: e.event.modality,
      });
    }
    const edited = profile!.timeline.find((t) => t.docId === target.docId && t.eventId === target.event.id);
    expect(edited).toMatchObject({
      type: 'armed_clash',
      category: 'battles',
      fatalities: 11,
      modality: 'claimed',
    });
    await store.close();
  });

  it('compile each statement once per connection and kind of row', async () => {
    const store = await filled(3);
    const other = openSqliteStore(':memory:');
    const sql = 'SELECT doc_id, local_id FROM events ORDER BY doc_id LIMIT 2';
    const rows = cachedStatement(store.db, sql);
    expect(cachedStatement(store.db, sql)).toBe(rows);
    expect(cachedStatement(other.db, sql)).not.toBe(rows);
    const pluck = cachedStatement(store.db, sql, 'pluck');
    const raw = cachedStatement(store.db, sql, 'raw');
    expect(new Set([rows, pluck, raw]).size).toBe(3);
    const first = rows.get() as { doc_id: string; local_id: string };
    expect(pluck.get()).toBe(first.doc_id);
    expect(raw.get()).toEqual([first.doc_id, first.local_id]);
    await Promise.all([store.close(), other.close()]);
  });

  it('name every role and the location as the document’s extraction does, through corrections', async () => {
    const store = await filled(30);
    const [first] = await store.listEvents({ limit: 1 });
    await store.applyCorrection(
      { kind: 'edit_event', docId: first!.docId, eventId: first!.event.id, fields: { fatalities: 3 } },
      { author: 't' },
    );
    const [a, b] = await store.listEntities({ type: 'group', limit: 2 });
    await store.applyCorrection({ kind: 'merge_entities', from: b!.key, into: a!.key }, { author: 't' });
    await store.saveDocument(syntheticRecord(2, WORLD));
    store.db.prepare('DELETE FROM documents WHERE id IN (SELECT id FROM documents LIMIT 4)').run();
    expect(store.db.prepare('SELECT count(*) FROM event_labels').pluck().get()).toBe(
      store.db.prepare('SELECT count(*) FROM events').pluck().get(),
    );
    for (const e of await store.listEvents({ limit: 1000 })) {
      const doc = await store.getDocument(e.docId);
      const names = new Map(doc!.extraction.entities.map((x) => [x.id, x.name]));
      const nameOf = (id: string): string => names.get(id) ?? id;
      expect(e.perpetratorNames).toEqual(e.event.perpetrators.map(nameOf));
      expect(e.targetNames).toEqual(e.event.targets.map(nameOf));
      expect(e.claimedByNames).toEqual(e.event.claimedBy.map(nameOf));
      expect(e.locationName).toBe(e.event.location ? (names.get(e.event.location) ?? null) : null);
    }
    await store.close();
  });

  it('list an entity’s or a place’s events once each, newest first, within the dates asked', async () => {
    const store = await filled(80);
    const all = await store.listEvents({ limit: 1000 });
    const id = (e: { docId: string; event: { id: string } }): string => `${e.docId}#${e.event.id}`;
    const inRange = (e: (typeof all)[number], since?: string, until?: string): boolean =>
      (!since || (e.event.date.end ?? e.event.date.start ?? '') >= since) &&
      (!until || (e.event.date.start !== null && e.event.date.start <= until));
    for (const key of [
      'ttp',
      'iskp',
      ...(await store.listEntities({ type: 'location', limit: 3 })).map((e) => e.key),
    ]) {
      const mine = new Set(
        (
          store.db
            .prepare('SELECT doc_id, event_id FROM event_entities WHERE entity_key = ?')
            .all(key) as any[]
        ).map((r) => `${r.doc_id}#${r.event_id}`),
      );
      expect(mine.size, key).toBeGreaterThan(0);
      for (const [since, until] of [
        [undefined, undefined],
        ['2024-03-01', '2024-08-31'],
        [undefined, '2024-05-31'],
      ] as const) {
        const want = all.filter((e) => mine.has(id(e)) && inRange(e, since, until)).map(id);
        const got = await store.listEvents({
          entity: key,
          limit: 1000,
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
        });
        expect(got.map(id), `${key} ${since} ${until}`).toEqual(want);
      }
    }
    const pk = await store.listEvents({ place: 'PK', limit: 1000 });
    const spring = await store.listEvents({
      place: 'PK',
      since: '2024-03-01',
      until: '2024-05-31',
      limit: 1000,
    });
    expect(spring.length).toBeGreaterThan(0);
    expect(spring.map(id)).toEqual(pk.filter((e) => inRange(e, '2024-03-01', '2024-05-31')).map(id));
    await store.close();
  });

  it('find exactly the events inside a box, small or large, across the equator, the prime meridian and the antimeridian', async () => {
    const store = await filled(120);
    const all = await store.listEvents({ limit: 1000 });
    const id = (e: (typeof all)[number]): string => `${e.docId}#${e.event.id}`;
    const boxes: [number, number, number, number][] = [
      [66, 29, 68, 31],
      [-1.5, 15, 1.5, 18],
      [25, -5, 35, 2],
      [60, 20, 75, 36],
      [-180, -90, 180, 90],
      [170, -10, -170, 10],
      [60, -90, 50, 90],
      [0, 0, 0.001, 0.001],
    ];
    // Tight boxes around single events: a box that picked the wrong cells would miss them.
    for (const x of all.filter((x) => x.point).slice(0, 25))
      boxes.push([x.point!.lon - 0.001, x.point!.lat - 0.001, x.point!.lon + 0.001, x.point!.lat + 0.001]);
    for (const [w, s, e, n] of boxes) {
      const inside = (x: (typeof all)[number]): boolean =>
        !!x.point &&
        x.point.lat >= s &&
        x.point.lat <= n &&
        (w <= e ? x.point.lon >= w && x.point.lon <= e : x.point.lon >= w || x.point.lon <= e);
      const want = all.filter(inside).map(id);
      const got = await store.listEvents({ bbox: [w, s, e, n], limit: 1000 });
      expect(got.map(id), `${w},${s},${e},${n}`).toEqual(want);
      const typed = await store.listEvents({ bbox: [w, s, e, n], type: 'battles', limit: 1000 });
      expect(typed.map(id)).toEqual(all.filter((x) => inside(x) && x.event.category === 'battles').map(id));
      const paged = await store.listEvents({ bbox: [w, s, e, n], limit: 3, offset: 2 });
      expect(paged.map(id)).toEqual(want.slice(2, 5));
    }
    await store.close();
  });
});
