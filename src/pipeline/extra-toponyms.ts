/**
 * Toponyms the body scan skips but later stages need: the dateline's place ("MOGADISHU, Somalia —"),
 * which is often the only place an article names, and a place fused into a hyphenated modifier
 * ("Iran-backed", "Afghanistan-based"), which relations (supports, located_in) need as an entity.
 * Both go through the same geoparser as every other toponym.
 */
import { overlaps, type Span } from '../core/index.js';
import type { Gazetteer, Place } from '../kb/gazetteer/index.js';
import type { Toponym } from '../resolve/geo/index.js';

/** The dateline's place name, spanning exactly the name as written at the start of the dateline. */
export function datelineToponym(text: string, place: string | null, span: Span | null): Toponym | null {
  if (!place || !span) return null;
  const at = text.indexOf(place, span.start);
  if (at < 0 || at + place.length > span.end) return null;
  return { start: at, end: at + place.length, surface: place, name: place, cue: null, source: 'gold' };
}

/**
 * Modifiers that keep the place as a place: "Iran-backed" is backing by Iran, "Kabul-based" is
 * based in Kabul. A demonym before them ("Afghan-backed") is not a place name and the gazetteer
 * lookup below (names only, no demonyms) leaves it out.
 */
const COMPOUND =
  /(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}'’]+(?: \p{Lu}[\p{L}'’]+)?)[-‐‑](?:based|backed|funded|sponsored|supported|armed|trained|aligned|allied|born|headquartered|registered|administered|ruled)\b/gu;

const COMPOUND_SUFFIX =
  /[-‐‑](?:based|backed|funded|sponsored|supported|armed|trained|aligned|allied|born|headquartered|registered|administered|ruled)\b/;

/** Kinds of place a name fused into a modifier can stand for: states and big places, not hamlets. */
const COMPOUND_CLASSES = new Set(['country', 'admin1', 'region', 'city']);
/** A city must be at least this big to be read from a modifier ("Quetta-based"), so "Taliban-backed" stays a group. */
const MIN_CITY_POPULATION = 100_000;

/** Places fused into hyphenated modifiers, on the place word only, where no toponym is found yet. */
export function compoundToponyms(text: string, gaz: Gazetteer, found: readonly Span[]): Toponym[] {
  const out: Toponym[] = [];
  // Most articles hold no such modifier: a plain scan for the suffix spares the Unicode pattern.
  if (!COMPOUND_SUFFIX.test(text)) return out;
  for (const m of text.matchAll(COMPOUND)) {
    // A capitalised article or sentence-initial word before the place is not part of its name.
    const lead = /^(?:The|A|An|Its|Their|Both|Some) /.exec(m[1] as string)?.[0].length ?? 0;
    const name = (m[1] as string).slice(lead);
    const start = m.index + lead;
    const span = { start, end: start + name.length };
    if (found.some((f) => overlaps(f, span))) continue;
    const known = gaz
      .candidates(name)
      .some(
        (p) =>
          COMPOUND_CLASSES.has(p.featureClass) &&
          (p.featureClass !== 'city' || p.population >= MIN_CITY_POPULATION),
      );
    if (!known) continue;
    out.push({ ...span, surface: name, name, cue: null, source: 'gazetteer' });
  }
  return out;
}

/**
 * ", a mostly Shiite Hazara neighbourhood", ", a town in …": an appositive whose head noun says the
 * name before it is a place. Only modifiers may come before the noun: in ", a shopkeeper from the
 * town" the noun belongs to a phrase about someone else.
 */
const PLACE_APPOSITIVE =
  /^,\s+(?:an?|the)\s+(?:(?!(?:from|of|in|at|on|near|with|for|to|by|the|and|who|whose|which)\b)[\p{L}-]+\s+){0,4}?(neighbou?rhood|suburb|village|town|township|hamlet|district|locality|city)(?=\s*[,.;:)—–]|\s+(?:in|of|near|on|outside|about|some|just|where|that|which|located|north|south|east|west|close|bordering|\d))/iu;

const CUE_OF: Readonly<Record<string, Toponym['cue']>> = {
  village: 'city',
  town: 'city',
  township: 'city',
  hamlet: 'city',
  city: 'city',
  district: 'admin2',
};

/**
 * Names an appositive calls a place ("Dasht-e-Barchi, a mostly Shiite Hazara neighbourhood"),
 * whatever label the NER gave them. The geoparser places a name its gazetteer lacks near the town
 * named closest to it, so the place gets a location even when it is too small to be listed.
 */
export function appositiveToponyms(
  text: string,
  mentions: readonly Span[],
  found: readonly Span[],
): Toponym[] {
  const out: Toponym[] = [];
  for (const m of mentions) {
    const cue = PLACE_APPOSITIVE.exec(text.slice(m.end, m.end + 80));
    if (!cue || found.some((f) => overlaps(f, m))) continue;
    const surface = text.slice(m.start, m.end);
    if (!/^\p{Lu}/u.test(surface) || out.some((t) => t.start === m.start)) continue;
    const kind = (cue[1] as string).toLowerCase();
    out.push({ ...m, surface, name: surface, cue: CUE_OF[kind] ?? null, source: 'ner' });
  }
  return out;
}

/** "the village of Tongo Tongo", "the port of Mocímboa da Praia": a place noun and "of" right before a name. */
const PLACE_OF_BEFORE =
  /\b(village|town|city|port|hamlet|township|district|locality|commune|municipality|suburb|neighbou?rhood|settlement|coast)\s+of\s+$/i;
/**
 * "attacked Yelwata in Benue state": a one-word name placed inside a named state or province,
 * after a word that takes places, is a place too small for the gazetteer.
 */
const INSIDE_REGION_AFTER =
  /^,?\s+in\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){1,2}(?:state|province|region|district|county|governorate|department|prefecture)\b/u;
const TAKES_PLACE_BEFORE =
  /\b(?:attacked|raided|stormed|overran|invaded|struck|shelled|bombed|besieged|in|at|near|around|outside)\s+$/i;
/** "the tanker off Mocha": only ships and coasts lie off a name. */
const OFFSHORE_BEFORE =
  /\b(?:vessel|ship|tanker|carrier|boat|dhow|coast|waters|sea|port|island)s?\s+(?:\S+\s+){0,4}?off\s+$/i;

/** "the Redwani Payeen area of Kulgam", "the Mathra locality in Peshawar": a place noun after the name. */
const PLACE_NOUN_AFTER =
  /^\s+(?:area|areas|locality|neighbou?rhood|village|town|tehsil|sub-?division|block|mohalla|colony|suburb|township)\s+(?:of|in|near|on the outskirts of)\s+\p{Lu}/u;

const NAME_PARTICLE_AFTER = /^ (?:da|de|do|dos|das|del|di|du|es|al|el|la|le) \p{Lu}[\p{L}'’-]+/u;

/**
 * Names the words around them make a place whatever the NER took them for ("the village of
 * Tongo Tongo", "Yelwata in Benue state", "the Redwani Payeen area of Kulgam", "a tanker off
 * Mocha"), unless the actor KB knows them as an actor. Like appositives, the geoparser places them near the closest named town.
 */
export function cuedToponyms(
  text: string,
  mentions: readonly (Span & { readonly label: string })[],
  isActor: (name: string) => boolean,
  found: readonly Span[],
): Toponym[] {
  const out: Toponym[] = [];
  for (const m of mentions) {
    if (m.label === 'LOC' || found.some((f) => overlaps(f, m))) continue;
    const surface = text.slice(m.start, m.end);
    if (!/^\p{Lu}/u.test(surface)) continue;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    const of = PLACE_OF_BEFORE.exec(before);
    const inside =
      !/\s/.test(surface) &&
      TAKES_PLACE_BEFORE.test(before) &&
      INSIDE_REGION_AFTER.test(text.slice(m.end, m.end + 60));
    const area = PLACE_NOUN_AFTER.test(text.slice(m.end, m.end + 40));
    // the KB look-up last: it costs more than the cues, which few mentions have
    if ((!of && !inside && !area && !OFFSHORE_BEFORE.test(before)) || isActor(surface)) continue;
    const kind = of?.[1]?.toLowerCase();
    const cue: Toponym['cue'] = kind === 'district' ? 'admin2' : kind === 'coast' ? null : 'city';
    // "Mocímboa da Praia", "Dar es Salaam": a particle and a capitalised word go on with the name.
    const rest = NAME_PARTICLE_AFTER.exec(text.slice(m.end, m.end + 40));
    const end = m.end + (rest?.[0].length ?? 0);
    const name = text.slice(m.start, end);
    out.push({ start: m.start, end, surface: name, name, cue, source: 'ner' });
  }
  return out;
}

const MIN_LOCATIVE_POPULATION = 20_000;
/** How many readings of each other toponym count towards the countries a document may be about. */
const CONTEXT_READINGS = 3;

/** Prepositions that put the name after them in a place role; "at" and "from" also take people and groups. */
const LOCATIVE_BEFORE = /\b(?:in|near|off|outside|around|towards?)\s+$/i;

/**
 * Names the NER took for a person or group but the words before them put in a place ("near
 * Kidal") and the gazetteer knows, unless the actor KB knows them as an actor. A person-like name
 * matches hamlets the world over: only a sizeable place in a country the document's other
 * toponyms may lie in outweighs the NER ("off Mocha" in a story naming no place stays unread).
 */
export function locativeToponyms(
  text: string,
  mentions: readonly (Span & { readonly label: string })[],
  gaz: Gazetteer,
  isActor: (name: string) => boolean,
  found: readonly Span[],
  context: readonly Toponym[],
): Toponym[] {
  const countries = new Set<string>();
  for (const t of context)
    for (const p of gaz.candidates(t.name).slice(0, CONTEXT_READINGS))
      if (p.countryCode) countries.add(p.countryCode);
  const fits = (p: Place) =>
    (p.featureClass !== 'city' || p.population >= MIN_LOCATIVE_POPULATION) &&
    !!p.countryCode &&
    countries.has(p.countryCode);
  const out: Toponym[] = [];
  for (const m of mentions) {
    if (m.label === 'LOC' || found.some((f) => overlaps(f, m))) continue;
    if (!LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
    const surface = text.slice(m.start, m.end);
    if (!/^\p{Lu}/u.test(surface) || isActor(surface)) continue;
    if (!gaz.candidates(surface).some(fits)) continue;
    out.push({ ...m, surface, name: surface, cue: null, source: 'ner' });
  }
  return out;
}
