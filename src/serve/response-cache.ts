/**
 * A cache of whole GET /api/* responses, keyed by URL and valid for one version of the data. The
 * version is a token the store gives (for SQLite: PRAGMA data_version, which moves when another
 * connection commits, plus this connection's total_changes(), which moves on its own writes), so a
 * cached body is never served after any write: no time-based expiry, no staleness.
 *
 * Each response also carries an ETag made of that version and the URL; a client that sends it back
 * in If-None-Match gets 304 without the body while nothing has changed.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Names this server process in ETags. */
const BOOT = randomBytes(6).toString('hex');

/** Where the cache reads the current data version; any change of the string empties the cache. */
export type DataVersion = () => string;

/** Bounds of the cache (least recently used entries are dropped first). */
export interface ResponseCacheOptions {
  readonly version: DataVersion;
  /** Most responses kept. */
  readonly maxEntries?: number;
  /** Most body bytes kept, all entries together. */
  readonly maxBytes?: number;
  /** Bodies larger than this are never kept (a huge listing would push out many small answers). */
  readonly maxEntryBytes?: number;
}

/**
 * A kept answer. Every /api answer is JSON text; a string body (not bytes) and plain headers take
 * @hono/node-server's fast path, which writes them without building a web Response stream.
 */
interface Entry {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly bytes: number;
}

/** Counts for the bench and for tests. */
export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** The cache and the middleware that uses it. */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private version = '';
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 2000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  /** Middleware for GET requests: answers from the cache, or stores what the next handler answers. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== 'GET') return next();
      const version = this.currentVersion();
      const key = c.req.url;
      // A client only sends back the ETag it got for the same URL, so the version alone tells; the
      // process id keeps a restarted server (whose counters start again) from matching old tags.
      const etag = `W/"${BOOT}-${version}"`;
      if (c.req.header('if-none-match') === etag) {
        this.hits++;
        return new Response(null, { status: 304, headers: { etag } });
      }
      const hit = this.entries.get(key);
      if (hit) {
        this.hits++;
        // Re-inserting moves the entry to the young end of the Map's order (LRU).
        this.entries.delete(key);
        this.entries.set(key, hit);
        return new Response(hit.body, { status: hit.status, headers: hit.headers });
      }
      this.misses++;
      await next();
      const res = c.res;
      // Only answers that depend on the data alone: successes and not-founds, never server errors.
      if (res.status !== 200 && res.status !== 404) return;
      const body = await res.text();
      const headers: Record<string, string> = Object.fromEntries(res.headers.entries());
      headers.etag = etag;
      c.res = new Response(body, { status: res.status, headers });
      // A write between the start and the end of this request makes its answer unsafe to keep.
      if (this.currentVersion() === version)
        this.keep(key, { status: res.status, headers, body, bytes: Buffer.byteLength(body) });
    };
  }

  private currentVersion(): string {
    const v = this.options.version();
    if (v !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = v;
    }
    return v;
  }

  private keep(key: string, entry: Entry): void {
    const size = entry.bytes;
    if (size > this.maxEntryBytes) return;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.bytes;
    }
  }
}
