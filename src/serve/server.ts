/** Starts the app on a port (`sitrep serve`, `npm start`, the browser tests and the bench). */
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { SqliteStore } from '../store/sqlite/index.js';
import type { AppOptions } from './app.js';
import { createApp } from './app.js';
import { ReadPool } from './read-pool.js';
import { ResponseCache } from './response-cache.js';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  /** The response cache, when there is one (its hit counts are for the bench). */
  readonly cache: ResponseCache | null;
  close(): Promise<void>;
}

/** What startServer needs beyond the app's own options. */
export interface ServerOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
  /**
   * Reader threads for GET /api/* when the store is a SQLite file (at most one per core); default 0:
   * every request is answered on the main thread. Measured again with bench/api.ts on a 2-core
   * machine at load 10-13 (no response cache, 20 clients, alternating runs): 2 readers raised the
   * server's CPU time per request (by 0.1-0.9 ms: each answer is built as a web Response in the
   * worker, read back as bytes and posted) and moved p95 both ways from run to run, with no
   * endpoint gaining in every run. With two cores shared by the server, the clients and the rest
   * of the machine there is no idle core to gain, so the pool stays opt-in.
   */
  readonly readers?: number;
  /**
   * Keep whole GET /api/* answers until the data changes (SQLite stores only, where the data
   * version can be read); default true.
   */
  readonly cacheResponses?: boolean;
}

/** Listens on host:port (port 0 picks a free one) and resolves once it accepts connections. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const pool = readPoolFor(options);
  const cache = options.cache ?? cacheFor(options);
  const app = createApp({ ...options, ...(pool ? { readPool: pool } : {}), ...(cache ? { cache } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          cache,
          close: async () => {
            await new Promise<void>((done) => server.close(() => done()));
            await pool?.close();
          },
        });
      },
    );
    server.once('error', reject);
  });
}

/** A pool over the store's database file, or null (in-memory store, another engine, or 0 readers). */
function readPoolFor(options: ServerOptions): ReadPool | null {
  const size = Math.min(options.readers ?? 0, availableParallelism());
  if (size <= 0 || !(options.store instanceof SqliteStore)) return null;
  const path = options.store.db.name;
  if (!path || path === ':memory:' || options.store.db.memory) return null;
  return new ReadPool(path, size);
}

/**
 * A response cache keyed on the SQLite data version: PRAGMA data_version moves when another
 * connection (a CLI ingest) commits, total_changes() when this one writes.
 */
function cacheFor(options: ServerOptions): ResponseCache | null {
  if (options.cacheResponses === false || !(options.store instanceof SqliteStore)) return null;
  const db = options.store.db;
  const others = db.prepare('PRAGMA data_version').pluck();
  const own = db.prepare('SELECT total_changes()').pluck();
  return new ResponseCache({ version: () => `${String(others.get())}.${String(own.get())}` });
}
