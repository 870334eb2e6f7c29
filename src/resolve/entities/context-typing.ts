/**
 * Entity types from the words around a name the KB does not know, for where the NER label or a
 * stray gazetteer hit is wrong: "his daughter, Jayde" is a person whatever place shares the name;
 * "its Andalus radio station" and "Deraa Aljanoob, a website that …" are outlets; "Tom Mboya
 * Street" and "off Mocha" are places. Only strong, local cues count; anything else keeps the type
 * the NER and gazetteer gave.
 */
import type { EntityType } from '../../core/index.js';
import { isKnownOutlet } from '../../kb/outlets/index.js';
import type { Candidate } from './types.js';

/** Kin and role nouns that an appositive name follows: "his daughter, Jayde". */
const KIN_BEFORE =
  /\b(?:his|her|their|its|whose)\s+(?:(?:late|eldest|youngest|elder|younger|own)\s+)?(?:daughter|son|wife|husband|brother|sister|father|mother|uncle|aunt|cousin|nephew|niece|widow|fianc[eé]e?|grand(?:son|daughter|father|mother))\s*,?\s*$/i;

/** Media nouns a name is the title of: "its Andalus radio station", "Az-Zallaqa media outlet". */
const MEDIA_AFTER =
  /^\s+(?:radio(?:\s+station)?|television(?:\s+channel)?|tv(?:\s+channel)?|media\s+(?:outlet|arm|wing|foundation|agency)|news\s+(?:agency|outlet|site|website|channel)|website|newspaper|channel|outlet|magazine|broadcaster)\b/i;

/** An appositive calling the name an outlet: "Deraa Aljanoob, a website that speaks for …". */
const MEDIA_APPOSITIVE =
  /^\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:website|news\s+(?:site|agency|outlet)|newspaper|outlet|broadcaster|channel|radio\s+station|television\s+(?:station|channel)|media\s+outlet|blog)\b/i;

/** Last words that make a name a place: streets, squares, parks, markets, landforms. */
const PLACE_END =
  /\s(?:Street|St\.|Avenue|Road|Highway|Boulevard|Square|Park|Market|Bridge|Roundabout|Junction|Lane|Canyon|Valley|River|Mountains?|Hills|Forest|Lake|Desert|Gorge|Plateau|Basin|Strait|Islands?)$/;

/** A facility noun after a name, in lower case: "the Mohammad Ali Jinnah hospital". */
const FACILITY_AFTER =
  /^\s+(?:hospital|university|airport|stadium|road|street|market|mosque|school|college|bridge|camp|square|medical complex)\b/;

/** A place noun and "of" before a name: "the village of Tongo Tongo", "the town of Al Safra". */
const PLACE_OF_BEFORE =
  /\b(?:village|town|city|district|province|region|hamlet|port|county|municipality|settlement|locality|commune|neighbou?rhood|suburb|island) of\s+$/i;

/** "between Boni and Torodi": the name after "and" in a route whose first end is the place given. */
const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)\s+and\s+$/u;

/** A bare locative preposition right before the name: "off Mocha", "outside Kismayo". */
const LOCATIVE_BEFORE = /\b(?:off|near|outside|inside|towards?|into|across)\s+$/i;

/** Type the context gives a KB-less entity's mentions, or null when it does not say. */
export function typeFromContext(
  text: string,
  members: readonly Candidate[],
  all: readonly Candidate[] = [],
): EntityType | null {
  if (members.some((c) => c.entries.length)) return null;
  const before = (c: Candidate) => text.slice(Math.max(0, c.start - 40), c.start);
  const after = (c: Candidate) => text.slice(c.end, c.end + 60);
  if (members.some((c) => KIN_BEFORE.test(before(c)))) return 'person';
  // "told Dawn": a news outlet's title read as a person's name.
  if (!members.some((c) => c.place) && members.every((c) => isKnownOutlet(c.surface))) return 'organization';
  // A place in front of a media noun is where the outlet is ("the Cali newspaper El País").
  if (
    !members.some((c) => c.place) &&
    members.some((c) => MEDIA_AFTER.test(after(c)) || MEDIA_APPOSITIVE.test(after(c)))
  )
    return 'organization';
  if (members.some((c) => PLACE_END.test(c.surface))) return 'location';
  if (!members.some((c) => c.label === 'PER' && c.surface.split(/\s+/).length > 2)) {
    if (members.some((c) => PLACE_OF_BEFORE.test(before(c)))) return 'location';
    const route = (c: Candidate) => {
      const m = BETWEEN_BEFORE.exec(before(c));
      return !!m && all.some((x) => x.place && x.surface === m[1]);
    };
    if (members.some(route)) return 'location';
  }
  // "the Mohammad Ali Jinnah hospital": a place named after a person
  if (members.every((c) => FACILITY_AFTER.test(after(c)))) return 'location';
  // A person is rarely found "off" or "outside" someone; only an NER person with no place reading
  // and every mention so placed is retyped.
  if (
    !members.some((c) => c.place) &&
    members.every((c) => c.label === 'PER' && LOCATIVE_BEFORE.test(before(c)))
  )
    return 'location';
  return null;
}
