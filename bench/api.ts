// API latency under load: builds a large synthetic database straight through the Store (no NLP),
// starts `sitrep serve`'s app in a child process, and measures p50/p95/p99 of the entity profile,
// event filter, GeoJSON and search endpoints, one request at a time and then with 20 concurrent
// clients (autocannon), with the response cache and without it (varied requests, most of which
// the cache cannot answer anyway), with the server's CPU time per request.
//   npx tsx bench/api.ts [--docs 100000] [--seconds 10] [--db PATH (reused if it has the docs)]
//     [--readers N (reader threads for GET /api/*; default as `sitrep serve`: one per core, at most 4)]
//     [--no-cache (only the run without response cache: every request is answered from the database)]
//     [--service (one request at a time in process: each endpoint's own cost, no load)]
//     [--only NAME (with --service: that endpoint alone, e.g. under node --cpu-prof)]
//     [--queries (single-query timings through the Store, no HTTP)]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp, defaultReaders, startServer } from '../src/serve/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { rng, syntheticRecord } from '../test/serve/synthetic.js';

const WORLD = { groups: 2000, people: 20_000, places: 5000 };
/** Requests of the one-client pass. */
const SINGLE_REQUESTS = 200;
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    db: { type: 'string', default: join(import.meta.dirname, '..', 'tmp', 'bench-api.db') },
    serve: { type: 'boolean', default: false },
    readers: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    queries: { type: 'boolean', default: false },
    service: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

if (values.serve) {
  // Child mode: serve the database until killed.
  const store = openSqliteStore(values.db);
  // Without --readers the server runs as `sitrep serve` does.
  const readers = { readers: values.readers === undefined ? defaultReaders() : Number(values.readers) };
  const server = await startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
    cacheResponses: !values['no-cache'],
    ...readers,
  });
  process.stdout.write(`${server.url}\n`);
  // The parent asks for the cache's counters and the CPU time used between passes.
  process.on('SIGUSR2', () => {
    const { hits, misses } = server.cache?.stats() ?? { hits: 0, misses: 0 };
    process.stdout.write(`${JSON.stringify({ hits, misses, cpuMs: cpuMs() })}\n`);
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const docs = Number(values.docs);
  await buildDatabase(values.db, docs);
  if (values.queries) return singleQueries(values.db);
  if (values.service) return serviceTimes(values.db);
  // Both by default: the cache's figures alone would hide what a request the cache cannot answer
  // costs. Each server starts empty and is asked the same sequence of requests.
  const modes = values['no-cache'] ? [false] : [true, false];
  const tables: [boolean, string[][]][] = [];
  for (const cached of modes) tables.push([cached, await runServer(cached)]);
  for (const [cached, rows] of tables) printTable(docs, cached, rows);
}

/**
 * Starts a serving child (with or without the response cache) and measures each endpoint: first
 * one request at a time (what a request costs with no queue: latency and the server's CPU time),
 * then 20 concurrent clients.
 */
async function runServer(cached: boolean): Promise<string[][]> {
  const readers = values.readers === undefined ? [] : ['--readers', values.readers];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      '--serve',
      '--db',
      values.db,
      ...readers,
      ...(cached ? [] : ['--no-cache']),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readLines(child.stdout);
  const url = await lines.next();
  const counts = async (): Promise<ServerCounts> => {
    child.kill('SIGUSR2');
    return JSON.parse(await lines.next()) as ServerCounts;
  };
  try {
    const cases = await requestMakers(values.db);
    const rows: string[][] = [];
    process.stdout.write(
      `${cached ? 'cached' : 'no cache'}: load average before ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    for (const [name, path] of cases) {
      // Warm-up, not counted: reader threads compile the app on their first request.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 10; i++) await (await fetch(url + path())).arrayBuffer();
        }),
      );
      const c0 = await counts();
      const single = await measureSingle(url, path, SINGLE_REQUESTS);
      const c1 = await counts();
      const figures = await measure(url, path, Number(values.seconds));
      const c2 = await counts();
      // Hits and misses are counted over the concurrent requests alone.
      const served = c2.hits + c2.misses - c1.hits - c1.misses;
      const hitRate = served ? `${((100 * (c2.hits - c1.hits)) / served).toFixed(1)}%` : 'off';
      const cpu1 = (c1.cpuMs - c0.cpuMs) / SINGLE_REQUESTS;
      const cpu20 = (c2.cpuMs - c1.cpuMs) / Math.max(1, Number(figures[0]));
      rows.push([
        name,
        ...single,
        cpu1.toFixed(2),
        ...figures,
        cpu20.toFixed(2),
        hitRate,
        loadavg()[0]!.toFixed(2),
      ]);
    }
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}

/** One client, one request at a time: [p50, p95, p99] in ms. */
async function measureSingle(url: string, path: () => string, n: number): Promise<string[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url + path());
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number): string => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  return [at(0.5), at(0.95), at(0.99)];
}

/** What the serving child prints on SIGUSR2: cache counters (zeros without a cache) and its CPU time. */
interface ServerCounts {
  hits: number;
  misses: number;
  /** CPU milliseconds the server process has used, all its threads (reader threads included). */
  cpuMs: number;
}

/** Successive lines of a stream, one per call. */
function readLines(stream: NodeJS.ReadableStream): { next(): Promise<string> } {
  const ready: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let rest = '';
  stream.on('data', (b: Buffer) => {
    const parts = (rest + b.toString()).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      const w = waiting.shift();
      if (w) w(line.trim());
      else ready.push(line.trim());
    }
  });
  return {
    next: () =>
      ready.length ? Promise.resolve(ready.shift()!) : new Promise((resolve) => waiting.push(resolve)),
  };
}

/**
 * What each endpoint is asked, drawn at random from the whole database: entities (half of them
 * among the 1,000 most documented, half from all: groups, people and places), place and actor names, sub-event types and
 * months, map boxes of any size anywhere over the events, and search words from the corpus. With
 * this many different requests a response cache cannot answer most of them; the hit rate printed
 * beside each row says how many it did.
 */
async function requestMakers(path: string): Promise<[string, () => string][]> {
  const store = openSqliteStore(path);
  const db = store.db;
  const entityKeys = db.prepare('SELECT entity_key FROM entity_stats').pluck().all() as string[];
  // Listings rank by documents, so analysts open the much-reported entities most often.
  const popular = db
    .prepare('SELECT entity_key FROM entity_stats ORDER BY documents DESC LIMIT 1000')
    .pluck()
    .all() as string[];
  const names = (type: string): string[] =>
    db.prepare('SELECT name FROM entity_stats WHERE type = ?').pluck().all(type) as string[];
  const groups = names('group');
  const people = names('person');
  const places = names('location');
  const aliases = db
    .prepare(
      `SELECT f.value FROM entity_facets f JOIN entity_stats s ON s.entity_key = f.entity_key
       WHERE f.kind = 'alias' AND s.type = 'group'`,
    )
    .pluck()
    .all() as string[];
  const countries = db
    .prepare('SELECT DISTINCT country_code FROM events WHERE country_code IS NOT NULL')
    .pluck()
    .all() as string[];
  const types = db.prepare('SELECT DISTINCT type FROM events').pluck().all() as string[];
  const categories = db.prepare('SELECT DISTINCT category FROM events').pluck().all() as string[];
  const box = db
    .prepare('SELECT min(lon) AS w, min(lat) AS s, max(lon) AS e, max(lat) AS n FROM events')
    .get() as { w: number; s: number; e: number; n: number };
  await store.close();
  process.stdout.write(
    `request pool: ${entityKeys.length} entities, ${places.length} places, ${groups.length + aliases.length} actor names, ${people.length} people\n`,
  );
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const q = encodeURIComponent;
  const day = (): string => {
    const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 366) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const range = (): string => {
    const a = day();
    const b = day();
    return a < b ? `since=${a}&until=${b}` : `since=${b}&until=${a}`;
  };
  const eventFilter = (): string =>
    pick([
      () => `type=${pick([...types, ...categories])}&${range()}`,
      () => `place=${q(pick([...places, ...countries]))}`,
      () => `actor=${q(pick([...groups, ...aliases]))}`,
      () => `actor=${q(pick(people))}&type=${pick(categories)}`,
      () => `entity=${q(pick(entityKeys))}`,
      () => `place=${q(pick(countries))}&${range()}`,
    ])();
  const bbox = (): string => {
    const width = 0.5 + rand() * 12;
    const height = 0.5 + rand() * 10;
    const west = box.w - 2 + rand() * (box.e - box.w + 4 - width);
    const south = box.s - 2 + rand() * (box.n - box.s + 4 - height);
    const f = (x: number): string => x.toFixed(2);
    return `${f(west)},${f(south)},${f(west + width)},${f(south + height)}`;
  };
  const words = [
    'suicide bomber',
    'drone strike',
    'roadside bomb',
    'abducted villagers',
    'clashed',
    'commander',
  ];
  return [
    // Half from the 1,000 most-documented entities, half from all of them (mostly rare names).
    ['entity profile', () => `/api/entities/${q(pick(rand() < 0.5 ? popular : entityKeys))}`],
    ['event filter', () => `/api/events?${eventFilter()}&limit=100`],
    ['GeoJSON', () => `/api/events/geojson?bbox=${bbox()}&limit=500`],
    [
      'search',
      () =>
        `/api/search?q=${q(
          pick([
            () => pick(places),
            () => pick(people),
            () => pick(groups),
            () => `${pick(words)} ${pick(places)}`,
            () => pick(words),
          ])(),
        )}`,
    ],
  ];
}

/**
 * One request at a time, in process, without the response cache: what each endpoint costs to
 * answer (route, queries, JSON) over the same varied requests as the load test.
 */
async function serviceTimes(path: string): Promise<void> {
  const cases = (await requestMakers(path)).filter(([name]) => !values.only || name === values.only);
  const store = openSqliteStore(path);
  const app = createApp({ store, webRoot: null });
  // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
  const head = ['endpoint', 'requests', 'mean ms', 'p50 ms', 'p95 ms', 'max ms', 'CPU ms/req', 'mean KB'];
  const rows: string[][] = [];
  for (const [name, make] of cases) {
    const ms: number[] = [];
    let bytes = 0;
    let cpu = 0;
    for (let i = 0; i < 300; i++) {
      if (i === 50) cpu = cpuMs();
      const url = make();
      const t = performance.now();
      const res = await app.request(url);
      const body = await res.arrayBuffer();
      ms.push(performance.now() - t);
      bytes += body.byteLength;
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${new TextDecoder().decode(body)}`);
    }
    const timed = ms.slice(50).sort((a, b) => a - b);
    const at = (p: number): string => timed[Math.floor(p * (timed.length - 1))]!.toFixed(2);
    const mean = timed.reduce((a, b) => a + b, 0) / timed.length;
    const cpuPer = (cpuMs() - cpu) / timed.length;
    rows.push([
      name,
      String(timed.length),
      mean.toFixed(2),
      at(0.5),
      at(0.95),
      at(1),
      cpuPer.toFixed(2),
      (bytes / 300 / 1024).toFixed(1),
    ]);
  }
  await store.close();
  const all = [head, ...rows];
  const width = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  process.stdout.write(
    `one request at a time (first 50 of 300 are warm-up); load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  for (const r of all) process.stdout.write(`${r.map((c, i) => c.padEnd(width[i]!)).join('  ')}\n`);
}

/** CPU milliseconds this process has used (all its threads). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median and slowest of 7 runs of each heavy query, straight through the Store (no HTTP, no JSON). */
async function singleQueries(path: string): Promise<void> {
  const store = openSqliteStore(path);
  const time = async (label: string, q: () => Promise<unknown>): Promise<void> => {
    const ms: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await q();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    process.stdout.write(`${label.padEnd(44)} median ${ms[3]!.toFixed(1)} ms  max ${ms[6]!.toFixed(1)} ms\n`);
  };
  const [top] = await store.listEntities({ type: 'group', limit: 1 });
  const [person] = await store.listEntities({ prefix: 'noor', limit: 1 });
  await time('entities: 200 groups', () => store.listEntities({ type: 'group', limit: 200 }));
  await time('entities: prefix "noor"', () => store.listEntities({ prefix: 'noor', limit: 50 }));
  await time(`profile: most-mentioned group (${top!.documents} docs)`, () =>
    store.getEntityProfile(top!.key),
  );
  await time('profile: a person', () => store.getEntityProfile(person!.key));
  await time('events: battles in May', () =>
    store.listEvents({ type: 'battles', since: '2024-05-01', until: '2024-05-28', limit: 100 }),
  );
  await time('events: place Balochistan', () => store.listEvents({ place: 'Balochistan', limit: 100 }));
  await time('events: place PK', () => store.listEvents({ place: 'PK', limit: 100 }));
  await time('events: actor TTP', () => store.listEvents({ actor: 'TTP', limit: 100 }));
  await time('events: bbox 60,20,70,30 (500)', () =>
    store.listEvents({ bbox: [60, 20, 70, 30], limit: 500 }),
  );
  await time('search: "suicide bomber"', () => store.search('suicide bomber'));
  await time('search: "Town 17"', () => store.search('Town 17'));
  await store.close();
}

/** Writes `docs` synthetic documents unless the file already holds them. */
async function buildDatabase(path: string, docs: number): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const store = openSqliteStore(path);
  const have = await store.countDocuments();
  if (have >= docs) {
    process.stdout.write(`reusing ${path} (${have} documents)\n`);
    return store.close();
  }
  const t0 = performance.now();
  // One transaction per 1,000 documents: the store's own per-document transactions nest as savepoints.
  const batch = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) void store.saveDocument(syntheticRecord(i, WORLD));
  });
  for (let i = have; i < docs; i += 1000) {
    batch(i, Math.min(docs, i + 1000));
    if (i % 10_000 === 0) process.stdout.write(`  ${i} documents…\n`);
  }
  store.db.pragma('optimize');
  process.stdout.write(
    `built ${docs - have} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}${existsSync(path) ? '' : ''}\n`,
  );
  await store.close();
}

/** Runs 20 clients for `seconds` and returns [requests, req/s, p50 ms, p95 ms, p99 ms, non-2xx]. */
async function measure(url: string, path: () => string, seconds: number): Promise<string[]> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections: 20,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    inst.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  times.sort((a, b) => a - b);
  const q = (p: number): string =>
    (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN).toFixed(1);
  return [
    String(times.length),
    (times.length / seconds).toFixed(0),
    q(0.5),
    q(0.95),
    q(0.99),
    String(non2xx + result.errors),
  ];
}

function printTable(docs: number, cached: boolean, rows: string[][]): void {
  const head = [
    'endpoint',
    '1 client p50',
    'p95',
    'p99',
    'CPU ms/req',
    '20 clients requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'CPU ms/req',
    'cache hits',
    'load',
  ];
  const all = [head, ...rows];
  const width = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  process.stdout.write(
    `\n${docs} documents, ${cached ? 'response cache on' : 'no response cache (--no-cache)'}, readers ${values.readers ?? `default (${defaultReaders()})`}; target p95 < 50 ms with 20 clients\n`,
  );
  for (const r of all) process.stdout.write(`${r.map((c, i) => c.padEnd(width[i]!)).join('  ')}\n`);
}
