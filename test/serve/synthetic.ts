/**
 * Synthetic documents with hand-built extractions, written straight to a Store (no NLP): the API
 * tests, the browser tests and bench/api.ts use them. Texts are template sentences whose entity
 * spans are computed from the text, so every offset is exact.
 */
import type {
  Claim,
  Entity,
  Event,
  EventCategory,
  EventType,
  Extraction,
  FeatureClass,
  IngestedDocument,
  Relation,
  Span,
} from '../../src/core/index.js';
import { EXTRACTION_SCHEMA, documentId } from '../../src/core/index.js';
import { readPosted } from '../../src/serve/index.js';
import type { Ingester } from '../../src/serve/index.js';
import type { DocumentRecord } from '../../src/store/index.js';

interface Place {
  name: string;
  lat: number;
  lon: number;
  cc: string;
  admin1: string;
  featureClass: FeatureClass;
}

/** Real places (GeoNames coordinates, rounded); two are provinces, to exercise province-level precision. */
const PLACES: readonly Place[] = [
  { name: 'Quetta', lat: 30.19, lon: 67.0, cc: 'PK', admin1: 'Balochistan', featureClass: 'city' },
  { name: 'Peshawar', lat: 34.01, lon: 71.58, cc: 'PK', admin1: 'Khyber Pakhtunkhwa', featureClass: 'city' },
  { name: 'Balochistan', lat: 28.5, lon: 65.5, cc: 'PK', admin1: 'Balochistan', featureClass: 'admin1' },
  { name: 'Kabul', lat: 34.53, lon: 69.17, cc: 'AF', admin1: 'Kabul', featureClass: 'city' },
  { name: 'Jalalabad', lat: 34.43, lon: 70.45, cc: 'AF', admin1: 'Nangarhar', featureClass: 'city' },
  { name: 'Maiduguri', lat: 11.85, lon: 13.16, cc: 'NG', admin1: 'Borno', featureClass: 'city' },
  { name: 'Borno', lat: 11.5, lon: 13.0, cc: 'NG', admin1: 'Borno', featureClass: 'admin1' },
  { name: 'Mogadishu', lat: 2.04, lon: 45.34, cc: 'SO', admin1: 'Banaadir', featureClass: 'city' },
  { name: 'Gao', lat: 16.27, lon: -0.04, cc: 'ML', admin1: 'Gao', featureClass: 'city' },
  { name: 'Marib', lat: 15.46, lon: 45.33, cc: 'YE', admin1: 'Marib', featureClass: 'city' },
  { name: 'Srinagar', lat: 34.09, lon: 74.8, cc: 'IN', admin1: 'Jammu and Kashmir', featureClass: 'city' },
  { name: 'Goma', lat: -1.68, lon: 29.23, cc: 'CD', admin1: 'North Kivu', featureClass: 'city' },
];

const GROUPS: readonly { name: string; alias: string; kbId: string }[] = [
  { name: 'Tehreek-e-Taliban Pakistan', alias: 'TTP', kbId: 'ttp' },
  { name: 'Islamic State Khorasan Province', alias: 'ISKP', kbId: 'iskp' },
  { name: 'Balochistan Liberation Army', alias: 'BLA', kbId: 'bla' },
  { name: 'Boko Haram', alias: 'JAS', kbId: 'boko-haram' },
  { name: 'al-Shabaab', alias: 'Shabaab', kbId: 'al-shabaab' },
  { name: 'Jama’at Nusrat al-Islam wal-Muslimin', alias: 'JNIM', kbId: 'jnim' },
  { name: 'Ansar Allah', alias: 'Houthis', kbId: 'houthis' },
  { name: 'March 23 Movement', alias: 'M23', kbId: 'm23' },
];

const FIRST = [
  'Noor',
  'Abu',
  'Hafiz',
  'Amir',
  'Bashir',
  'Ibrahim',
  'Yusuf',
  'Omar',
  'Khalid',
  'Sultan',
  'Tariq',
  'Zaid',
];
const LAST = [
  'Mehsud',
  'Baloch',
  'Shekau',
  'Rahman',
  'Haqqani',
  'Karim',
  'Aziz',
  'Farouk',
  'Nasser',
  'Qadir',
  'Saleh',
  'Wali',
];

const KINDS: readonly [EventCategory, EventType, string][] = [
  ['explosions_remote_violence', 'remote_explosive_landmine_ied', 'a roadside bomb struck'],
  ['explosions_remote_violence', 'suicide_bomb', 'a suicide bomber attacked'],
  ['battles', 'armed_clash', 'fighters clashed with soldiers near'],
  ['violence_against_civilians', 'abduction_forced_disappearance', 'gunmen abducted villagers near'],
  ['explosions_remote_violence', 'air_drone_strike', 'a drone strike hit'],
];

/** How large a synthetic world to draw from: more groups, people and places for the bench. */
export interface WorldSize {
  readonly groups: number;
  readonly people: number;
  readonly places: number;
}

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function groupAt(i: number): { name: string; alias: string; kbId: string | null } {
  return GROUPS[i] ?? { name: `Front ${i} Brigade`, alias: `F${i}B`, kbId: null };
}

function placeAt(i: number, rand: () => number): Place {
  const known = PLACES[i];
  if (known) return known;
  const base = PLACES[i % PLACES.length]!;
  // Synthetic towns scattered around the real places; deterministic per index.
  const r = rng(i);
  void rand;
  return {
    name: `Town ${i}`,
    lat: base.lat + (r() - 0.5) * 4,
    lon: base.lon + (r() - 0.5) * 4,
    cc: base.cc,
    admin1: base.admin1,
    featureClass: 'city',
  };
}

function personAt(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const n = Math.floor(i / (FIRST.length * LAST.length));
  return n ? `${first} ${last} ${n + 1}` : `${first} ${last}`;
}

/** The n-th synthetic document of a world; `seed` varies the corpus. */
export function syntheticRecord(
  n: number,
  world: WorldSize = { groups: 8, people: 24, places: 12 },
  seed = 1,
): DocumentRecord {
  const rand = rng(seed * 1_000_003 + n);
  const place = placeAt(Math.floor(rand() * world.places), rand);
  const g = groupAt(Math.floor(Math.pow(rand(), 2) * world.groups));
  const person = personAt(Math.floor(rand() * world.people));
  const [category, type, verb] = pick(rand, KINDS);
  const killed = 1 + Math.floor(rand() * 20);
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 365) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const text =
    `${place.name.toUpperCase()}: On ${day}, ${verb} ${place.name}, killing ${killed} people, officials said. ` +
    `The ${g.name} (${g.alias}) claimed responsibility. ${person}, a commander of the ${g.alias}, denied that civilians were targeted. ` +
    `Residents said the ${g.alias} has operated around ${place.name} for months. Report ${n}.`;
  return buildRecord(text, { place, group: g, person, category, type, killed, day, n });
}

interface Parts {
  place: Place;
  group: { name: string; alias: string; kbId: string | null };
  person: string;
  category: EventCategory;
  type: EventType;
  killed: number;
  day: string;
  n: number;
}

function spansOf(text: string, s: string, from = 0): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(s, from); i >= 0; i = text.indexOf(s, i + s.length))
    out.push({ start: i, end: i + s.length });
  return out;
}

function buildRecord(text: string, p: Parts): DocumentRecord {
  const datelineEnd = text.indexOf(':');
  const body = datelineEnd + 1;
  const sentence = (needle: string): Span => {
    const start = text.lastIndexOf('. ', text.indexOf(needle)) + 2;
    const end = text.indexOf('.', text.indexOf(needle)) + 1;
    return { start: Math.max(start, body + 1), end };
  };
  // Longer names first; a shorter name inside one ("Shabaab" in "al-Shabaab") is not a second mention.
  const groupNames = spansOf(text, p.group.name);
  const outside = (spans: Span[], taken: Span[]): Span[] =>
    spans.filter((s) => !taken.some((t) => s.start < t.end && t.start < s.end));
  const groupMentions = [...groupNames, ...outside(spansOf(text, p.group.alias), groupNames)].sort(
    (a, b) => a.start - b.start,
  );
  const entities: Entity[] = [
    {
      id: 'e1',
      type: 'location',
      name: p.place.name,
      aliases: [],
      mentions: outside(spansOf(text, p.place.name, body), groupMentions),
      kbId: `geo:${p.place.name}`,
      geo: {
        lat: p.place.lat,
        lon: p.place.lon,
        countryCode: p.place.cc,
        admin1: p.place.admin1,
        admin2: null,
        featureClass: p.place.featureClass,
        geonamesId: null,
      },
    },
    {
      id: 'e2',
      type: 'group',
      name: p.group.name,
      aliases: [p.group.alias],
      mentions: groupMentions,
      kbId: p.group.kbId,
    },
    { id: 'e3', type: 'person', name: p.person, aliases: [], mentions: spansOf(text, p.person), kbId: null },
  ];
  const firstSentence = sentence('killing');
  const event: Event = {
    id: 'ev1',
    category: p.category,
    type: p.type,
    count: 1,
    date: { start: p.day, end: p.day, precision: 'day', text: `On ${p.day}` },
    location: 'e1',
    perpetrators: ['e2'],
    targets: ['people'],
    claimedBy: ['e2'],
    fatalities: { min: p.killed, max: p.killed, text: `killing ${p.killed} people` },
    injured: null,
    modality: 'asserted',
    sources: ['s1'],
    evidence: [firstSentence],
  };
  const relations: Relation[] = [
    {
      id: 'r1',
      type: 'member_of',
      subject: 'e3',
      object: 'e2',
      modality: 'asserted',
      sources: [],
      evidence: [sentence('a commander')],
    },
    {
      id: 'r2',
      type: 'operates_in',
      subject: 'e2',
      object: 'e1',
      modality: 'asserted',
      sources: [],
      evidence: [sentence('has operated')],
    },
    {
      id: 'r3',
      type: 'perpetrator_of',
      subject: 'e2',
      object: 'ev1',
      modality: 'claimed',
      sources: [],
      evidence: [sentence('claimed')],
    },
  ];
  const claims: Claim[] = [
    { id: 'c1', evidence: firstSentence, source: 's1', modality: 'asserted', credibility: 2, about: ['ev1'] },
    {
      id: 'c2',
      evidence: sentence('claimed'),
      source: null,
      modality: 'claimed',
      credibility: 3,
      about: ['ev1', 'e2'],
    },
    {
      id: 'c3',
      evidence: sentence('denied'),
      source: null,
      modality: 'denied',
      credibility: 4,
      about: ['e3', 'ev1'],
    },
  ];
  const doc: IngestedDocument = {
    text,
    title: `${p.type.replace(/_/g, ' ')} in ${p.place.name} (${p.n})`,
    url: `https://news.example/${p.n}`,
    published: p.day,
    dateline: p.place.name.toUpperCase(),
    datelineSpan: { start: 0, end: datelineEnd },
    language: 'en',
    outlet: 'Example Wire',
    author: null,
    origin: `synthetic:${p.n}`,
    problems: [],
  };
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    document: {
      id: documentId(text),
      title: doc.title,
      url: doc.url,
      published: doc.published,
      dateline: doc.dateline,
      language: 'en',
      outlet: doc.outlet,
    },
    entities,
    events: [event],
    relations,
    sources: [
      {
        id: 's1',
        text: 'officials',
        kind: 'official',
        reliability: 'B',
        mentions: spansOf(text, 'officials'),
      },
    ],
    claims,
  };
  return { doc, extraction };
}

/**
 * A stand-in for the pipeline in tests: the real ingest readers, then an extraction that knows only
 * the synthetic places by name. Keeps API and browser tests fast and independent of the NER model.
 */
export const testIngester: Ingester = (req) => {
  const doc = readPosted(req);
  const entities: Entity[] = PLACES.flatMap((pl, i) => {
    const mentions = spansOf(doc.text, pl.name);
    if (!mentions.length) return [];
    const geo = {
      lat: pl.lat,
      lon: pl.lon,
      countryCode: pl.cc,
      admin1: pl.admin1,
      admin2: null,
      featureClass: pl.featureClass,
      geonamesId: null,
    };
    return [
      {
        id: `e${i + 1}`,
        type: 'location' as const,
        name: pl.name,
        aliases: [],
        mentions,
        kbId: `geo:${pl.name}`,
        geo,
      },
    ];
  });
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    document: {
      id: documentId(doc.text),
      title: doc.title,
      url: doc.url,
      published: doc.published,
      dateline: doc.dateline,
      language: doc.language,
    },
    entities,
    events: [],
    relations: [],
    sources: [],
    claims: [],
  };
  return Promise.resolve({ doc, extraction });
};
