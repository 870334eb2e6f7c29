/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- response bodies are untyped JSON */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer } from '../../src/serve/index.js';
import type { RunningServer } from '../../src/serve/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord, testIngester } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
let store: SqliteStore;
let server: RunningServer;

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'pool.db'));
  for (let i = 0; i < 30; i++) await store.saveDocument(syntheticRecord(i));
  server = await startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
    ingest: testIngester,
    readers: 2,
  });
}, 30_000);
afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reader threads', () => {
  it('answer GETs exactly as the main thread would, headers included', async () => {
    const local = createApp({ store, ingest: testIngester, webRoot: null });
    for (const path of [
      '/api/entities/ttp',
      '/api/events?place=PK&limit=20',
      '/api/events/geojson?bbox=60,20,75,36',
      '/api/search?q=suicide%20bomber',
      '/api/entities/nope',
      '/api/events?bbox=oops',
    ]) {
      const [viaPool, here] = await Promise.all([fetch(server.url + path), local.request(path)]);
      expect(viaPool.status, path).toBe(here.status);
      expect(await viaPool.text(), path).toBe(await here.text());
      expect(viaPool.headers.get('content-type')).toBe(here.headers.get('content-type'));
      expect(viaPool.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('see writes made on the main thread as soon as they are committed', async () => {
    const [ev] = ((await (await fetch(`${server.url}/api/events?limit=1`)).json()) as any).items as any[];
    const patch = await fetch(`${server.url}/api/events/${ev.docId}/${ev.event.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-sitrep-user': 'tester' },
      body: JSON.stringify({ fields: { fatalities: 99 } }),
    });
    expect(patch.status).toBe(200);
    const again = ((await (await fetch(`${server.url}/api/events?limit=1`)).json()) as any).items[0];
    expect(again.event.fatalities.min).toBe(99);
  });

  it('serve 20 concurrent requests', async () => {
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fetch(`${server.url}/api/events?limit=5&offset=${i}`)),
    );
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(200));
  });
});
