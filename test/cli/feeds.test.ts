import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitrep, sitrepJson, sitrepAsync } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-'));
const db = join(dir, 'feeds.db');
let server: Server;
let base = '';
let feedHits = 0;

const page = (n: number, town: string): string => `<!doctype html><html><head><title>Blast in ${town}</title>
<meta property="og:site_name" content="Frontier Wire"><meta property="article:published_time" content="2024-05-1${n}T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Blast in ${town}</h1>
<p>${town.toUpperCase()}: A roadside bomb killed ${n + 2} policemen in ${town} on Monday, officials said.</p>
<p>No group claimed the attack, which police blamed on the Tehreek-e-Taliban Pakistan (TTP). Report ${n}.</p></article>
<footer>© Frontier Wire</footer></body></html>`;

function feed(): string {
  const items = [1, 2, 3]
    .map(
      (n) =>
        `<item><title>Item ${n}</title><link>${base}/story/${n}</link><guid>${base}/story/${n}</guid></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Frontier Wire</title><link>${base}</link>${items}
    <item><title>Internal</title><link>http://10.0.0.1/secret</link></item></channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      feedHits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(feed());
      return;
    }
    const m = /^\/story\/(\d)$/.exec(req.url ?? '');
    if (m) {
      const n = Number(m[1]);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(n, ['Quetta', 'Peshawar', 'Bannu'][n - 1]!));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('feeds through the CLI into SQLite', () => {
  it('adds, lists, polls once into documents, and a second poll creates nothing', async () => {
    expect(sitrep(['feeds', 'add', `${base}/feed.xml`, '--every', '15m', '--db', db]).stdout).toMatch(
      /added/,
    );
    const list = sitrepJson(['feeds', 'list', '--format', 'json', '--db', db]) as {
      url: string;
    }[];
    expect(list.map((f) => f.url)).toEqual([`${base}/feed.xml`]);

    const refused = await sitrepAsync(['feeds', 'poll', '--db', db]);
    expect(refused.stdout + refused.stderr).toMatch(/private|loopback|blocked/i);

    const first = await sitrepAsync(['feeds', 'poll', '--allow-private', '--db', db]);
    expect(first.status).toBe(0);
    const docs = sitrepJson(['docs', '--format', 'json', '--db', db]) as {
      title: string;
      outlet: string | null;
    }[];
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.title).sort()).toEqual([
      'Blast in Bannu',
      'Blast in Peshawar',
      'Blast in Quetta',
    ]);

    const second = await sitrepAsync(['feeds', 'poll', '--allow-private', '--db', db]);
    expect(second.status).toBe(0);
    expect(sitrepJson(['docs', '--format', 'json', '--db', db])).toHaveLength(3);
    expect(feedHits).toBeGreaterThanOrEqual(2);

    const events = sitrepJson(['events', '--format', 'json', '--db', db]) as unknown[];
    expect(events.length).toBeGreaterThanOrEqual(3);
  });
});
