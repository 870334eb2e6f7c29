import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/core/index.js';
import {
  createSafeFetch,
  newFeedState,
  parseInterval,
  pollFeed,
  type FeedState,
  type PollDeps,
} from '../../src/ingest/index.js';
import { startServer, streamBytes, type TestServer } from './server.js';

const FIXTURES = 'test/fixtures/ingest';
let server: TestServer;
let internal: TestServer;

const page = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Frontier Ledger"></head><body><nav>Home | World</nav><article><h1>${title}</h1><p>${body}</p><p>Officials said the investigation was continuing and that security had been tightened across the area.</p></article></body></html>`;

function fixture(name: string): (base: string) => string {
  const text = readFileSync(`${FIXTURES}/${name}`, 'utf8');
  return (base) => text.replaceAll('{{BASE}}', base);
}

/** An RSS feed whose items point at good, hostile and unreachable pages. */
function hostileFeed(base: string, internalBase: string): string {
  const item = (id: string, link: string, description = ''): string =>
    `<item><title>Item ${id}</title><link>${link}</link><guid>${id}</guid><pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate><description>${description}</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile test feed</title>
    ${item('good', `${base}/article/1`)}
    ${item('scripts', `${base}/hostile`)}
    ${item('big', `${base}/big`, 'QUETTA: A blast killed four people in the city market on Friday, police said, in a summary kept in the feed.')}
    ${item('bomb', `${base}/bomb`)}
    ${item('hang', `${base}/hang`)}
    ${item('loop', `${base}/loop/a`)}
    ${item('private', `${internalBase}/secret`)}
    ${item('good2', `${base}/article/2`)}
    <item><title>Unescaped & ampersand</title><link>${base}/article/3</link></item>
  </channel></rss>`;
}

beforeAll(async () => {
  internal = await startServer({
    '/secret': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Internal', 'SECRET internal page')),
  });
  const rss = fixture('feed-rss.xml');
  const atom = fixture('feed-atom.xml');
  const rdf = fixture('feed-rdf.xml');
  server = await startServer({
    '/rss': (req, res) => {
      if (req.headers['if-none-match'] === '"rss-1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"rss-1"' }).end(rss(server.base));
    },
    '/rss-no-etag': (_q, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(rss(server.base)),
    '/atom': (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom(server.base)),
    '/rdf': (_q, res) => res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(rdf(server.base)),
    '/hostile-feed': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(hostileFeed(server.base, internal.base)),
    '/malformed': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<rss><channel><title>Broken</title><item><title>x</item></channel>'),
    '/entities': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
        ),
    '/big-feed': (_q, res) => streamBytes(res, 50 * 1024 * 1024, ' ', 'application/rss+xml'),
    '/article/1': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Checkpoint attack kills three policemen',
            'BANNU: Gunmen attacked a police checkpoint late on Thursday, killing three policemen and wounding two others, district police officials said.',
          ),
        ),
    '/article/2': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Roadside bomb wounds four soldiers',
            'MIRANSHAH: A roadside bomb wounded four soldiers on patrol in North Waziristan on Saturday, the military said in a statement.',
          ),
        ),
    '/article/3': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Protesters block highway after arrests',
            'GILGIT: Hundreds of protesters blocked the highway for several hours on Sunday after the arrest of local leaders, witnesses said.',
          ),
        ),
    '/hostile': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(readFileSync(`${FIXTURES}/hostile-article.html`)),
    '/big': (_q, res) => streamBytes(res, 50 * 1024 * 1024, 'a', 'text/html'),
    '/bomb': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(64 * 1024 * 1024))),
    '/hang': () => undefined,
    '/loop/a': (_q, res) => res.writeHead(302, { location: '/loop/b' }).end(),
    '/loop/b': (_q, res) => res.writeHead(302, { location: '/loop/a' }).end(),
  });
});
afterAll(async () => {
  await server.close();
  await internal.close();
});

const NOW = new Date('2025-03-20T12:00:00Z');

/** Poll deps with an in-memory "store": the test server is allowed by host:port only. */
function harness(): { deps: PollDeps; docs: IngestedDocument[]; seen: Set<string> } {
  const docs: IngestedDocument[] = [];
  const seen = new Set<string>();
  const deps: PollDeps = {
    fetch: createSafeFetch({ allowHosts: [server.hostPort], timeoutMs: 1500, idleTimeoutMs: 800 }),
    now: () => NOW,
    ingest: (doc) => void docs.push(doc),
    seen: (key) => seen.has(key),
    markSeen: (key) => void seen.add(key),
  };
  return { deps, docs, seen };
}

describe('pollFeed', () => {
  it('reads RSS 2.0, Atom and RDF feeds and ingests each item page', async () => {
    const { deps, docs } = harness();
    for (const path of ['/rss', '/atom', '/rdf']) {
      const result = await pollFeed(newFeedState(`${server.base}${path}`, 900), deps);
      expect(result.status).toBe('ok');
      expect(result.ingested).toBe(1);
    }
    expect(docs.map((d) => [d.title, d.dateline, d.outlet, d.url])).toEqual([
      ['Checkpoint attack kills three policemen', 'BANNU', 'Frontier Ledger', `${server.base}/article/1`],
      ['Roadside bomb wounds four soldiers', 'MIRANSHAH', 'Frontier Ledger', `${server.base}/article/2`],
      ['Protesters block highway after arrests', 'GILGIT', 'Frontier Ledger', `${server.base}/article/3`],
    ]);
    // Page dates are missing, so the feed's dates are used.
    expect(docs.map((d) => d.published)).toEqual(['2025-03-14', '2025-03-15', '2025-03-16']);
    expect(docs[0]!.text).not.toContain('Home | World');
  });

  it('uses conditional GET, and polling twice never ingests an item twice', async () => {
    const { deps, docs } = harness();
    const first = await pollFeed(newFeedState(`${server.base}/rss`, 900), deps);
    expect(first.feed.etag).toBe('"rss-1"');
    const second = await pollFeed(first.feed, deps);
    expect(second.status).toBe('not_modified');
    const noEtag = newFeedState(`${server.base}/rss-no-etag`, 900);
    const third = await pollFeed(noEtag, deps);
    expect([third.status, third.ingested, third.alreadySeen]).toEqual(['ok', 0, 1]);
    expect(docs).toHaveLength(1);
    expect(second.feed.nextPollAt).toBe('2025-03-20T12:15:00.000Z');
  });

  it('records every hostile item with a reason and still ingests the others', async () => {
    const { deps, docs } = harness();
    const t0 = performance.now();
    const result = await pollFeed(newFeedState(`${server.base}/hostile-feed`, 900), deps);
    expect(performance.now() - t0).toBeLessThan(6000);
    expect(result.status).toBe('ok');
    expect(result.items).toBe(9);
    const byUrl = Object.fromEntries(
      result.problems.map((p) => [p.url.replace(server.base, '').replace(internal.base, 'INTERNAL'), p.code]),
    );
    expect(byUrl).toEqual({
      '/hostile-feed': 'malformed_xml',
      '/big': 'too_large',
      '/bomb': 'too_large',
      '/hang': 'timeout',
      '/loop/a': 'redirect_loop',
      'INTERNAL/secret': 'blocked_address',
    });
    expect(internal.hits.get('/secret')).toBeUndefined();
    // Good pages, the hostile-but-valid page and the big page's feed summary are ingested.
    expect(result.ingested).toBe(5);
    expect(result.fromFeedContent).toBe(1);
    const hostile = docs.find((d) => d.url === 'https://ledger.example/news/checkpoint-attack');
    expect(hostile?.text).toContain('BANNU: Gunmen attacked');
    for (const s of ['INJECTED', 'alert', 'onerror', 'iframe', 'document.write'])
      expect(hostile?.text).not.toContain(s);
    const fromFeed = docs.find((d) => d.url === `${server.base}/big`);
    expect(fromFeed?.dateline).toBe('QUETTA');
    expect(fromFeed?.problems.map((p) => p.code)).toEqual(['page_unavailable']);
    for (const p of result.problems) expect(p.message).not.toContain('\n');
  });

  it('a malformed, entity-bomb or 50 MB feed fails with a reason and backs off exponentially', async () => {
    const { deps, docs } = harness();
    let feed: FeedState = newFeedState(`${server.base}/malformed`, 600);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await pollFeed(feed, deps);
      expect(r.status).toBe('error');
      feed = r.feed;
      waits.push((Date.parse(feed.nextPollAt!) - NOW.getTime()) / 1000);
    }
    expect(waits).toEqual([1200, 2400, 4800]);
    expect(feed.failures).toBe(3);
    expect(feed.lastError).toMatch(
      /malformed: not a valid RSS, Atom or RDF feed \(malformed XML at line 1, column \d+: Expected closing tag/,
    );
    const bomb = await pollFeed(newFeedState(`${server.base}/entities`, 600), deps);
    expect(bomb.feed.lastError).toMatch(/declares XML entities/);
    const big = await pollFeed(newFeedState(`${server.base}/big-feed`, 600), deps);
    expect(big.problems[0]?.code).toBe('too_large');
    expect(docs).toHaveLength(0);
  });

  it('a feed on a private address is refused without --allow-private', async () => {
    const { deps } = harness();
    const r = await pollFeed(newFeedState(`${internal.base}/secret`, 600), deps);
    expect(r.problems[0]?.code).toBe('blocked_address');
  });
});

describe('parseInterval', () => {
  it.each([
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['30s', 30],
    ['2d', 172800],
    ['20', 1200],
  ])('%s → %d s', (text, s) => expect(parseInterval(text)).toBe(s));
  it('rejects nonsense', () => expect(() => parseInterval('soon')).toThrow(/not an interval/));
});
