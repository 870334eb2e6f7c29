/** A reader thread of the ReadPool: the app on a read-only connection, answering forwarded GETs. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SitrepError } from '../core/index.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { createApp } from './app.js';
import type { ForwardedRequest, ForwardedResponse, ReadWorkerData } from './read-pool.js';

const { dbPath } = workerData as ReadWorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// The same page cache as the writer's connection (openSqliteStore), and temp b-trees (ORDER BY,
// DISTINCT) in memory: the default 2 MB cache re-reads index pages on every profile or listing.
db.pragma('cache_size = -65536');
db.pragma('temp_store = MEMORY');
// Pages through a memory map as the main connection reads them (openSqliteStore): a page the cache
// lacks costs no read call or copy.
db.pragma('mmap_size = 2147483648');
const app = createApp({
  store: new SqliteStore(db),
  webRoot: null,
  // Only GETs come here; an ingest would need the writer.
  ingest: () => Promise.reject(new SitrepError('bad_request', 'reader threads do not ingest')),
});

parentPort?.on('message', (req: ForwardedRequest) => {
  void answer(req).then((res) => parentPort?.postMessage(res, [res.body]));
});

async function answer(req: ForwardedRequest): Promise<ForwardedResponse> {
  const res = await app.request(req.url, { method: 'GET', headers: req.headers });
  return {
    id: req.id,
    status: res.status,
    headers: [...res.headers.entries()],
    body: await res.arrayBuffer(),
  };
}
