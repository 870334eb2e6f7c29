/**
 * The gazetteer read from the built files in data/gazetteer/ (layout in ./format.ts). Loading
 * only splits the two files into lines; a place is parsed when first asked for, and names are
 * found by binary search over the sorted name lines, so loading stays well under a second.
 */
import type { FeatureClass } from '../../core/index.js';
import { CLASS_OF_LETTER } from './format.js';
import { normalizeName, spellingKey } from './normalize.js';

/** A gazetteer entry. */
export interface Place {
  /** Knowledge-base id: `geonames:<id>` or `sitrep-geo:<slug>`. */
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166-1 alpha-2, or null for continents and cross-border regions. */
  readonly countryCode: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  /** Ids of the enclosing admin areas, for hierarchy checks. */
  readonly admin1Id: string | null;
  readonly admin2Id: string | null;
  readonly featureClass: FeatureClass;
  /** GeoNames feature code (PPLC, ADM1, PCLI, RGN…). */
  readonly featureCode: string;
  readonly population: number;
  readonly geonamesId: number | null;
}

/** How a name matched a place. */
export type MatchKind = 'name' | 'alternate' | 'demonym';

/** A place found by name, and how the name matched it. */
export interface NameMatch {
  readonly place: Place;
  readonly kind: MatchKind;
}

/** Look-ups by name and by id. */
export interface Gazetteer {
  /** Places with this name (primary or alternate, not demonyms), by normalised name. */
  candidates(name: string): readonly Place[];
  /** Every place the name may denote, demonyms included, with how it matched. */
  matches(name: string): readonly NameMatch[];
  /**
   * Places bearing another transliteration of the name ("Monufia" for "Menoufia"): countries,
   * regions, admin areas and towns of some size whose name shares its spelling key. Empty when the
   * gazetteer was built without spellings.
   */
  sameSpelling(name: string): readonly Place[];
  /** True when some place has this normalised name (or the name starts a longer one). */
  hasPrefix(key: string): boolean;
  /** The place with this id, if any. */
  get(id: string): Place | undefined;
  /** Number of places. */
  readonly size: number;
}

const MATCH_KINDS: Readonly<Record<string, MatchKind>> = { '': 'name', a: 'alternate', d: 'demonym' };

function kbIdOf(key: string): string {
  return key.startsWith('g') ? `geonames:${key.slice(1)}` : `sitrep-geo:${key.slice(2)}`;
}

function fileKeyOf(id: string): string | null {
  if (id.startsWith('geonames:')) return `g${id.slice(9)}`;
  if (id.startsWith('sitrep-geo:')) return `s:${id.slice(11)}`;
  return null;
}

/** The key part of a names.tsv line. */
function keyOf(line: string): string {
  const tab = line.indexOf('\t');
  return tab < 0 ? line : line.slice(0, tab);
}

/** Splits a sorted key file into lines; binary search finds a key's line. */
function sortedLines(text: string): { lines: string[]; find: (key: string) => string | undefined } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const find = (key: string): string | undefined => {
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(lines[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    const line = lines[lo];
    return line !== undefined && keyOf(line) === key ? line : undefined;
  };
  return { lines, find };
}

/**
 * Builds a gazetteer over the text of places.tsv and names.tsv, and of spellings.tsv if given
 * (split only when first needed: most documents name only places the gazetteer knows).
 */
export function createGazetteer(placesText: string, namesText: string, spellingsText = ''): Gazetteer {
  const rows = placesText.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const nameLines = namesText.split('\n');
  if (nameLines[nameLines.length - 1] === '') nameLines.pop();
  const parsed: (Place | undefined)[] = new Array<Place | undefined>(rows.length);
  let rowById: Map<string, number> | undefined;

  const place = (row: number): Place | undefined => {
    const cached = parsed[row];
    if (cached) return cached;
    const line = rows[row];
    if (line === undefined) return undefined;
    const f = line.split('\t');
    const a1 = f[5] ? place(Number(f[5])) : undefined;
    const a2 = f[6] ? place(Number(f[6])) : undefined;
    const key = f[0] ?? '';
    const p: Place = {
      id: kbIdOf(key),
      name: f[1] ?? '',
      lat: Number(f[2]),
      lon: Number(f[3]),
      countryCode: f[4] || null,
      admin1: a1?.name ?? null,
      admin2: a2?.name ?? null,
      admin1Id: a1?.id ?? null,
      admin2Id: a2?.id ?? null,
      featureClass: CLASS_OF_LETTER[f[7] ?? ''] ?? 'city',
      featureCode: f[8] ?? '',
      population: Number(f[9] ?? 0),
      geonamesId: key.startsWith('g') ? Number(key.slice(1)) : null,
    };
    parsed[row] = p;
    return p;
  };

  /** Index of the first name line whose key is ≥ `key`. */
  const lowerBound = (key: string): number => {
    let lo = 0;
    let hi = nameLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(nameLines[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const matchCache = new Map<string, readonly NameMatch[]>();
  const matches = (name: string): readonly NameMatch[] => {
    const key = normalizeName(name);
    const hit = matchCache.get(key);
    if (hit) return hit;
    const line = nameLines[lowerBound(key)];
    const result: NameMatch[] = [];
    if (line !== undefined && keyOf(line) === key) {
      for (const posting of line.slice(key.length + 1).split(',')) {
        const m = /^(\d+)([ad]?)$/.exec(posting);
        const p = m ? place(Number(m[1])) : undefined;
        if (p && m) result.push({ place: p, kind: MATCH_KINDS[m[2] ?? ''] ?? 'name' });
      }
    }
    matchCache.set(key, result);
    return result;
  };

  let spellings: ReturnType<typeof sortedLines> | undefined;
  let joinedSpellings: Map<string, string> | undefined;
  const sameSpelling = (name: string): readonly Place[] => {
    const key = spellingKey(name);
    if (!key || !spellingsText) return [];
    spellings ??= sortedLines(spellingsText);
    let rows = spellings.find(key)?.slice(key.length + 1);
    if (rows === undefined) {
      // "Salahuddin" for "Salah ad Din", "Deirezzor" for "Deir ez Zor": transliterations join or
      // split a name's words, so keys are compared with their spaces taken out as well. The index
      // of keys with word breaks is built on the first miss.
      joinedSpellings ??= joinedIndex(spellings.lines);
      const joined = joinedKey(key);
      rows = joinedSpellings.get(joined) ?? spellings.find(joined)?.slice(joined.length + 1);
    }
    if (rows === undefined) return [];
    return rows.split(',').flatMap((r) => place(Number(r)) ?? []);
  };

  return {
    size: rows.length,
    matches,
    sameSpelling,
    candidates: (name) => matches(name).flatMap((m) => (m.kind === 'demonym' ? [] : [m.place])),
    hasPrefix: (key) => (nameLines[lowerBound(key)] ?? '').startsWith(key),
    get: (id) => {
      rowById ??= new Map(rows.map((r, i) => [r.slice(0, r.indexOf('\t')), i]));
      const key = fileKeyOf(id);
      const row = key === null ? undefined : rowById.get(key);
      return row === undefined ? undefined : place(row);
    },
  };
}

/** A spelling key with its word breaks taken out ("svlv vd dvn" → "svlvdvn"). */
function joinedKey(key: string): string {
  let out = '';
  let last = '';
  for (const ch of key) {
    if (ch === ' ' || ch === last) continue;
    out += ch;
    last = ch;
  }
  return out;
}

/** Spelling lines by joined key; keys that join alike pool their rows. */
function joinedIndex(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    const space = line.indexOf(' ');
    // A one-word key is found by the direct look-up; only keys with word breaks join otherwise.
    if (tab < 0 || space < 0 || space > tab) continue;
    const k = joinedKey(line.slice(0, tab));
    const prev = out.get(k);
    out.set(k, prev === undefined ? line.slice(tab + 1) : `${prev},${line.slice(tab + 1)}`);
  }
  return out;
}
