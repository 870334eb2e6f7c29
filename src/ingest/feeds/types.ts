/** Feed subscriptions: the state the store keeps per feed, the registry interface, and poll results. */
import type { FeedState, IngestedDocument } from '../../core/index.js';
import type { SafeFetch } from '../fetch.js';

/** One subscribed feed, as stored between polls: a record shared with the store, defined in core. */
export type { FeedState };

/** What may be awaited or returned directly (SQLite adapters are sync, PostgreSQL ones async). */
export type MaybePromise<T> = T | Promise<T>;

/** Storage of feed subscriptions; the lead implements it in the store (a `feeds` and a `feed_items` table). */
export interface FeedRegistry {
  /** Adds a feed; re-adding an existing URL updates its interval only. */
  add(feed: FeedState): MaybePromise<void>;
  list(): MaybePromise<readonly FeedState[]>;
  get(url: string): MaybePromise<FeedState | null>;
  /** Replaces the stored state of `feed.url`. */
  update(feed: FeedState): MaybePromise<void>;
  /** True when an item URL (or guid) was already taken from a feed. Synchronous: the poller asks per item. */
  seen(itemKey: string): boolean;
  /** Records that an item was taken (ingested or definitively refused), so the next poll skips it. */
  markSeen(itemKey: string, feedUrl: string, documentId: string | null): MaybePromise<void>;
  close?(): void;
}

/** An item or page the poll could not take, and why. */
export interface PollProblem {
  /** The item's URL (or the feed URL for feed-level failures). */
  readonly url: string;
  readonly code: string;
  readonly message: string;
}

/** Outcome of one poll of one feed. */
export interface FeedPollResult {
  /** The new state to store. */
  readonly feed: FeedState;
  /** `ok`: fetched and parsed; `not_modified`: 304; `error`: the feed itself failed (see `feed.lastError`). */
  readonly status: 'ok' | 'not_modified' | 'error';
  /** Items in the feed document. */
  readonly items: number;
  /** Items handed to `ingest`. */
  readonly ingested: number;
  /** Items skipped because `seen` said so. */
  readonly alreadySeen: number;
  /** Items ingested from their feed content because the page could not be fetched. */
  readonly fromFeedContent: number;
  readonly problems: readonly PollProblem[];
}

/** What `pollFeed` needs from the outside world (all injectable for tests). */
export interface PollDeps {
  readonly fetch: SafeFetch;
  readonly now: () => Date;
  /** Stores a document; may return its id (passed on to `markSeen`). */
  readonly ingest: (doc: IngestedDocument) => Promise<string | void> | string | void;
  readonly seen: (url: string) => boolean;
  /** Called after an item was ingested, so the caller can remember it; optional. */
  readonly markSeen?: (itemKey: string, documentId: string | null) => Promise<void> | void;
  /** Pages fetched at once per feed; default 4. */
  readonly concurrency?: number;
}
