// Store write and query speed: documents/s saved into a fresh SQLite file (one transaction per
// document), and latency percentiles of search and event filters over what was written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentId } from '../src/core/index.js';
import type { Extraction, IngestedDocument } from '../src/core/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const N = Number(process.env.BENCH_DOCS ?? 20_000);
const places = ['Quetta', 'Peshawar', 'Kabul', 'Mogadishu', 'Maiduguri', 'Gao', 'Idlib', 'Kirkuk'];
const groups = [
  'TTP',
  'ISKP',
  'al-Shabaab',
  'ISWAP',
  'JNIM',
  'HTS',
  'Islamic State',
  'Baloch Liberation Army',
];

function record(i: number): { doc: IngestedDocument; extraction: Extraction } {
  const place = places[i % places.length]!;
  const group = groups[(i * 7) % groups.length]!;
  const text = `${place.toUpperCase()}: A bomb killed ${i % 40} people near a market in ${place} on day ${i}. ${group} claimed the attack, officials said.`;
  const at = (s: string): { start: number; end: number } => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  });
  const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const doc: IngestedDocument = {
    text,
    title: `Bomb in ${place} #${i}`,
    url: null,
    published: day,
    dateline: place.toUpperCase(),
    datelineSpan: { start: 0, end: place.length + 1 },
    language: 'en',
    outlet: null,
    author: null,
    origin: `bench-${i}`,
    problems: [],
  };
  const extraction: Extraction = {
    schema: 'sitrep.extraction/1',
    document: {
      id: documentId(text),
      title: doc.title,
      url: null,
      published: day,
      dateline: doc.dateline,
      language: 'en',
    },
    entities: [
      {
        id: 'e1',
        type: 'location',
        name: place,
        aliases: [],
        mentions: [at(` ${place} `)].map((s) => ({ start: s.start + 1, end: s.end - 1 })),
        kbId: null,
        geo: {
          lat: 30,
          lon: 66,
          countryCode: 'PK',
          admin1: 'Balochistan',
          admin2: null,
          featureClass: 'city',
          geonamesId: null,
        },
      },
      { id: 'e2', type: 'group', name: group, aliases: [], mentions: [at(group)], kbId: null },
    ],
    events: [
      {
        id: 'ev1',
        category: 'explosions_remote_violence',
        type: 'remote_explosive_landmine_ied',
        count: 1,
        date: { start: day, end: day, precision: 'day', text: null },
        location: 'e1',
        perpetrators: ['e2'],
        targets: [],
        claimedBy: ['e2'],
        fatalities: { min: i % 40, max: i % 40, text: null },
        injured: null,
        modality: 'asserted',
        sources: [],
        evidence: [{ start: 0, end: text.indexOf('.') + 1 }],
      },
    ],
    relations: [],
    sources: [],
    claims: [],
  };
  return { doc, extraction };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const store = openSqliteStore(join(dir, 'bench.db'));
const t0 = performance.now();
let firstTenth = 0;
for (let i = 0; i < N; i++) {
  await store.saveDocument(record(i));
  if (i === Math.floor(N / 10)) firstTenth = performance.now() - t0;
}
const sec = (performance.now() - t0) / 1000;
console.log(
  `saved ${N} documents in ${sec.toFixed(1)} s: ${(N / sec).toFixed(0)} docs/s (first 10%: ${(N / 10 / (firstTenth / 1000)).toFixed(0)} docs/s)`,
);

async function latency(label: string, q: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await q();
    times.push(performance.now() - t);
  }
  console.log(`${label.padEnd(32)} p50 ${pct(times, 50).toFixed(2)} ms  p95 ${pct(times, 95).toFixed(2)} ms`);
}
await latency('search "market bomb"', () => store.search('market bomb', { limit: 20 }));
await latency('events --actor ISKP --limit 50', () => store.listEvents({ actor: 'ISKP', limit: 50 }));
await latency('events --place Quetta --since', () =>
  store.listEvents({ place: 'Quetta', since: '2024-06-01', limit: 50 }),
);
await latency('entities --limit 50', () => store.listEntities({ limit: 50 }));
await store.close();
rmSync(dir, { recursive: true, force: true });
