/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON; the assertions check their shape */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord, testIngester } from './synthetic.js';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  for (let i = 0; i < 40; i++) await store.saveDocument(syntheticRecord(i));
  app = createApp({ store, ingest: testIngester, webRoot: null });
});
afterAll(() => store.close());

const get = async (path: string): Promise<{ status: number; body: any; headers: Headers }> => {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers };
};
const send = async (method: string, path: string, body: unknown): Promise<{ status: number; body: any }> => {
  const res = await app.request(path, {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-sitrep-user': 'tester' },
  });
  return { status: res.status, body: await res.json() };
};

describe('HTTP API', () => {
  it('lists and reads documents, with a strict CSP on every response', async () => {
    const list = await get('/api/documents?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(40);
    expect(list.body.items).toHaveLength(5);
    expect(list.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(list.headers.get('content-security-policy')).toContain("default-src 'self'");
    const id = list.body.items[0].id as string;
    const doc = await get(`/api/documents/${id.slice(7, 19)}`);
    expect(doc.body.id).toBe(id);
    expect(doc.body.extraction.entities.length).toBeGreaterThan(1);
    expect((await get('/api/documents/ffffffffffff')).body.error.code).toBe('not_found');
  });

  it('validates requests and answers errors as JSON with a code', async () => {
    const bad = await get('/api/events?since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.message).toMatch(/since/);
    expect((await get('/api/events?bbox=1,2,3')).status).toBe(400);
    expect((await get('/api/nope')).body.error.code).toBe('not_found');
    const notJson = await app.request('/api/documents', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
  });

  it('searches documents and entity names', async () => {
    const r = await get('/api/search?q=Quetta');
    expect(r.body.documents.length).toBeGreaterThan(0);
    expect(r.body.documents[0].snippet).toContain('\u0002');
    const e = await get('/api/search?q=tehreek');
    expect(e.body.entities[0].key).toBe('ttp');
  });

  it('lists entities and profiles one', async () => {
    const groups = await get('/api/entities?type=group');
    expect(groups.body.items.length).toBeGreaterThan(1);
    const key = groups.body.items[0].key as string;
    const p = await get(`/api/entities/${encodeURIComponent(key)}`);
    expect(p.status).toBe(200);
    expect(p.body.aliases.length).toBeGreaterThan(0);
    expect(p.body.claims[0].grade).toMatch(/^[A-F?][1-6]$/);
    expect(p.body.timeline.length).toBeGreaterThan(0);
    expect(p.body.places.length).toBeGreaterThan(0);
    expect(p.body.affiliations.some((a: any) => a.type === 'member_of')).toBe(true);
    expect((await get('/api/entities/unknown-key')).status).toBe(404);
  });

  it('filters events and serves them as GeoJSON with the precision of each place', async () => {
    const all = await get('/api/events?limit=1000');
    expect(all.body.items).toHaveLength(40);
    const box = await get('/api/events?bbox=60,24,78,37&limit=1000');
    expect(box.body.items.length).toBeGreaterThan(0);
    expect(box.body.items.length).toBeLessThan(40);
    for (const e of box.body.items) expect(['PK', 'AF', 'IN']).toContain(e.countryCode);
    const dated = await get('/api/events?since=2024-06-01&until=2024-06-30');
    for (const e of dated.body.items) expect(e.event.date.start.slice(0, 7)).toBe('2024-06');
    const res = await app.request('/api/events/geojson?limit=1000');
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as any;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(40);
    expect(fc.features[0].geometry.coordinates).toHaveLength(2);
    expect(new Set(fc.features.map((f: any) => f.properties.precision))).toContain('city');
    const hist = await get('/api/events/histogram');
    expect(hist.body.items.reduce((n: number, w: any) => n + w.count, 0)).toBe(40);
  });

  it('serves the relation graph and contradictions', async () => {
    const g = await get('/api/graph');
    expect(g.body.nodes.length).toBeGreaterThan(2);
    expect(g.body.edges.every((e: any) => g.body.nodes.some((n: any) => n.key === e.source))).toBe(true);
    expect(Array.isArray((await get('/api/contradictions')).body.items)).toBe(true);
  });

  it('edits an event and reverts it, with an audit record of who, when, before and after', async () => {
    const [ev] = (await get('/api/events?limit=1')).body.items;
    const edit = await send('PATCH', `/api/events/${ev.docId}/${ev.event.id}`, {
      fields: { fatalities: 99 },
      note: 'recount',
    });
    expect(edit.status).toBe(200);
    expect(edit.body.correction).toMatchObject({
      author: 'tester',
      note: 'recount',
      after: { fatalities: { min: 99 } },
    });
    expect(edit.body.correction.before.fatalities.min).toBe(ev.event.fatalities.min);
    const doc = await get(`/api/documents/${ev.docId}`);
    expect(doc.body.extraction.events[0].fatalities.min).toBe(99);
    const log = await get('/api/corrections');
    expect(log.body.items[0].id).toBe(edit.body.correction.id);
    const rev = await send('POST', `/api/corrections/${edit.body.correction.id}/revert`, {});
    expect(rev.body.revertedBy).toBe('tester');
    expect((await get(`/api/documents/${ev.docId}`)).body.extraction.events[0].fatalities.min).toBe(
      ev.event.fatalities.min,
    );
    expect((await send('POST', `/api/corrections/${edit.body.correction.id}/revert`, {})).status).toBe(409);
    expect(
      (await send('PATCH', `/api/events/${ev.docId}/${ev.event.id}`, { fields: { type: 'nonsense' } }))
        .status,
    ).toBe(400);
  });

  it('corrects an entity type through the corrections endpoint', async () => {
    const c = await send('POST', '/api/corrections', {
      action: { kind: 'entity_type', key: 'ttp', type: 'organization' },
    });
    expect(c.status).toBe(201);
    expect((await get('/api/entities/ttp')).body.type).toBe('organization');
    await send('POST', `/api/corrections/${c.body.id}/revert`, {});
    expect((await get('/api/entities/ttp')).body.type).toBe('group');
    expect(
      (
        await send('POST', '/api/corrections', {
          action: { kind: 'merge_entities', from: 'ttp', into: 'ttp' },
        })
      ).status,
    ).toBe(400);
  });

  it('ingests posted text and HTML, and answers 501 for a bare URL', async () => {
    const text = await send('POST', '/api/documents', {
      text: 'PESHAWAR: Gunmen attacked a checkpoint in Peshawar on Sunday.',
      published: '2024-03-03',
    });
    expect(text.status).toBe(201);
    expect(text.body.entities).toBe(1);
    expect(
      (
        await send('POST', '/api/documents', {
          text: 'PESHAWAR: Gunmen attacked a checkpoint in Peshawar on Sunday.',
        })
      ).status,
    ).toBe(200);
    const html = await send('POST', '/api/documents', {
      html: '<html><head><title>Kabul</title></head><body><p>Something happened in Kabul today, residents said.</p></body></html>',
    });
    expect(html.status).toBe(201);
    const url = await send('POST', '/api/documents', { url: 'https://news.example/x' });
    expect(url.status).toBe(501);
    expect(url.body.error.code).toBe('not_implemented');
    expect((await send('POST', '/api/documents', {})).status).toBe(400);
  });

  it('describes itself with OpenAPI and serves a docs page that loads no inline script', async () => {
    const spec = await get('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/events/geojson', '/api/entities/{key}', '/api/corrections']),
    );
    const page = await get('/api/docs');
    expect(page.body).toContain('/api/docs/init.js');
    expect(page.body).not.toMatch(/<script>(?!<)/);
    expect((await app.request('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});
