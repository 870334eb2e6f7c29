/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- response bodies are untyped JSON */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/index.js';
import type { RunningServer } from '../../src/serve/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord, testIngester } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cache-'));
const path = join(dir, 'cache.db');
let store: SqliteStore;
let server: RunningServer;

beforeAll(async () => {
  store = openSqliteStore(path);
  for (let i = 0; i < 20; i++) await store.saveDocument(syntheticRecord(i));
  server = await startServer({ store, port: 0, host: '127.0.0.1', webRoot: null, ingest: testIngester });
}, 30_000);
afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const hits = (): number => server.cache!.stats().hits;

describe('response cache', () => {
  it('answers a repeated GET from the cache, byte for byte, headers included', async () => {
    const url = `${server.url}/api/events?limit=3`;
    const first = await fetch(url);
    const before = hits();
    const second = await fetch(url);
    expect(hits()).toBe(before + 1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('never serves an answer from before a write made through the API', async () => {
    const url = `${server.url}/api/events?limit=1`;
    const [ev] = ((await (await fetch(url)).json()) as any).items as any[];
    await fetch(url);
    const patch = await fetch(`${server.url}/api/events/${ev.docId}/${ev.event.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-sitrep-user': 'tester' },
      body: JSON.stringify({ fields: { fatalities: 77 } }),
    });
    expect(patch.status).toBe(200);
    const before = hits();
    const again = ((await (await fetch(url)).json()) as any).items[0];
    expect(hits()).toBe(before);
    expect(again.event.fatalities.min).toBe(77);
  });

  it('never serves an answer from before a write by another connection (a CLI ingest)', async () => {
    const url = `${server.url}/api/documents?limit=1`;
    const total = ((await (await fetch(url)).json()) as any).total as number;
    await fetch(url);
    const other = openSqliteStore(path);
    await other.saveDocument(syntheticRecord(500));
    await other.close();
    const after = (await (await fetch(url)).json()) as any;
    expect(after.total).toBe(total + 1);
  });

  it('answers 304 to a client holding the current ETag, and the new body once the data changed', async () => {
    const url = `${server.url}/api/entities?limit=2`;
    const etag = (await fetch(url)).headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await store.saveDocument(syntheticRecord(501));
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('keeps errors other than not-found out of the cache', async () => {
    const url = `${server.url}/api/events?bbox=oops`;
    expect((await fetch(url)).status).toBe(400);
    const before = server.cache!.stats().entries;
    expect((await fetch(url)).status).toBe(400);
    expect(server.cache!.stats().entries).toBe(before);
  });
});
