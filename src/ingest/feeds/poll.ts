/**
 * Polls one feed: conditional GET through the safe fetcher, parse, and for each item not seen
 * before fetch its page and read it as an article (falling back to the feed's own content when
 * the page cannot be fetched). A failing item never stops the others; a failing feed backs off.
 */
import { messageOf, sha256, SitrepError, type IngestedDocument, type Problem } from '../../core/index.js';
import { decodeBytes } from '../decode.js';
import { FetchError } from '../fetch.js';
import { documentFromBytes, documentFromText } from '../read-file.js';
import { toIsoDate } from '../dates.js';
import { parseFeedXml, type FeedItem, type ParsedFeed } from './parse.js';
import { after, backoffSeconds } from './schedule.js';
import type { FeedPollResult, FeedState, PollDeps, PollProblem } from './types.js';

/** Media types accepted for feed documents (`xml` matches any XML media type). */
export const FEED_TYPES = ['xml', 'text/plain'] as const;
/** Media types accepted for article pages. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;

/** A new FeedState with defaults, due now. */
export function newFeedState(url: string, intervalSeconds: number): FeedState {
  return {
    url,
    intervalSeconds,
    etag: null,
    lastModified: null,
    nextPollAt: null,
    failures: 0,
    lastError: null,
    title: null,
    lastPolledAt: null,
  };
}

function codeOf(err: unknown): string {
  return err instanceof FetchError ? err.reason : err instanceof SitrepError ? err.code : 'internal';
}

/** The key that tells whether an item was taken before: guid, else link, else a hash of its content. */
function itemKey(item: FeedItem): string {
  return item.key ?? item.url ?? `item:${sha256(`${item.title ?? ''}\n${item.content ?? ''}`).slice(0, 32)}`;
}

/** Fills what the page did not say from what the feed said about the item. */
function withItemMeta(doc: IngestedDocument, item: FeedItem, outlet: string | null): IngestedDocument {
  return {
    ...doc,
    title: doc.title ?? item.title,
    url: doc.url ?? item.url,
    published: doc.published ?? toIsoDate(item.published),
    author: doc.author ?? item.author,
    outlet: doc.outlet ?? outlet,
  };
}

/** Fetches and reads an item's page; on failure reads the item's feed content and records why. */
async function itemDocument(
  item: FeedItem,
  feed: ParsedFeed,
  feedUrl: string,
  deps: PollDeps,
  problems: PollProblem[],
): Promise<{ doc: IngestedDocument; fromFeed: boolean } | null> {
  let pageProblem: PollProblem | null = null;
  if (item.url) {
    try {
      const page = await deps.fetch(item.url, { accept: PAGE_TYPES });
      const doc = documentFromBytes(page.body, page.url, 'html', {}, page.contentType);
      return { doc: withItemMeta(doc, item, feed.title), fromFeed: false };
    } catch (err) {
      pageProblem = { url: item.url, code: codeOf(err), message: messageOf(err) };
    }
  } else {
    pageProblem = {
      url: feedUrl,
      code: 'no_link',
      message: `${feedUrl}: item "${item.title ?? '?'}" has no link`,
    };
  }
  problems.push(pageProblem);
  if (!item.content?.trim()) return null;
  const note: Problem = {
    code: 'page_unavailable',
    message: `article page not fetched (${pageProblem.message}); text taken from the feed item`,
  };
  const meta = {
    title: item.title,
    url: item.url,
    published: item.published,
    author: item.author,
    outlet: feed.title,
  };
  const doc = documentFromText(item.content, item.url ?? feedUrl, 'html', meta);
  return { doc: { ...doc, problems: [...doc.problems, note] }, fromFeed: true };
}

/** Runs `work` over items with at most `limit` at once. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

function failed(feed: FeedState, now: Date, err: unknown): FeedPollResult {
  const failures = feed.failures + 1;
  const state: FeedState = {
    ...feed,
    failures,
    lastError: messageOf(err),
    lastPolledAt: now.toISOString(),
    nextPollAt: after(now, backoffSeconds(feed.intervalSeconds, failures)),
  };
  return {
    feed: state,
    status: 'error',
    items: 0,
    ingested: 0,
    alreadySeen: 0,
    fromFeedContent: 0,
    problems: [{ url: feed.url, code: codeOf(err), message: messageOf(err) }],
  };
}

/** Polls one feed once and returns its new state and what happened to each item. Never throws for bad input. */
export async function pollFeed(feed: FeedState, deps: PollDeps): Promise<FeedPollResult> {
  const now = deps.now();
  let parsed: ParsedFeed;
  let response;
  try {
    response = await deps.fetch(feed.url, {
      accept: FEED_TYPES,
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (response.notModified) {
      const state = {
        ...feed,
        failures: 0,
        lastError: null,
        lastPolledAt: now.toISOString(),
        nextPollAt: after(now, feed.intervalSeconds),
      };
      return {
        feed: state,
        status: 'not_modified',
        items: 0,
        ingested: 0,
        alreadySeen: 0,
        fromFeedContent: 0,
        problems: [],
      };
    }
    const { text } = decodeBytes(response.body, feed.url, {
      contentType: response.contentType,
      markup: true,
    });
    parsed = parseFeedXml(text, response.url);
  } catch (err) {
    return failed(feed, now, err);
  }
  const problems: PollProblem[] = [];
  if (parsed.malformed) {
    problems.push({
      url: feed.url,
      code: 'malformed_xml',
      message: `${feed.url}: feed is not well-formed XML (${parsed.malformed}); read leniently`,
    });
  }
  const keys = new Set<string>();
  let ingested = 0;
  let alreadySeen = 0;
  let fromFeedContent = 0;
  await eachLimited(parsed.items, deps.concurrency ?? 4, async (item) => {
    const key = itemKey(item);
    if (keys.has(key) || deps.seen(key) || (item.url !== null && item.url !== key && deps.seen(item.url))) {
      alreadySeen++;
      return;
    }
    keys.add(key);
    try {
      const got = await itemDocument(item, parsed, feed.url, deps, problems);
      if (!got) return;
      const id = await deps.ingest(got.doc);
      await deps.markSeen?.(key, typeof id === 'string' ? id : null);
      ingested++;
      if (got.fromFeed) fromFeedContent++;
    } catch (err) {
      problems.push({ url: item.url ?? feed.url, code: codeOf(err), message: messageOf(err) });
    }
  });
  const state: FeedState = {
    ...feed,
    title: parsed.title ?? feed.title ?? null,
    etag: response.etag,
    lastModified: response.lastModified,
    failures: 0,
    lastError: null,
    lastPolledAt: now.toISOString(),
    nextPollAt: after(now, feed.intervalSeconds),
  };
  return {
    feed: state,
    status: 'ok',
    items: parsed.items.length,
    ingested,
    alreadySeen,
    fromFeedContent,
    problems,
  };
}
