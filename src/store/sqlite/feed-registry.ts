import type Database from 'better-sqlite3';
import type { FeedState } from '../../core/index.js';

/** Schema for feed subscriptions and the items already taken from them. */
export const FEED_TABLES_SQL = `
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    interval_seconds INTEGER NOT NULL,
    etag TEXT, last_modified TEXT, next_poll_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT, title TEXT, last_polled_at TEXT,
    added_at TEXT NOT NULL
  );
  -- Items taken from feeds (ingested or definitively refused), so a second poll skips them.
  CREATE TABLE feed_items (
    item_key TEXT PRIMARY KEY,
    feed_url TEXT NOT NULL,
    document_id TEXT,
    seen_at TEXT NOT NULL
  );
`;

type Row = Record<string, unknown>;

/** Feed subscriptions in the SQLite database; implements the ingest stage's FeedRegistry. */
export class SqliteFeedRegistry {
  private readonly seenStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.seenStmt = db.prepare('SELECT 1 FROM feed_items WHERE item_key = ?');
  }

  /** Adds a feed; re-adding an existing URL updates its interval only. */
  add(feed: FeedState): void {
    this.db
      .prepare(
        `INSERT INTO feeds (url, interval_seconds, etag, last_modified, next_poll_at, failures, last_error, title, last_polled_at, added_at)
         VALUES (@url, @intervalSeconds, @etag, @lastModified, @nextPollAt, @failures, @lastError, @title, @lastPolledAt, @addedAt)
         ON CONFLICT(url) DO UPDATE SET interval_seconds = excluded.interval_seconds`,
      )
      .run({ ...params(feed), addedAt: new Date().toISOString() });
  }

  list(): FeedState[] {
    return (this.db.prepare('SELECT * FROM feeds ORDER BY added_at, url').all() as Row[]).map(toFeed);
  }

  get(url: string): FeedState | null {
    const row = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
    return row ? toFeed(row) : null;
  }

  /** Replaces the stored state of `feed.url`. */
  update(feed: FeedState): void {
    this.db
      .prepare(
        `UPDATE feeds SET interval_seconds = @intervalSeconds, etag = @etag, last_modified = @lastModified,
           next_poll_at = @nextPollAt, failures = @failures, last_error = @lastError, title = @title,
           last_polled_at = @lastPolledAt WHERE url = @url`,
      )
      .run(params(feed));
  }

  /** True when an item was already taken from a feed. */
  seen(itemKey: string): boolean {
    return this.seenStmt.get(itemKey) !== undefined;
  }

  markSeen(itemKey: string, feedUrl: string, documentId: string | null): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO feed_items (item_key, feed_url, document_id, seen_at) VALUES (?, ?, ?, ?)',
      )
      .run(itemKey, feedUrl, documentId, new Date().toISOString());
  }
}

function params(feed: FeedState): Record<string, unknown> {
  return {
    url: feed.url,
    intervalSeconds: feed.intervalSeconds,
    etag: feed.etag,
    lastModified: feed.lastModified,
    nextPollAt: feed.nextPollAt,
    failures: feed.failures,
    lastError: feed.lastError,
    title: feed.title ?? null,
    lastPolledAt: feed.lastPolledAt ?? null,
  };
}

function toFeed(r: Row): FeedState {
  return {
    url: String(r.url),
    intervalSeconds: Number(r.interval_seconds),
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    nextPollAt: (r.next_poll_at as string | null) ?? null,
    failures: Number(r.failures),
    lastError: (r.last_error as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    lastPolledAt: (r.last_polled_at as string | null) ?? null,
  };
}
