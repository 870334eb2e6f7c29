import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IngestedDocument } from '../../src/core/index.js';
import { documentId } from '../../src/core/index.js';
import { registerFeeds } from '../../src/cli/commands/feeds.js';
import type { FeedRegistry, FeedState } from '../../src/ingest/index.js';
import { startServer, type TestServer } from './server.js';

/** An in-memory FeedRegistry and document store, standing in for the SQLite one. */
function memoryDeps(): {
  deps: Parameters<typeof registerFeeds>[1];
  docs: Map<string, IngestedDocument>;
  dbs: Set<string>;
} {
  const feeds = new Map<string, FeedState>();
  const items = new Set<string>();
  const docs = new Map<string, IngestedDocument>();
  const dbs = new Set<string>();
  const registry: FeedRegistry = {
    add: (f) => void feeds.set(f.url, f),
    list: () => [...feeds.values()],
    get: (url) => feeds.get(url) ?? null,
    update: (f) => void feeds.set(f.url, f),
    seen: (k) => items.has(k),
    markSeen: (k) => void items.add(k),
  };
  return {
    docs,
    dbs,
    deps: {
      openFeedRegistry: (db) => (dbs.add(db), registry),
      ingest: (doc, db) => {
        dbs.add(db);
        const id = documentId(doc.text);
        const created = !docs.has(id);
        docs.set(id, doc);
        return Promise.resolve({ id, created });
      },
    },
  };
}

let server: TestServer;
beforeAll(async () => {
  const article =
    '<html><body><article><p>KHOST: A drone strike hit a compound in the district on Monday, killing two people, residents said. Officials did not comment on the strike.</p></article></body></html>';
  server = await startServer({
    '/feed.xml': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<rss version="2.0"><channel><title>Local</title><item><title>Strike</title><link>${server.base}/a</link></item></channel></rss>`,
        ),
    '/a': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article),
  });
});
afterAll(() => server.close());

async function run(program: Command, args: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (lines.push(String(chunk)), true));
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('sitrep feeds', () => {
  it('add, list, poll twice: one document, second poll sees the item', async () => {
    const { deps, docs, dbs } = memoryDeps();
    const program = new Command('sitrep').exitOverride();
    registerFeeds(program, deps);
    const url = `${server.base}/feed.xml`;
    expect(await run(program, ['feeds', 'add', url, '--every', '30m', '--db', 'x.db'])).toBe(
      `added ${url} (every 30m)\n`,
    );
    const listed = JSON.parse(
      await run(program, ['feeds', 'list', '--format', 'json', '--db', 'x.db']),
    ) as FeedState[];
    expect(listed.map((f) => [f.url, f.intervalSeconds])).toEqual([[url, 1800]]);
    const refused = await run(program, ['feeds', 'poll', '--db', 'x.db']);
    expect(refused).toMatch(/failed, next try .* \(failure 1\)\n {2}blocked_address: .*--allow-private/);
    const first = await run(program, ['feeds', 'poll', '--allow-private', '--db', 'x.db']);
    expect(first).toBe(
      `${url}: 1 items: 1 ingested (1 new documents, 0 from feed text), 0 already seen, 0 problems\n`,
    );
    const second = await run(program, ['feeds', 'poll', '--allow-private', '--db', 'x.db']);
    expect(second).toContain('0 ingested (0 new documents, 0 from feed text), 1 already seen');
    expect(docs.size).toBe(1);
    expect([...docs.values()][0]!.dateline).toBe('KHOST');
    expect([...dbs]).toEqual(['x.db']);
  });

  it('rejects a bad interval and a non-http URL', async () => {
    const program = new Command('sitrep').exitOverride().configureOutput({ writeErr: () => undefined });
    program.commands.forEach((c) => c.exitOverride());
    registerFeeds(program, memoryDeps().deps);
    for (const c of program.commands)
      c.commands.forEach((s) => s.exitOverride().configureOutput({ writeErr: () => undefined }));
    await expect(run(program, ['feeds', 'add', 'ftp://x/feed'])).rejects.toThrow(/not an http\(s\) URL/);
    await expect(run(program, ['feeds', 'add', 'https://x.example/f', '--every', 'soon'])).rejects.toThrow(
      /not an interval/,
    );
  });
});
