// API latency under load: builds a large synthetic database straight through the Store (no NLP),
// starts `sitrep serve`'s app in a child process, and measures p50/p95 of the entity profile,
// event filter, GeoJSON and search endpoints with 20 concurrent clients (autocannon).
//   npx tsx bench/api.ts [--docs 100000] [--seconds 10] [--db PATH (reused if it has the docs)]
//     [--readers N (reader threads for GET /api/*; default 0 = main thread only)]
//     [--queries (single-query timings through the Store, no HTTP)]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer } from '../src/serve/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { rng, syntheticRecord } from '../test/serve/synthetic.js';

const WORLD = { groups: 2000, people: 20_000, places: 5000 };
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    db: { type: 'string', default: join(import.meta.dirname, '..', 'tmp', 'bench-api.db') },
    serve: { type: 'boolean', default: false },
    readers: { type: 'string' },
    queries: { type: 'boolean', default: false },
  },
});

if (values.serve) {
  // Child mode: serve the database until killed.
  const store = openSqliteStore(values.db);
  const readers = values.readers === undefined ? {} : { readers: Number(values.readers) };
  const server = await startServer({ store, port: 0, host: '127.0.0.1', webRoot: null, ...readers });
  process.stdout.write(`${server.url}\n`);
} else {
  await main();
}

async function main(): Promise<void> {
  const docs = Number(values.docs);
  await buildDatabase(values.db, docs);
  if (values.queries) return singleQueries(values.db);
  const readers = values.readers === undefined ? [] : ['--readers', values.readers];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--serve', '--db', values.db, ...readers],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve) =>
    child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())),
  );
  try {
    const store = openSqliteStore(values.db);
    const keys = (await store.listEntities({ type: 'group', limit: 200 })).map((e) => e.key);
    const people = (await store.listEntities({ prefix: 'noor', limit: 50 })).map((e) => e.key);
    await store.close();
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const places = [
      'Quetta',
      'Peshawar',
      'Kabul',
      'Maiduguri',
      'Mogadishu',
      'Gao',
      'Marib',
      'Srinagar',
      'Goma',
      'PK',
      'NG',
      'Balochistan',
    ];
    const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
    const cases: [string, () => string][] = [
      ['entity profile', () => `/api/entities/${encodeURIComponent(pick([...keys, ...people]))}`],
      [
        'event filter',
        () => {
          const m = pick(months);
          return pick([
            `/api/events?type=battles&since=${m}-01&until=${m}-28&limit=100`,
            `/api/events?place=${pick(places)}&limit=100`,
            `/api/events?actor=${encodeURIComponent(pick(['TTP', 'ISKP', 'Boko Haram', 'JNIM', 'M23']))}&limit=100`,
          ]);
        },
      ],
      [
        'GeoJSON',
        () => {
          const lon = 40 + Math.floor(rand() * 30);
          const lat = Math.floor(rand() * 30);
          return `/api/events/geojson?bbox=${lon},${lat},${lon + 10},${lat + 10}&limit=500`;
        },
      ],
      [
        'search',
        () =>
          `/api/search?q=${encodeURIComponent(pick([...places.slice(0, 9), 'Town 17', 'Town 1234', 'commander Mehsud', 'suicide bomber', 'drone strike Marib']))}`,
      ],
    ];
    const rows: string[][] = [];
    for (const [name, path] of cases)
      rows.push([name, ...(await measure(url, path, Number(values.seconds)))]);
    printTable(docs, rows);
  } finally {
    child.kill('SIGTERM');
  }
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

function printTable(docs: number, rows: string[][]): void {
  const head = ['endpoint', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'];
  const all = [head, ...rows];
  const width = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  process.stdout.write(`\n${docs} documents, 20 concurrent clients, target p95 < 50 ms\n`);
  for (const r of all) process.stdout.write(`${r.map((c, i) => c.padEnd(width[i]!)).join('  ')}\n`);
}
