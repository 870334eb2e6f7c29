// Incremental cost of event fusion: saves generated documents (synthetic extraction records, not
// the NLP pipeline) through the Store, where each event is fused against candidates found by index,
// and compares the mean time per document of the first and the last 10% (BENCH_DOCS, default 100k).
// News arrives in date order and the density of incidents per day stays constant, as in a real feed:
// the store grows, the candidates per lookup do not.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentId } from '../src/core/index.js';
import type {
  Entity,
  Event,
  EventCategory,
  EventType,
  Extraction,
  IngestedDocument,
} from '../src/core/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { threadClock, threadCpuMs } from './_clock.js';

const N = Number(process.env.BENCH_DOCS ?? 100_000);
const DAYS = 5 * 365;
const COUNTRIES = [
  'PK',
  'AF',
  'SO',
  'NG',
  'ML',
  'SY',
  'IQ',
  'YE',
  'BF',
  'CD',
  'MZ',
  'KE',
  'IN',
  'CO',
  'PH',
  'NE',
  'ET',
  'SD',
  'LY',
  'UA',
];
const PROVINCES = 8;
const CITIES = 6;
const GROUPS = 40;
const KINDS: readonly [EventCategory, EventType][] = [
  ['explosions_remote_violence', 'remote_explosive_landmine_ied'],
  ['explosions_remote_violence', 'suicide_bomb'],
  ['battles', 'armed_clash'],
  ['violence_against_civilians', 'attack'],
  ['violence_against_civilians', 'abduction_forced_disappearance'],
  ['riots', 'violent_demonstration'],
  ['strategic_developments', 'arrests'],
];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 71 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

interface Incident {
  readonly country: string;
  readonly province: number;
  readonly city: number;
  readonly kind: readonly [EventCategory, EventType];
  readonly day: string;
  readonly group: number;
  readonly killed: number;
}

function dayOf(i: number): string {
  return new Date(Date.UTC(2020, 0, 1) + Math.floor((i / N) * DAYS) * 86_400_000).toISOString().slice(0, 10);
}

const recent: Incident[] = [];

/** The next incident: 40% of documents report one of the last 500 incidents again (different figures and words). */
function nextIncident(i: number): Incident {
  if (recent.length > 50 && rand() < 0.4) {
    const old = pick(recent);
    return { ...old, killed: Math.max(0, old.killed + Math.floor(rand() * 7) - 2) };
  }
  const published = dayOf(i);
  const back = Math.floor(rand() * 3);
  const day = new Date(Date.parse(`${published}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
  const inc: Incident = {
    country: pick(COUNTRIES),
    province: Math.floor(rand() * PROVINCES),
    city: Math.floor(rand() * CITIES),
    kind: pick(KINDS),
    day,
    group: Math.floor(rand() * GROUPS),
    killed: Math.floor(rand() * 30),
  };
  recent.push(inc);
  if (recent.length > 500) recent.shift();
  return inc;
}

function record(i: number): { doc: IngestedDocument; extraction: Extraction } {
  const inc = nextIncident(i);
  const city = `${inc.country} City ${inc.province}-${inc.city}`;
  const province = `${inc.country} Province ${inc.province}`;
  const group = `Group ${inc.group}`;
  const atProvince = rand() < 0.1;
  const place = atProvince ? province : city;
  const text = `${place.toUpperCase()}: report ${i}. An incident (${inc.kind[1]}) in ${place} killed ${inc.killed} people, officials said. ${group} claimed it.`;
  const at = (s: string): { start: number; end: number } => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  });
  const published = dayOf(i);
  const doc: IngestedDocument = {
    text,
    title: `Report ${i}`,
    url: null,
    published,
    dateline: place.toUpperCase(),
    datelineSpan: null,
    language: 'en',
    outlet: `Outlet ${i % 50}`,
    author: null,
    origin: `bench-${i}`,
    problems: [],
  };
  const location: Entity = {
    id: 'e1',
    type: 'location',
    name: place,
    aliases: [],
    mentions: [at(` ${place} `)].map((s) => ({ start: s.start + 1, end: s.end - 1 })),
    kbId: null,
    key: `place:${place}`,
    geo: {
      lat: 30,
      lon: 66,
      countryCode: inc.country,
      admin1: province,
      admin2: null,
      featureClass: atProvince ? 'admin1' : 'city',
      geonamesId: null,
    },
  };
  const actor: Entity = {
    id: 'e2',
    type: 'group',
    name: group,
    aliases: [],
    mentions: [at(group)],
    kbId: null,
    key: `group:${inc.group}`,
  };
  const event: Event = {
    id: 'ev1',
    category: inc.kind[0],
    type: inc.kind[1],
    count: 1,
    date: { start: inc.day, end: inc.day, precision: 'day', text: null },
    location: 'e1',
    perpetrators: ['e2'],
    targets: [],
    claimedBy: ['e2'],
    fatalities: { min: inc.killed, max: inc.killed, text: null },
    injured: null,
    modality: 'asserted',
    sources: [],
    evidence: [at(`An incident`)].map((s) => ({ start: s.start, end: text.indexOf('said.') + 5 })),
  };
  const extraction: Extraction = {
    schema: 'sitrep.extraction/1',
    document: {
      id: documentId(text),
      title: doc.title,
      url: null,
      published,
      dateline: doc.dateline,
      language: 'en',
    },
    entities: [location, actor],
    events: [event],
    relations: [],
    sources: [],
    claims: [],
  };
  return { doc, extraction };
}

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'sitrep-bench-fusion-'));
const store = openSqliteStore(join(dir, 'bench.db'));
const tenth = Math.floor(N / 10);
let first = 0;
let last = 0;
// CPU time of this process too: on a shared machine wall time also measures the neighbours.
let cpuFirst = 0;
let cpuLast = 0;
// The main thread's own CPU time: GC and compiler threads, and the neighbours, left out.
let threadFirst = 0;
let threadLast = 0;
let threadSlice = 0;
let wallSlice = 0;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const r = record(i);
  const t = performance.now();
  const c = cpuMs();
  const th = threadCpuMs();
  await store.saveDocument({
    ...r,
    story: { storyId: `story:${i}`, fingerprint: { exactKey: `k${i}`, signature: '', bands: [] } },
  });
  const dt = performance.now() - t;
  const dc = cpuMs() - c;
  const dth = threadCpuMs() - th;
  threadSlice += dth;
  wallSlice += dt;
  if (i < tenth) {
    first += dt;
    cpuFirst += dc;
    threadFirst += dth;
  }
  if (i >= N - tenth) {
    last += dt;
    cpuLast += dc;
    threadLast += dth;
  }
  if ((i + 1) % tenth === 0) {
    console.log(
      `  ${i + 1} documents, ${((performance.now() - t0) / 1000).toFixed(0)} s wall, ${(cpuMs() / 1000).toFixed(0)} s CPU; ` +
        `this slice ${(threadSlice / tenth).toFixed(3)} ms ${threadClock}/doc, ${(wallSlice / tenth).toFixed(3)} ms wall/doc; ` +
        `load ${loadavg()[0]!.toFixed(2)}`,
    );
    threadSlice = 0;
    wallSlice = 0;
  }
}
const db = store.db;
const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
const reports = count('SELECT count(*) AS n FROM fusion_reports');
const fused = count('SELECT count(DISTINCT fused_id) AS n FROM fusion_reports');
const contradictions = count("SELECT count(*) AS n FROM fusion_contradictions WHERE kind <> 'revision'");
const revisions = count("SELECT count(*) AS n FROM fusion_contradictions WHERE kind = 'revision'");
const msFirst = first / tenth;
const msLast = last / tenth;
console.log(`saved ${N} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(
  `${reports} event reports → ${fused} fused events; ${contradictions} contradictions, ${revisions} revisions`,
);
console.log(
  `per document (wall): first ${tenth} ${msFirst.toFixed(3)} ms, last ${tenth} ${msLast.toFixed(3)} ms (last/first ${(msLast / msFirst).toFixed(2)})`,
);
console.log(
  `per document (${threadClock}): first ${tenth} ${(threadFirst / tenth).toFixed(3)} ms, last ${tenth} ${(threadLast / tenth).toFixed(3)} ms (last/first ${(threadLast / threadFirst).toFixed(2)})`,
);
console.log(
  `per document (CPU):  first ${tenth} ${(cpuFirst / tenth).toFixed(3)} ms, last ${tenth} ${(cpuLast / tenth).toFixed(3)} ms (last/first ${(cpuLast / cpuFirst).toFixed(2)})`,
);
// Wall time on a shared machine depends on the neighbours: say how busy it was.
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
const plan = db
  .prepare(
    `EXPLAIN QUERY PLAN SELECT e.doc_id FROM events e INDEXED BY events_fusion
     WHERE e.category = ? AND e.country_code = ? AND e.date_start BETWEEN ? AND ?`,
  )
  .all('battles', 'PK', '2024-01-01', '2024-02-01') as { detail: string }[];
console.log(`candidate lookup plan: ${plan.map((p) => p.detail).join('; ')}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
