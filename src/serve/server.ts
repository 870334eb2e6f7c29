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
   * Reader threads for GET /api/* when the store is a SQLite file (at most one per core); default 0
   * here, so code that embeds the server answers on its own thread. `sitrep serve` passes
   * defaultReaders(). bench/api.ts on this 2-core machine, 100,000 documents, 20 clients, no
   * response cache: at load 2-3, p95 with 2 readers 27 / 16 / 27 / 42 ms (profile / event filter /
   * GeoJSON / search) against 34 / 16 / 33 / 69 ms on the main thread alone. At load 10-13 (the
   * machine shared with other jobs) 2 readers added 0.1-0.9 ms of CPU per request (each answer is
   * built in the worker and posted back) and moved p95 both ways: readers pay off when cores are
   * free, which is the common case for an analyst's server.
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

/** The reader threads `sitrep serve` starts: one per core, at most four; none on a single core. */
export function defaultReaders(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, 4) : 0;
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
