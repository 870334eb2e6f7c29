/** `sitrep feeds add|list|poll` and `sitrep watch`: feed subscriptions polled through the safe fetcher. */
import { InvalidArgumentError, type Command } from 'commander';
import type { IngestedDocument } from '../../core/index.js';
import { formatInterval, isDue, parseInterval } from '../../ingest/feeds/schedule.js';
import { renderTable } from '../format.js';
import type { FeedPollResult, FeedRegistry, FeedState } from '../../ingest/index.js';

/** What the feed commands need from the store; the caller wires the SQLite implementations. */
export interface FeedsDeps {
  openFeedRegistry(dbPath: string): FeedRegistry;
  ingest(doc: IngestedDocument, dbPath: string): Promise<{ id: string; created: boolean }>;
}

interface DbOpts {
  db?: string;
}
interface PollOpts extends DbOpts {
  allowPrivate?: boolean;
}

/** Longest sleep in `watch`, so feeds added meanwhile are picked up. */
const WATCH_TICK_MS = 60_000;

function dbOf(opts: DbOpts): string {
  return opts.db ?? process.env.SITREP_DB ?? 'sitrep.db';
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function intervalOption(value: string): number {
  try {
    const s = parseInterval(value);
    if (s < 60)
      throw new Error(`"${value}" is shorter than a minute; feeds are polled at most once a minute`);
    return s;
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function feedUrlArgument(value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError(`"${value}" is not an http(s) URL`);
}

async function withRegistry<T>(
  deps: FeedsDeps,
  opts: DbOpts,
  work: (r: FeedRegistry) => Promise<T>,
): Promise<T> {
  const registry = deps.openFeedRegistry(dbOf(opts));
  try {
    return await work(registry);
  } finally {
    registry.close?.();
  }
}

/** Polls one feed, stores its new state, prints one summary line and one line per problem. */
async function pollAndReport(
  feed: FeedState,
  registry: FeedRegistry,
  deps: FeedsDeps,
  opts: PollOpts,
): Promise<FeedPollResult> {
  const db = dbOf(opts);
  let created = 0;
  // Loaded on use: the HTML reader and language model are heavy, and most commands never need them.
  const { createSafeFetch, pollFeed } = await import('../../ingest/index.js');
  const result = await pollFeed(feed, {
    fetch: createSafeFetch({ allowPrivate: opts.allowPrivate === true }),
    now: () => new Date(),
    seen: (key) => registry.seen(key),
    ingest: async (doc) => {
      const saved = await deps.ingest(doc, db);
      if (saved.created) created++;
      return saved.id;
    },
    markSeen: (key, id) => registry.markSeen(key, feed.url, id),
  });
  await registry.update(result.feed);
  const head =
    result.status === 'error'
      ? `failed, next try ${result.feed.nextPollAt} (failure ${result.feed.failures})`
      : result.status === 'not_modified'
        ? 'not modified since last poll'
        : `${result.items} items: ${result.ingested} ingested (${created} new documents, ${result.fromFeedContent} from feed text), ${result.alreadySeen} already seen, ${result.problems.length} problems`;
  say(`${feed.url}: ${head}`);
  for (const p of result.problems) say(`  ${p.code}: ${p.message}`);
  return result;
}

function addCommand(feeds: Command, deps: FeedsDeps): void {
  feeds
    .command('add')
    .description('subscribe to an RSS, Atom or RDF feed')
    .argument('<url>', 'feed URL', feedUrlArgument)
    .option('--every <interval>', 'poll interval (e.g. 15m, 1h, 1d)', intervalOption, 15 * 60)
    .option('--db <path>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)')
    .action(async (url: string, opts: DbOpts & { every: number }) => {
      const { newFeedState } = await import('../../ingest/index.js');
      await withRegistry(deps, opts, async (registry) => {
        const existing = await registry.get(url);
        await registry.add(
          existing ? { ...existing, intervalSeconds: opts.every } : newFeedState(url, opts.every),
        );
        say(`${existing ? 'updated' : 'added'} ${url} (every ${formatInterval(opts.every)})`);
      });
    });
}

function listCommand(feeds: Command, deps: FeedsDeps): void {
  feeds
    .command('list')
    .description('list subscribed feeds and their state')
    .option('--format <format>', 'table or json', 'table')
    .option('--db <path>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)')
    .action(async (opts: DbOpts & { format: string }) => {
      if (opts.format !== 'table' && opts.format !== 'json')
        throw new InvalidArgumentError('--format is table or json');
      await withRegistry(deps, opts, async (registry) => {
        const list = await registry.list();
        if (opts.format === 'json') return say(JSON.stringify(list, null, 2));
        const rows = list.map((f) => [
          f.url,
          formatInterval(f.intervalSeconds),
          f.lastPolledAt ?? '-',
          f.nextPollAt ?? 'now',
          f.failures,
          (f.lastError ?? '').slice(0, 60),
        ]);
        const head = ['url', 'every', 'last polled', 'next poll', 'failures', 'last error'];
        say(list.length ? renderTable(head, rows) : 'no feeds; add one with `sitrep feeds add URL`');
      });
    });
}

function pollCommand(feeds: Command, deps: FeedsDeps): void {
  feeds
    .command('poll')
    .description('poll every feed once now and ingest new items')
    .option('--allow-private', 'allow loopback/private addresses (local test servers)')
    .option('--db <path>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)')
    .action(async (opts: PollOpts) => {
      await withRegistry(deps, opts, async (registry) => {
        const list = await registry.list();
        if (list.length === 0) say('no feeds; add one with `sitrep feeds add URL`');
        let failed = 0;
        for (const feed of list)
          if ((await pollAndReport(feed, registry, deps, opts)).status === 'error') failed++;
        if (failed > 0) process.exitCode = 1;
      });
    });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

/** Milliseconds until the earliest next poll, capped at one tick. */
function untilNext(list: readonly FeedState[], now: Date): number {
  const next = Math.min(...list.map((f) => (f.nextPollAt ? Date.parse(f.nextPollAt) : now.getTime())));
  return Math.max(1000, Math.min(WATCH_TICK_MS, next - now.getTime()));
}

function watchCommand(program: Command, deps: FeedsDeps): void {
  program
    .command('watch')
    .description('keep polling feeds, each at its own interval, until Ctrl-C')
    .option('--allow-private', 'allow loopback/private addresses (local test servers)')
    .option('--db <path>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)')
    .action(async (opts: PollOpts) => {
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      say('watching feeds (Ctrl-C to stop)');
      try {
        await withRegistry(deps, opts, async (registry) => {
          while (!stop.signal.aborted) {
            const list = await registry.list();
            for (const feed of list) {
              if (stop.signal.aborted) break;
              if (isDue(feed.nextPollAt, new Date())) await pollAndReport(feed, registry, deps, opts);
            }
            await sleep(
              list.length ? untilNext(await registry.list(), new Date()) : WATCH_TICK_MS,
              stop.signal,
            );
          }
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      say('stopped');
    });
}

/** Adds `feeds add|list|poll` and `watch` to the program, using the store through `deps`. */
export function registerFeeds(program: Command, deps: FeedsDeps): void {
  const feeds = program.command('feeds').description('subscribe to RSS/Atom/RDF feeds and poll them');
  addCommand(feeds, deps);
  listCommand(feeds, deps);
  pollCommand(feeds, deps);
  watchCommand(program, deps);
}
