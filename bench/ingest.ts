/**
 * Ingest benchmark: HTML → IngestedDocument throughput on 1,000 generated pages (one core,
 * in-process), the same pages through the whole path into SQLite, then polls of 100 local feeds (5 items each, pages fetched through the safe
 * fetcher from a node:http server in this process). Run: `npx tsx bench/ingest.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IngestedDocument } from '../src/core/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeFetch, documentFromText, newFeedState, pollFeed } from '../src/ingest/index.js';
import { ingestDocument, loadResources } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const PAGES = 1000;
const FEEDS = 100;
const ITEMS_PER_FEED = 5;

/** A deterministic pseudo-random generator, so every run measures the same pages. */
function rng(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const WORDS = (
  'militants attacked police checkpoint district officials said killed wounded gunmen province security forces ' +
  'claimed responsibility statement spokesman village convoy roadside bomb explosion market army operation ' +
  'arrested suspects border tribal elders protest government minister hospital injured soldiers patrol night'
).split(' ');
const PLACES = ['QUETTA', 'PESHAWAR', 'KABUL', 'BANNU', 'MOGADISHU', 'NEW DELHI', 'GILGIT', 'KHOST'];

function sentence(r: () => number): string {
  const n = 12 + Math.floor(r() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** A news page of 6–12 paragraphs with navigation, ads, scripts, JSON-LD and a comment section. */
function page(i: number): string {
  const r = rng(i + 1);
  const place = PLACES[i % PLACES.length]!;
  const paras = Array.from(
    { length: 6 + Math.floor(r() * 7) },
    () => `<p>${sentence(r)} ${sentence(r)} ${sentence(r)}</p>`,
  );
  paras[0] = `<p>${place}: ${sentence(r)} ${sentence(r)}</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story ${i} | Ledger</title>
<meta property="og:site_name" content="Ledger"><meta property="article:published_time" content="2025-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z">
<link rel="canonical" href="https://ledger.example/story/${i}"><script>var tracking = ${i};</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story ${i}","author":{"name":"Desk"}}</script></head>
<body><nav><ul>${Array.from({ length: 12 }, (_, k) => `<li><a href="/s/${k}">Section ${k}</a></li>`).join('')}</ul></nav>
<div class="ad">Advertisement</div><main><article><h1>Story ${i}</h1><p class="byline">By Desk</p>${paras.join('\n')}</article>
<aside><h3>Most read</h3><ul>${Array.from({ length: 5 }, (_, k) => `<li><a href="/r/${k}">Other story ${k}</a></li>`).join('')}</ul></aside></main>
<section class="comments"><p>Comment one</p><p>Comment two</p></section><footer>© Ledger</footer></body></html>`;
}

function benchHtml(): void {
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  documentFromText(pages[0]!, 'warm-up', 'html'); // loads the language model once
  const t0 = performance.now();
  let chars = 0;
  let datelines = 0;
  for (const [i, html] of pages.entries()) {
    const doc = documentFromText(html, `https://ledger.example/story/${i}`, 'html');
    chars += doc.text.length;
    if (doc.dateline) datelines++;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `HTML → IngestedDocument: ${PAGES} pages (${(bytes / 1024 / 1024).toFixed(1)} MB HTML, ${(chars / PAGES).toFixed(0)} chars of text each) ` +
      `in ${s.toFixed(2)} s = ${(PAGES / s).toFixed(0)} docs/s on one core; datelines found in ${datelines}/${PAGES}`,
  );
}

function feedXml(base: string, f: number): string {
  const items = Array.from(
    { length: ITEMS_PER_FEED },
    (_, k) =>
      `<item><title>Story ${f}-${k}</title><link>${base}/page/${f * ITEMS_PER_FEED + k}</link><guid>g-${f}-${k}</guid><pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title>${items}</channel></rss>`;
}

async function benchFeeds(): Promise<void> {
  const server = createServer((req, res) => {
    const [, kind, n] = (req.url ?? '').split('/');
    if (kind === 'feed')
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: `"f${n}"` })
        .end(feedXml(base, Number(n)));
    if (kind === 'page') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(n)));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const docs: IngestedDocument[] = [];
  const seen = new Set<string>();
  const deps = {
    fetch: createSafeFetch({ allowPrivate: true }),
    now: () => new Date(),
    ingest: (doc: IngestedDocument) => void docs.push(doc),
    seen: (k: string) => seen.has(k),
    markSeen: (k: string) => void seen.add(k),
  };
  const feeds = Array.from({ length: FEEDS }, (_, f) => newFeedState(`${base}/feed/${f}`, 900));
  let t0 = performance.now();
  const states = [];
  for (const feed of feeds) states.push((await pollFeed(feed, deps)).feed);
  let s = (performance.now() - t0) / 1000;
  console.log(
    `first poll of ${FEEDS} local feeds (sequential, ${ITEMS_PER_FEED} pages each, page fetches 4 at a time per feed): ` +
      `${s.toFixed(2)} s = ${(FEEDS / s).toFixed(1)} feeds/s, ${(docs.length / s).toFixed(0)} items fetched+read/s (${docs.length} documents)`,
  );
  t0 = performance.now();
  let notModified = 0;
  let unchanged = 0;
  for (const feed of states) {
    const r = await pollFeed(feed, deps);
    if (r.status === 'not_modified') notModified++;
    else if (r.ingested === 0) unchanged++;
  }
  s = (performance.now() - t0) / 1000;
  console.log(
    `second poll of ${FEEDS} feeds (server ignores If-None-Match, so every item is recognised as seen): ` +
      `${s.toFixed(2)} s = ${(FEEDS / s).toFixed(0)} feeds/s; ${unchanged} without new items, ${notModified} not modified; documents still ${docs.length}`,
  );
  server.close();
}

/** The whole ingest path: HTML → document → extraction (all stages) → one SQLite transaction. */
async function benchStored(): Promise<void> {
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  const res = loadResources();
  await ingestDocument(store, documentFromText(page(PAGES + 1), 'warm-up', 'html'), res);
  const t0 = performance.now();
  for (const [i, html] of pages.entries()) {
    await ingestDocument(store, documentFromText(html, `https://ledger.example/story/${i}`, 'html'), res);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `HTML → stored document (read, extract, store): ${PAGES} pages in ${s.toFixed(2)} s = ${(PAGES / s).toFixed(0)} docs/s on one core`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

benchHtml();
await benchStored();
await benchFeeds();
