/**
 * Toponym disambiguation. Each reading of a name is scored by priors (feature type,
 * population, primary vs alternate name), then re-scored twice with the document's context:
 * countries and provinces the other toponyms resolved to (a country named outright weighs more,
 * and its capital most), the dateline's country, cue words, "X, Y" hierarchies, lists (whose
 * members are places of one kind) and closeness to the document's other places. A name the
 * gazetteer lacks is looked up under other spellings, and failing that (or when its only reading
 * is a small town abroad that fits nothing else in the story) takes the town named nearest to it
 * in the text.
 */
import type { FeatureClass, Geo } from '../../core/index.js';
import type { Gazetteer, MatchKind, NameMatch, Place } from '../../kb/gazetteer/index.js';
import { editDistance, normalizeName } from '../../kb/gazetteer/index.js';
import { distanceKm } from './distance.js';
import { nameVariants } from './name-variants.js';
import {
  fitsRelativePosition,
  projectFrom,
  relativePositionOf,
  type RelativePosition,
} from './relative-position.js';
import type { ResolvedPlace, Toponym, ToponymCue } from './types.js';

/** What resolveToponyms reads. */
export interface ResolveInput {
  readonly text: string;
  readonly toponyms: readonly Toponym[];
  /** The dateline's place as written ("NEW DELHI"), or null. */
  readonly dateline: string | null;
  /** The country or region the dateline writes after its place ("Pakistan"), if any. */
  readonly datelineRegion?: string | null;
}

const MAX_CANDIDATES = 40;

/** Prior of each feature type: what a bare name in news most often denotes. */
const TYPE_PRIOR: Readonly<Record<FeatureClass, number>> = {
  continent: 6,
  country: 6,
  region: 4,
  admin1: 4,
  admin2: 1.5,
  city: 0,
  // Only the supplement has facilities, and only famous ones (Heathrow, the White House).
  facility: 6,
};
const CAPITAL_BONUS: Readonly<Record<string, number>> = { PPLC: 3, PPLA: 1, PPLA2: 0.3 };
/**
 * Oceans and seas have no population to weigh them, yet a bare "Pacific" or "Mediterranean" in
 * news means the water far more often than a small town of that name: they stand like a place of
 * a million people.
 */
const WATER_BONUS: Readonly<Record<string, number>> = { OCN: 6, SEA: 6 };
/** A province named like a national capital yields to it ("Washington", "Buenos Aires"). */
const CAPITAL_NAMESAKE_PENALTY = 3;
const KIND_PENALTY: Readonly<Record<MatchKind, number>> = { name: 0, alternate: -1.5, demonym: 0 };
/** An admin area named after the town inside it: a bare name means the town. */
const SEAT_PENALTY = 5;
const SEAT_SHARE = 0.3;
const CUE_MATCH = 4;
const CUE_MISMATCH = -3;
const COUNTRY_CONTEXT = 1.8;
/** Extra weight of a country the document names outright ("France … Paris"), over one inferred from its towns. */
const COUNTRY_NAMED = 2;
/** The capital of a country the document names is what a bare name shared with it means ("Italy … Rome"). */
const CAPITAL_OF_NAMED = 3;
const ADMIN1_CONTEXT = 4;
/** A province of a country whose other provinces the document names ("Pennsylvania, Wisconsin, Oklahoma"). */
const ADMIN1_SIBLING = 2;
const HIERARCHY_BONUS = 6;
/** A reading that lies where the text says it lies from another place ("a town north of Caloto"). */
const RELATIVE_BONUS = 6;
/** Members of a list are places of one kind ("Egypt and Niger", "Utah, Virginia, Washington and Wyoming"). */
const LIST_CLASS = 3;
const DATELINE_COUNTRY = 1.2;
const SPATIAL_WEIGHT = 2;
const SPATIAL_SCALE_KM = 300;

interface Reading {
  readonly place: Place;
  readonly kind: MatchKind;
  readonly prior: number;
}

interface Slot {
  readonly toponym: Toponym;
  readonly key: string;
  readonly readings: readonly Reading[];
  /** True when the readings are those of a place the feature is named after ("Islington" for "Islington Bay"). */
  readonly viaNamesake: boolean;
  /** True when the readings share only the name's spelling key ("Monufia" for "Menoufia"). */
  readonly loose: boolean;
  /** A place named right after ", " that may contain this one ("Paris, Texas"). */
  readonly container: number | null;
  /** The toponym the text puts this one in: its comma container, or "X in Y" ("Bijapur district in Chhattisgarh"). */
  readonly within: number | null;
  /**
   * The readings of what may contain this place: the container's, those of a province written
   * as an abbreviation the toponyms do not include ("London, Ont."), or those of a place named
   * right after "in" ("Lewisburg in West Virginia"). Empty when there is none.
   */
  readonly containerPlaces: readonly Place[];
  /** Indexes of the other members of the list this toponym is named in, if any. */
  readonly listMates: readonly number[];
  /** Where the text places it from the next toponym ("a town north of Caloto"), if it does. */
  readonly relative: RelativePosition | null;
}

interface Context {
  /** Country code → weight, per toponym key that contributed it. */
  readonly countries: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly admin1s: ReadonlyMap<string, ReadonlySet<string>>;
  /** Country code → keys of the toponyms read as one of its provinces. */
  readonly admin1Countries: ReadonlyMap<string, ReadonlySet<string>>;
  /** Country code → keys of the toponyms that name the country itself. */
  readonly namedCountries: ReadonlyMap<string, ReadonlySet<string>>;
  readonly datelineCountry: string | null;
  readonly chosen: readonly (Reading | undefined)[];
}

function prior(place: Place, kind: MatchKind): number {
  return (
    TYPE_PRIOR[place.featureClass] +
    (CAPITAL_BONUS[place.featureCode] ?? 0) +
    (WATER_BONUS[place.featureCode] ?? 0) +
    Math.log10(place.population + 1) +
    KIND_PENALTY[kind]
  );
}

function cueScore(place: Place, cue: ToponymCue): number {
  if (!cue) return 0;
  const fits =
    (cue === 'admin1' && (place.featureClass === 'admin1' || place.featureClass === 'region')) ||
    (cue === 'admin2' && place.featureClass === 'admin2') ||
    (cue === 'city' && place.featureClass === 'city');
  return fits ? CUE_MATCH : CUE_MISMATCH;
}

/**
 * True when a town among the readings bears this admin area's name, lies inside it and holds a
 * good share of its people (Kabul in Kabul province): the bare name then means the town.
 */
function isNamedAfterSeat(place: Place, readings: readonly { place: Place }[]): boolean {
  if (place.featureClass !== 'admin1' && place.featureClass !== 'admin2') return false;
  return readings.some(
    (r) =>
      r.place.featureClass === 'city' &&
      (r.place.admin1Id === place.id || r.place.admin2Id === place.id) &&
      r.place.population >= SEAT_SHARE * place.population,
  );
}

/** Edits per letter a transliteration may differ by ("Menoufia" → "Monufia": 2 in 8; not "Kisima" → "Kisumu"). */
const LOOSE_EDITS = 0.25;

interface LookUp {
  readonly matches: readonly NameMatch[];
  readonly cue: ToponymCue;
  readonly viaNamesake: boolean;
  readonly loose: boolean;
}

/**
 * The gazetteer's matches for the name, else for its first other or shorter variant that has
 * some, else the places that bear another transliteration of it.
 */
function lookUp(toponym: Toponym, gaz: Gazetteer): LookUp {
  const matches = gaz.matches(toponym.name);
  if (matches.length > 0) return { matches, cue: toponym.cue, viaNamesake: false, loose: false };
  for (const v of nameVariants(toponym.name)) {
    const found = gaz.matches(v.name).filter((m) => m.kind !== 'demonym');
    if (found.length > 0)
      return { matches: found, cue: v.cue ?? toponym.cue, viaNamesake: !v.samePlace, loose: false };
  }
  const key = normalizeName(toponym.name);
  const joined = key.replace(/ /g, '');
  const similar = gaz
    .sameSpelling(toponym.name)
    .filter(
      (place) =>
        // Word breaks are spelling too ("Salahuddin", "Salah ad Din").
        editDistance(joined, normalizeName(place.name).replace(/ /g, '')) <= joined.length * LOOSE_EDITS,
    )
    .map((place) => ({ place, kind: 'alternate' as const }));
  return { matches: similar, cue: toponym.cue, viaNamesake: similar.length > 0, loose: similar.length > 0 };
}

function readingsOf(
  toponym: Toponym,
  gaz: Gazetteer,
): { readings: Reading[]; viaNamesake: boolean; loose: boolean } {
  const { matches, cue, viaNamesake, loose } = lookUp(toponym, gaz);
  const readings = matches.map((m) => ({
    place: m.place,
    kind: m.kind,
    prior: prior(m.place, m.kind) + cueScore(m.place, cue),
  }));
  const hasCapital = readings.some((r) => r.place.featureCode === 'PPLC');
  const adjusted = readings.map((r) => {
    if (toponym.cue !== null) return r;
    if (isNamedAfterSeat(r.place, readings)) return { ...r, prior: r.prior - SEAT_PENALTY };
    if (hasCapital && r.place.featureClass === 'admin1')
      return { ...r, prior: r.prior - CAPITAL_NAMESAKE_PENALTY };
    return r;
  });
  return { readings: adjusted.sort((a, b) => b.prior - a.prior), viaNamesake, loose };
}

const COMMA_RE = /^\s*,\s*$/;
const LIST_END_RE = /^\s*,?\s+(?:and|or)\s+$/;
/** Longest comma chain read as a hierarchy ("Paris, Lamar County, Texas"); longer ones are lists. */
const MAX_HIERARCHY_CHAIN = 3;

/**
 * Index of the toponym that follows this one after a comma ("Paris, Texas"), if any. A comma
 * chain that another toponym precedes, that runs longer than a hierarchy does or that ends in
 * "and"/"or" is a list ("Georgia, Oklahoma, Pennsylvania and Wisconsin"), with no container.
 */
function containerOf(text: string, toponyms: readonly Toponym[], i: number): number | null {
  const joined = (a: number, re: RegExp): boolean => {
    const t = toponyms[a];
    const next = toponyms[a + 1];
    return !!t && !!next && re.test(text.slice(t.end, next.start));
  };
  if (!joined(i, COMMA_RE)) return null;
  if (i > 0 && (joined(i - 1, COMMA_RE) || joined(i - 1, LIST_END_RE))) return null;
  let last = i + 1;
  while (joined(last, COMMA_RE)) last++;
  if (last - i + 1 > MAX_HIERARCHY_CHAIN || joined(last, LIST_END_RE)) return null;
  return i + 1;
}

/**
 * The lists toponyms are named in: runs joined by commas or "and"/"or" that are not hierarchies
 * (a run with "and"/"or", or a comma chain longer than a hierarchy runs). Each toponym maps to the
 * indexes of its list's other members.
 */
function listMatesOf(text: string, toponyms: readonly Toponym[]): number[][] {
  const out: number[][] = toponyms.map(() => []);
  let i = 0;
  while (i < toponyms.length) {
    let last = i;
    let hasConjunction = false;
    for (;;) {
      const t = toponyms[last];
      const next = toponyms[last + 1];
      if (!t || !next) break;
      const gap = text.slice(t.end, next.start);
      if (LIST_END_RE.test(gap)) hasConjunction = true;
      else if (!COMMA_RE.test(gap)) break;
      last++;
    }
    if (last > i && (hasConjunction || last - i + 1 > MAX_HIERARCHY_CHAIN)) {
      for (let k = i; k <= last; k++) for (let j = i; j <= last; j++) if (j !== k) out[k]?.push(j);
    }
    i = last + 1;
  }
  return out;
}

/**
 * A province or country written after a comma as an abbreviation ("London, Ont.", "Paris, Tex.",
 * "Austin, TX", "Albany, N.Y."): news style for states and provinces, rarely tagged as a toponym.
 */
const QUALIFIER_RE = /^\s*,\s*((?:\p{Lu}\.){2,3}|\p{Lu}\p{Ll}{1,4}\.|\p{Lu}{2})(?=[\s,;:)]|$)/u;
/** "X in Y": Y may contain X ("Lewisburg in West Virginia"), though "in" also starts a time or a phrase. */
/** "Lewisburg in West Virginia", "Bijapur district in Chhattisgarh": what lies between a place and the one holding it. */
const IN_RE =
  /^\s+(?:(?:district|province|county|region|governorate|department|prefecture|municipality|tehsil|town|village|city|area)\s+)?in\s+$/i;

/** The provinces and countries an abbreviation right after the toponym may stand for. */
function qualifierPlaces(text: string, toponyms: readonly Toponym[], i: number, gaz: Gazetteer): Place[] {
  const t = toponyms[i];
  if (!t) return [];
  const m = QUALIFIER_RE.exec(text.slice(t.end, t.end + 12));
  const next = toponyms[i + 1];
  if (!m?.[1] || (next && next.start < t.end + m[0].length)) return [];
  return gaz
    .matches(m[1])
    .filter((x) => x.place.featureClass === 'admin1' || x.place.featureClass === 'country')
    .map((x) => x.place);
}

/**
 * In a list, the province or country named right after a town and a comma ("Nashville and
 * Cordova, Tennessee, Richmond, Virginia"): a list of towns with their states, where the list
 * rule finds no hierarchy. Only a town followed by a province or country qualifies (each by its
 * likeliest reading), and not when the list goes on with another province or country or the town
 * follows two of them: in "Utah, Virginia, Washington, West Virginia and Wyoming" all are states.
 */
function listedContainerOf(
  text: string,
  toponyms: readonly Toponym[],
  looked: readonly { readings: readonly Reading[] }[],
  i: number,
): number | null {
  const t = toponyms[i];
  const next = toponyms[i + 1];
  if (!t || !next || !COMMA_RE.test(text.slice(t.end, next.start))) return null;
  const classOf = (j: number): string | undefined => looked[j]?.readings[0]?.place.featureClass;
  const isArea = (j: number): boolean => classOf(j) === 'admin1' || classOf(j) === 'country';
  const joined = (a: number): boolean => {
    const x = toponyms[a];
    const y = toponyms[a + 1];
    return (
      !!x &&
      !!y &&
      (COMMA_RE.test(text.slice(x.end, y.start)) || LIST_END_RE.test(text.slice(x.end, y.start)))
    );
  };
  const inner = classOf(i);
  if ((inner !== 'city' && inner !== 'admin2') || !isArea(i + 1)) return null;
  const areaRunBefore = i > 1 && joined(i - 1) && isArea(i - 1) && joined(i - 2) && isArea(i - 2);
  if (areaRunBefore || (joined(i + 1) && isArea(i + 2))) return null;
  return i + 1;
}

/** Index of the toponym named right after "in", if any. */
function inContainerOf(text: string, toponyms: readonly Toponym[], i: number): number | null {
  const t = toponyms[i];
  const next = toponyms[i + 1];
  return t && next && IN_RE.test(text.slice(t.end, next.start)) ? i + 1 : null;
}

/** The province the text puts toponym i in, as resolved; none for countries, towns and regions. */
function outerState(
  slots: readonly Slot[],
  chosen: readonly (Reading | undefined)[],
  i: number,
): Place | undefined {
  const w = slots[i]?.within;
  const outer = w === null || w === undefined ? undefined : chosen[w]?.place;
  return outer?.featureClass === 'admin1' ? outer : undefined;
}

/** True when `outer` contains `inner` in the admin hierarchy. */
function encloses(outer: Place, inner: Place): boolean {
  if (outer.featureClass === 'country') return outer.countryCode === inner.countryCode;
  return inner.admin1Id === outer.id || inner.admin2Id === outer.id;
}

/** True when some toponym other than `key` is in the set (without copying it: this runs per reading). */
function hasOtherKey(keys: ReadonlySet<string> | undefined, key: string): boolean {
  return !!keys && (keys.size > 1 || (keys.size === 1 && !keys.has(key)));
}

function contextScore(slots: readonly Slot[], i: number, r: Reading, ctx: Context): number {
  const slot = slots[i];
  if (!slot) return 0;
  let score = 0;
  const cc = r.place.countryCode;
  if (cc) {
    const byKey = ctx.countries.get(cc);
    let others = 0;
    if (byKey) for (const [k, w] of byKey) if (k !== slot.key) others += w;
    score += COUNTRY_CONTEXT * Math.min(1, others);
    if (hasOtherKey(ctx.namedCountries.get(cc), slot.key))
      score += COUNTRY_NAMED + (r.place.featureCode === 'PPLC' ? CAPITAL_OF_NAMED : 0);
    if (cc === ctx.datelineCountry) score += DATELINE_COUNTRY;
  }
  const a1 = r.place.admin1Id;
  if (a1 && hasOtherKey(ctx.admin1s.get(a1), slot.key)) score += ADMIN1_CONTEXT;
  if (cc && r.place.featureClass === 'admin1' && hasOtherKey(ctx.admin1Countries.get(cc), slot.key))
    score += ADMIN1_SIBLING;
  if (slot.containerPlaces.length > 0) {
    const outer = slot.container !== null ? ctx.chosen[slot.container] : undefined;
    if (slot.containerPlaces.some((o) => encloses(o, r.place))) score += HIERARCHY_BONUS;
    else if (outer && outer.place.featureClass !== 'city') score -= 1;
  }
  if (slot.relative) {
    const anchor = ctx.chosen[slot.relative.anchor];
    if (anchor && isLocal(anchor.place) && fitsRelativePosition(r.place, anchor.place, slot.relative))
      score += RELATIVE_BONUS;
  }
  if (slot.listMates.length > 0) {
    let same = 0;
    for (const j of slot.listMates) if (ctx.chosen[j]?.place.featureClass === r.place.featureClass) same++;
    score += (LIST_CLASS * same) / slot.listMates.length;
  }
  return score + SPATIAL_WEIGHT * closeness(slots, i, r, ctx);
}

/** Mean closeness (1 at 0 km, fading with distance) to the three nearest other chosen places. */
function closeness(slots: readonly Slot[], i: number, r: Reading, ctx: Context): number {
  const slot = slots[i];
  const near: number[] = [];
  ctx.chosen.forEach((c, j) => {
    if (!c || j === i || slots[j]?.key === slot?.key || slots[j]?.loose) return;
    if (c.place.featureClass === 'continent' || c.place.featureClass === 'country') return;
    near.push(Math.exp(-distanceKm(r.place, c.place) / SPATIAL_SCALE_KM));
  });
  if (near.length === 0) return 0;
  const top = near.sort((a, b) => b - a).slice(0, 3);
  return top.reduce((s, x) => s + x, 0) / top.length;
}

/** Softmax margin of the best reading: how much it stands out. */
function confidenceOf(scores: readonly number[]): number {
  const max = Math.max(...scores);
  const z = scores.reduce((s, x) => s + Math.exp(x - max), 0);
  return 1 / z;
}

function buildContext(
  slots: readonly Slot[],
  chosen: readonly (Reading | undefined)[],
  confidence: readonly number[],
  datelineCountry: string | null,
): Context {
  const countries = new Map<string, Map<string, number>>();
  const admin1s = new Map<string, Set<string>>();
  const namedCountries = new Map<string, Set<string>>();
  const admin1Countries = new Map<string, Set<string>>();
  chosen.forEach((r, i) => {
    const slot = slots[i];
    // A reading found by spelling alone is too uncertain to set the others' context.
    if (!r || !slot || slot.loose) return;
    const cc = r.place.countryCode;
    const weight = r.place.featureClass === 'country' ? 1 : 0.6 * (confidence[i] ?? 0);
    if (cc) {
      const byKey = countries.get(cc) ?? new Map<string, number>();
      byKey.set(slot.key, Math.max(byKey.get(slot.key) ?? 0, weight));
      countries.set(cc, byKey);
    }
    if (cc && r.place.featureClass === 'country')
      namedCountries.set(cc, (namedCountries.get(cc) ?? new Set()).add(slot.key));
    if (cc && r.place.featureClass === 'admin1')
      admin1Countries.set(cc, (admin1Countries.get(cc) ?? new Set()).add(slot.key));
    const admins = r.place.featureClass === 'admin1' ? [r.place.id] : [];
    for (const a of admins) admin1s.set(a, (admin1s.get(a) ?? new Set()).add(slot.key));
  });
  return { countries, admin1s, admin1Countries, namedCountries, datelineCountry, chosen };
}

function choose(
  slots: readonly Slot[],
  ctx: Context | null,
): { chosen: (Reading | undefined)[]; confidence: number[] } {
  const chosen: (Reading | undefined)[] = [];
  const confidence: number[] = [];
  slots.forEach((slot, i) => {
    const scores = slot.readings.map((r) => r.prior + (ctx ? contextScore(slots, i, r, ctx) : 0));
    let best = -1;
    scores.forEach((s, k) => {
      if (best < 0 || s > (scores[best] ?? -Infinity)) best = k;
    });
    chosen.push(slot.readings[best]);
    confidence.push(scores.length ? confidenceOf(scores) : 0);
  });
  return { chosen, confidence };
}

/**
 * The dateline's country: the one it writes after the place ("KHAR, Pakistan"), stated; else
 * its place's most likely reading by priors alone.
 */
function datelineCountryOf(
  dateline: string | null,
  region: string | null,
  gaz: Gazetteer,
): { code: string; stated: Place | null } | null {
  if (!dateline) return null;
  const readingOf = (name: string) =>
    readingsOf({ start: 0, end: name.length, surface: name, name, cue: null, source: 'gold' }, gaz).readings;
  const stated = region
    ? readingOf(region).find((r) => STATE_CLASSES.has(r.place.featureClass) && r.place.countryCode)?.place
    : undefined;
  if (stated?.countryCode) return { code: stated.countryCode, stated };
  const code = readingOf(dateline.replace(/\s*[(,].*$/, '').trim())[0]?.place.countryCode;
  return code ? { code, stated: null } : null;
}

/** What the region after a dateline's place may be: a country, or a province of one. */
const STATE_CLASSES = new Set(['country', 'admin1', 'region']);

function geoOf(place: Place): Geo {
  return {
    lat: place.lat,
    lon: place.lon,
    countryCode: place.countryCode,
    admin1: place.admin1,
    admin2: place.admin2,
    featureClass: place.featureClass,
    geonamesId: place.geonamesId,
  };
}

/** Readings of each name that take part in pair support, and how many. */
const PAIR_READINGS = 10;
const PAIR_SCALE_KM = 80;
const PAIR_WEIGHT = 4;
/** Temperature of a reading's plausibility among its name's readings. */
const PAIR_TEMPERATURE = 3;

function isLocal(p: Place): boolean {
  return p.featureClass === 'city' || p.featureClass === 'admin2' || p.featureClass === 'facility';
}

/** Rough distance in km, good enough at the scale of neighbouring towns. */
function nearKm(a: Place, b: Place): number {
  const dLat = a.lat - b.lat;
  const dLon = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return 111.2 * Math.sqrt(dLat * dLat + dLon * dLon);
}

/**
 * True when one name is the other with words added ("Karak" and "Karak district"): both name
 * the same place or its namesake, so their readings lie together wherever the place is, and
 * they lend each other no evidence.
 */
function sharesName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `) || long.endsWith(` ${short}`) || long.includes(` ${short} `);
}

/**
 * Adds to each local reading the support of neighbouring readings of the document's other names,
 * whichever reading those end up with: two names that each have a reading a few km from the
 * other's ("Edmonton" and "Enfield", "London" and "St. Thomas") most likely mean those readings.
 * A neighbour counts by its plausibility among its own name's readings.
 */
function withPairSupport(slots: readonly Slot[]): Slot[] {
  const byKey = new Map<string, { place: Place; weight: number }[]>();
  for (const slot of slots) {
    if (byKey.has(slot.key) || slot.loose) continue;
    const top = slot.readings.slice(0, PAIR_READINGS);
    const best = top[0]?.prior ?? 0;
    byKey.set(
      slot.key,
      top
        .filter((r) => isLocal(r.place))
        .map((r) => ({ place: r.place, weight: Math.exp((r.prior - best) / PAIR_TEMPERATURE) })),
    );
  }
  const supportCache = new Map<string, number>();
  const support = (key: string, p: Place): number => {
    const cacheKey = `${key}|${p.id}`;
    const hit = supportCache.get(cacheKey);
    if (hit !== undefined) return hit;
    let total = 0;
    for (const [other, readings] of byKey) {
      if (other === key || sharesName(key, other)) continue;
      let best = 0;
      for (const o of readings) {
        if (o.place === p) continue;
        best = Math.max(best, o.weight * Math.exp(-nearKm(p, o.place) / PAIR_SCALE_KM));
      }
      total += best;
    }
    supportCache.set(cacheKey, total);
    return total;
  };
  return slots.map((slot) => ({
    ...slot,
    readings: slot.readings.map((r, k) =>
      k < PAIR_READINGS && isLocal(r.place)
        ? { ...r, prior: r.prior + PAIR_WEIGHT * Math.min(1, support(slot.key, r.place)) }
        : r,
    ),
  }));
}

/**
 * The readings worth scoring: the most likely by priors, and any a container holds however
 * unlikely it is alone (Lewisburg, West Virginia among a dozen Lewisburgs).
 */
function shortList(readings: readonly Reading[], containers: readonly Place[]): Reading[] {
  const top = readings.slice(0, MAX_CANDIDATES);
  if (containers.length === 0 || readings.length <= MAX_CANDIDATES) return top;
  const held = readings
    .slice(MAX_CANDIDATES)
    .filter((r) => containers.some((c) => encloses(c, r.place)))
    .slice(0, MAX_CANDIDATES);
  return [...top, ...held];
}

/** Resolves toponyms to gazetteer places from context; unresolvable toponyms are left out. */
export function resolveToponyms(input: ResolveInput, gaz: Gazetteer): ResolvedPlace[] {
  // Hierarchies, lists and nearness in the text are read off neighbouring toponyms: callers may
  // pass them in any order (gold annotations grouped by name, extra toponyms appended).
  const toponyms = [...input.toponyms].sort((a, b) => a.start - b.start || a.end - b.end);
  const listMates = listMatesOf(input.text, toponyms);
  const looked = toponyms.map((t) => readingsOf(t, gaz));
  let slots: Slot[] = toponyms.map((t, i) => {
    const container = containerOf(input.text, toponyms, i);
    const around =
      container ??
      inContainerOf(input.text, toponyms, i) ??
      listedContainerOf(input.text, toponyms, looked, i);
    const containerPlaces =
      around !== null
        ? (looked[around]?.readings.slice(0, MAX_CANDIDATES).map((r) => r.place) ?? [])
        : qualifierPlaces(input.text, toponyms, i, gaz);
    const { readings = [], viaNamesake = false, loose = false } = looked[i] ?? {};
    return {
      toponym: t,
      key: normalizeName(t.name),
      readings: shortList(readings, containerPlaces),
      viaNamesake,
      loose,
      container,
      within: container ?? inContainerOf(input.text, toponyms, i),
      containerPlaces,
      listMates: listMates[i] ?? [],
      relative: relativePositionOf(input.text, toponyms, i),
    };
  });
  slots = withPairSupport(slots);
  const dateline = datelineCountryOf(input.dateline, input.datelineRegion ?? null, gaz);
  // "KHAR, Pakistan": the dateline's place, and the body's mentions of it ("in Khar"), lie in the
  // country it names, or the gazetteer lacks it (not Haar in Bavaria, "Khar" in Russian)
  if (dateline?.stated && input.dateline) {
    const key = normalizeName(input.dateline);
    slots = slots.map((s) =>
      s.key === key ? { ...s, readings: s.readings.filter((r) => r.place.countryCode === dateline.code) } : s,
    );
  }
  const datelineCountry = dateline?.code ?? null;
  let round = choose(slots, null);
  for (let pass = 0; pass < 2; pass++) {
    round = choose(slots, buildContext(slots, round.chosen, round.confidence, datelineCountry));
  }
  const kept = round.chosen.map((r, i) =>
    fitsDocument(slots, round.chosen, i) && !isStray(slots, round.chosen, i) ? r : undefined,
  );
  // "Bijapur district in Chhattisgarh" when the gazetteer knows only Karnataka's Bijapur: the
  // text's own container overrules a reading outside it, and stands in for the place
  const containerStandIns = new Map<number, Place>();
  kept.forEach((r, i) => {
    const outer = outerState(slots, kept, i);
    // only a province of the reading's own country, and a reading whose province is known
    if (
      r &&
      outer &&
      r.place.countryCode === outer.countryCode &&
      !!r.place.admin1Id &&
      r.place.id !== outer.id &&
      !encloses(outer, r.place)
    ) {
      kept[i] = undefined;
      containerStandIns.set(i, outer);
    }
  });
  // with nothing resolved, the country or province the dateline names is what the story is about
  const focus = documentFocus(kept) ?? dateline?.stated ?? undefined;
  const out: ResolvedPlace[] = [];
  slots.forEach((slot, i) => {
    const chosen = kept[i];
    // A name the gazetteer lacks (a hospital, a neighbourhood, a hamlet) most often lies near
    // the town named closest to it in the text ("Bab el-Oued … Algiers"), else in the place the
    // story is about: it takes that place, with no confidence. A longer or shorter form of a
    // name the document resolves ("the Karak district" beside "Karak") takes that name's place.
    const place =
      chosen?.place ??
      containerStandIns.get(i) ??
      sameNamePlace(slots, kept, i) ??
      projectedPlace(slot, kept) ??
      nearestLocalInText(slots, kept, i) ??
      focus;
    if (!place) return;
    const t = slot.toponym;
    out.push({
      start: t.start,
      end: t.end,
      surface: t.surface,
      name: place.name,
      geo: geoOf(place),
      kbId: place.id,
      confidence: chosen ? Math.round((round.confidence[i] ?? 0) * 1000) / 1000 : 0,
    });
  });
  return out;
}

/**
 * A name the gazetteer lacks told at a distance and direction from a resolved place ("Al Safra,
 * roughly 30 kilometres southwest of the city of Kirkuk"): a stand-in at the point they lead to,
 * in the anchor's country, named for how it was found (so it is not taken for the anchor itself).
 */
function projectedPlace(slot: Slot, chosen: readonly (Reading | undefined)[]): Place | undefined {
  const rel = slot.relative;
  const anchor = rel ? chosen[rel.anchor]?.place : undefined;
  if (!rel || !anchor || !isLocal(anchor)) return undefined;
  const point = projectFrom(anchor, rel);
  if (!point) return undefined;
  return {
    id: `${anchor.id}@${rel.km}km/${rel.bearing}`,
    name: `${rel.km} km from ${anchor.name}`,
    ...point,
    countryCode: anchor.countryCode,
    admin1: null,
    admin2: null,
    admin1Id: null,
    admin2Id: null,
    featureClass: 'city',
    featureCode: 'PPL',
    population: 0,
    geonamesId: null,
  };
}

/** How far the namesake of a valley, bay or square may lie from the document's other places. */
const NAMESAKE_REACH_KM = 300;

/**
 * False when the reading is that of a place the feature is named after ("Islington" for
 * "Islington Bay", "St Peters" for "St. Peter's Square") and lies in none of the countries the
 * document's other places resolve to, nor near any of them: the shorter name then most likely
 * names another place (the document's New Zealand bay is not a London district), and the toponym
 * is treated as one the gazetteer lacks.
 */
function fitsDocument(slots: readonly Slot[], chosen: readonly (Reading | undefined)[], i: number): boolean {
  const r = chosen[i];
  if (!r || !slots[i]?.viaNamesake) return true;
  if (slots[i]?.loose) return fitsLoosely(slots, chosen, i, r);
  let others = 0;
  for (let j = 0; j < chosen.length; j++) {
    const o = chosen[j];
    if (!o || j === i || slots[j]?.viaNamesake || slots[j]?.key === slots[i]?.key) continue;
    others++;
    if (o.place.countryCode && o.place.countryCode === r.place.countryCode) return true;
    if (isLocal(o.place) && nearKm(o.place, r.place) <= NAMESAKE_REACH_KM) return true;
  }
  return others === 0;
}

/** A town smaller than this, abroad and far from everything else the document names, is a doubtful reading. */
const STRAY_POPULATION = 20_000;
/** The same, for a town the name matched only by one of its alternate names (Tirat Karmel for "Tirah"). */
const STRAY_ALTERNATE_POPULATION = 500_000;
/** How many other places must agree on where the story is before a lone foreign hamlet is doubted. */
const STRAY_MIN_OTHERS = 2;

/**
 * True when the town is the seat of a district or province of the same name that is also among
 * the name's readings (Bundibugyo, seat of Bundibugyo District): two features agree on where the
 * name lies, and the town is no stray however small.
 */
function isSeatOfNamesake(place: Place, readings: readonly Reading[]): boolean {
  if (place.featureClass !== 'city') return false;
  return readings.some(
    (o) =>
      (o.place.featureClass === 'admin2' || o.place.featureClass === 'admin1') &&
      (place.admin2Id === o.place.id || place.admin1Id === o.place.id),
  );
}

/**
 * True when the reading is a small town in a country none of the document's other places lie in,
 * and far from all of them, while at least STRAY_MIN_OTHERS of them agree elsewhere: the name
 * most likely denotes a place the gazetteer lacks near the others ("Tirah" in a story about
 * Khyber is not a village in Israel), and the toponym is treated as one the gazetteer lacks.
 */
function isStray(slots: readonly Slot[], chosen: readonly (Reading | undefined)[], i: number): boolean {
  const r = chosen[i];
  if (!r || !isLocal(r.place) || isSeatOfNamesake(r.place, slots[i]?.readings ?? [])) return false;
  if (r.place.population >= (r.kind === 'alternate' ? STRAY_ALTERNATE_POPULATION : STRAY_POPULATION))
    return false;
  let others = 0;
  for (let j = 0; j < chosen.length; j++) {
    const o = chosen[j];
    if (!o || j === i || slots[j]?.key === slots[i]?.key) continue;
    if (!o.place.countryCode) continue;
    others++;
    if (o.place.countryCode === r.place.countryCode) return false;
    if (isLocal(o.place) && nearKm(o.place, r.place) <= NAMESAKE_REACH_KM) return false;
  }
  return others >= STRAY_MIN_OTHERS;
}

/**
 * Whether a reading found by spelling alone ("Monufia" for "Menoufia") fits the document: a
 * country always (few names are that close), a province or region when another place lies in
 * its country, a district or town when it lies in a province the document names or near one of
 * its towns. Loose spelling matches many names, so the country alone is not enough for a town.
 */
function fitsLoosely(
  slots: readonly Slot[],
  chosen: readonly (Reading | undefined)[],
  i: number,
  r: Reading,
): boolean {
  if (r.place.featureClass === 'country') return true;
  for (let j = 0; j < chosen.length; j++) {
    const o = chosen[j];
    if (!o || j === i || slots[j]?.viaNamesake || slots[j]?.key === slots[i]?.key) continue;
    if (!isLocal(r.place)) {
      if (o.place.countryCode && o.place.countryCode === r.place.countryCode) return true;
    } else if (
      o.place.id === r.place.admin1Id ||
      (isLocal(o.place) && nearKm(o.place, r.place) <= NAMESAKE_REACH_KM)
    )
      return true;
  }
  return false;
}

/** The chosen town or district of the toponym nearest in the text to toponym i, if any. */
/**
 * The place a toponym resolved to whose name is this one's with words added or dropped (a
 * province, district or town), if any.
 */
function sameNamePlace(
  slots: readonly Slot[],
  chosen: readonly (Reading | undefined)[],
  i: number,
): Place | undefined {
  const key = slots[i]?.key ?? '';
  for (let j = 0; j < slots.length; j++) {
    const r = chosen[j];
    const other = slots[j]?.key;
    // Not a country's or region's centre: "Stade de France" lies in France, far from its middle.
    const cls = r?.place.featureClass;
    if (r && other && cls !== 'country' && cls !== 'continent' && cls !== 'region' && sharesName(key, other))
      return r.place;
  }
  return undefined;
}

function nearestLocalInText(
  slots: readonly Slot[],
  chosen: readonly (Reading | undefined)[],
  i: number,
): Place | undefined {
  const at = slots[i]?.toponym.start ?? 0;
  let best: Place | undefined;
  let bestGap = Infinity;
  chosen.forEach((r, j) => {
    const t = slots[j]?.toponym;
    if (!r || !t || !isLocal(r.place)) return;
    const gap = Math.abs(t.start - at);
    if (gap < bestGap) [best, bestGap] = [r.place, gap];
  });
  return best;
}

/** Rank of each feature class as a story's focus: the most local place named is the best guess. */
const FOCUS_RANK: Readonly<Record<FeatureClass, number>> = {
  city: 3,
  facility: 3,
  admin2: 2,
  admin1: 1,
  country: 0,
  region: 0,
  continent: -1,
};

/** The place a story is about: its most often named town (else district, province, country). */
function documentFocus(chosen: readonly (Reading | undefined)[]): Place | undefined {
  const counts = new Map<Place, number>();
  for (const r of chosen) if (r) counts.set(r.place, (counts.get(r.place) ?? 0) + 1);
  let best: Place | undefined;
  let bestScore = -Infinity;
  for (const [place, n] of counts) {
    const score = FOCUS_RANK[place.featureClass] + n;
    if (score > bestScore) [best, bestScore] = [place, score];
  }
  return best;
}
