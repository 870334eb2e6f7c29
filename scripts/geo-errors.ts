/**
 * Error analysis of toponym resolution given the gold spans: lists each wrong resolution (error
 * > 161 km) with gold vs predicted, grouped by a rough cause, and prints Acc@161 on the even and
 * odd document lines separately (tune on one half, check on the other).
 *
 *   npx tsx scripts/geo-errors.ts ../shared/data/geo/trnews.jsonl [--half even|odd] [--list] [--json]
 */
import { readFileSync } from 'node:fs';
import { loadGazetteer, type Place } from '../src/kb/gazetteer/index.js';
import { distanceKm } from '../src/resolve/geo/distance.js';
import { goldToponym } from '../src/resolve/geo/gold-toponym.js';
import { resolveToponyms } from '../src/resolve/geo/resolve-toponyms.js';

interface Gold {
  start: number;
  end: number;
  phrase: string;
  lat: number;
  lon: number;
  fcode?: string | null;
  country?: string | null;
}
interface Doc {
  id: string;
  text: string;
  toponyms: Gold[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: geo-errors.ts FILE.jsonl [--half even|odd] [--list]');
const halfIdx = args.indexOf('--half');
const half = halfIdx >= 0 ? args[halfIdx + 1] : null;
const list = args.includes('--list');

const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Doc);
const gaz = loadGazetteer();

interface Row {
  doc: string;
  phrase: string;
  gold: Gold;
  pred: { name: string; cc: string | null; cls: string; lat: number; lon: number } | null;
  km: number;
  cause: string;
  /** Nearest reading among the candidates, if any lies within 161 km. */
  nearest: string;
}

function causeOf(g: Gold, predPlace: Place | undefined, candidates: readonly Place[], km: number): string {
  if (!predPlace) return 'unresolved';
  const within = candidates.filter((c) => distanceKm(g, c) <= 161);
  if (candidates.length === 0) return 'no candidates';
  if (within.length === 0) {
    if (g.fcode?.startsWith('PCL') || predPlace.featureClass === 'country') return 'country centre off';
    if (g.fcode === 'CONT' || predPlace.featureClass === 'continent') return 'continent centre off';
    if (g.fcode?.startsWith('ADM') || predPlace.featureClass.startsWith('admin'))
      return 'admin centre off / missing';
    return 'missing reading';
  }
  const best = within[0];
  if (best && best.countryCode !== predPlace.countryCode) return 'wrong country';
  if (best && best.featureClass !== predPlace.featureClass)
    return `class ${predPlace.featureClass} instead of ${best.featureClass}`;
  return km > 0 ? 'same class, same country, wrong one' : 'other';
}

const rows: Row[] = [];
let n = 0;
let ok = 0;
const perHalf: Record<'even' | 'odd', [number, number]> = { even: [0, 0], odd: [0, 0] };
docs.forEach((doc, line) => {
  const h = line % 2 === 0 ? 'even' : 'odd';
  if (half && half !== h) return;
  const toponyms = doc.toponyms.map((t) => goldToponym(doc.text, t.start, t.end));
  const resolved = resolveToponyms({ text: doc.text, toponyms, dateline: null }, gaz);
  for (const g of doc.toponyms) {
    const r = resolved.find((x) => x.start === g.start && x.end === g.end);
    const km = r ? distanceKm(g, r.geo) : 20_038;
    n++;
    perHalf[h][1]++;
    if (km <= 161) {
      ok++;
      perHalf[h][0]++;
      continue;
    }
    const t = goldToponym(doc.text, g.start, g.end);
    const candidates = gaz.candidates(t.name);
    const predPlace = r ? gaz.get(r.kbId) : undefined;
    const near = candidates.map((c) => ({ c, d: distanceKm(g, c) })).sort((a, b) => a.d - b.d)[0];
    rows.push({
      doc: doc.id,
      phrase: g.phrase,
      gold: g,
      pred: r
        ? { name: r.name, cc: r.geo.countryCode, cls: r.geo.featureClass, lat: r.geo.lat, lon: r.geo.lon }
        : null,
      km: Math.round(km),
      cause: causeOf(g, predPlace, candidates, km),
      nearest: near
        ? `${near.c.name} ${near.c.countryCode ?? ''} ${near.c.featureCode} ${Math.round(near.d)}km`
        : '-',
    });
  }
});

const acc = (x: number[]): string => (x[1] ? ((x[0] ?? 0) / x[1]).toFixed(4) : '-');
console.log(
  `${file}: Acc@161 ${(ok / n).toFixed(4)} (n ${n}); even ${acc(perHalf.even)} (n ${perHalf.even[1]}), odd ${acc(perHalf.odd)} (n ${perHalf.odd[1]})`,
);
const byCause = new Map<string, Row[]>();
for (const r of rows) byCause.set(r.cause, [...(byCause.get(r.cause) ?? []), r]);
for (const [cause, rs] of [...byCause].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n## ${cause}: ${rs.length}`);
  if (!list) continue;
  for (const r of rs) {
    const g = r.gold;
    const p = r.pred;
    console.log(
      `  ${r.doc} "${r.phrase}" gold ${g.country ?? '?'} ${g.fcode ?? '?'} (${g.lat.toFixed(2)},${g.lon.toFixed(2)}) → ` +
        (p ? `${p.name} ${p.cc ?? ''} ${p.cls} (${p.lat.toFixed(2)},${p.lon.toFixed(2)})` : 'none') +
        ` ${r.km} km | nearest: ${r.nearest}`,
    );
  }
}
