/**
 * Shorter names to try when a toponym's full name is not in the gazetteer: news names places
 * the gazetteer lacks by a place it has plus a generic word ("Swat Valley", "Da Nang
 * International Airport", "Akita Prefecture", "PLYMOUTH CO.") or a part of one ("North Dallas",
 * "Upper Edmonton", "Greater Mumbai"). The part lies in or near the whole.
 */
import type { ToponymCue } from './types.js';

/**
 * Trailing generic words, longest first, the cue they carry, and whether the shorter name denotes
 * the same place ("Akita Prefecture" → Akita) or only a place the feature is named after ("Swat
 * Valley" → Swat, "Islington Bay" → Islington: often nearby, but not always the same Islington).
 */
const GENERIC_TAILS: ReadonlyArray<readonly [RegExp, ToponymCue, boolean]> = [
  [/\s+(?:international\s+)?(?:airport|airfield|air\s+base)$/i, null, false],
  [/\s+(?:province|prefecture|governorate|state|region|oblast|territory)$/i, 'admin1', true],
  [/\s+(?:district|county|co\.?|parish|municipality|borough)$/i, 'admin2', true],
  [/\s+(?:city|town|village|township)$/i, 'city', true],
  [
    /\s+(?:valley|delta|basin|plateau|island|islands|peninsula|coast|hills?|mountains?|river|lake|bay|harbou?r)$/i,
    null,
    false,
  ],
  [
    /\s+(?:hospital|university|college|school|church|cathedral|mosque|temple|museum|stadium|park|square|market|station|camp|prison|base|barracks|centre|center)$/i,
    null,
    false,
  ],
];

/** Leading words that name a part of a place ("North Dallas", "Greater Mumbai", "downtown Cairo"). */
const PART_HEAD_RE =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|inner|outer|downtown|old|new|metro|metropolitan)[\s-]+/i;

/** A shorter name and the cue its dropped word carries. */
export interface NameVariant {
  readonly name: string;
  readonly cue: ToponymCue;
  /** False when the dropped word named another feature (a valley, a bay, a square). */
  readonly samePlace: boolean;
}

/** Shorter names for a toponym, most specific first; empty for a single word. */
export function nameVariants(name: string): NameVariant[] {
  const out: NameVariant[] = [];
  const push = (n: string, cue: ToponymCue, samePlace: boolean): void => {
    const trimmed = n.trim();
    if (trimmed && trimmed !== name && !out.some((v) => v.name === trimmed))
      out.push({ name: trimmed, cue, samePlace });
  };
  for (const [re, cue, samePlace] of GENERIC_TAILS)
    if (re.test(name)) push(name.replace(re, ''), cue, samePlace);
  // A part of a place lies in the whole ("North Dallas" → Dallas).
  for (const v of [{ name, samePlace: true }, ...out]) {
    if (PART_HEAD_RE.test(v.name)) push(v.name.replace(PART_HEAD_RE, ''), null, v.samePlace);
  }
  return out.filter((v) => /\p{Lu}/u.test(v.name.charAt(0)) && v.name.length > 2);
}
