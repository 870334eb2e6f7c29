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

/**
 * Compass words of English and of the languages of many provinces' official names: a province
 * news calls "North Kivu", "West Kasai" or "Far North" may be listed as "Nord-Kivu",
 * "Kasaï-Occidental" or "Extrême-Nord", and the other way round.
 */
const COMPASS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(?:far[\s-]+north|extr[eê]me[\s-]+nord)$/i, ['Far North', 'Extreme Nord']],
  [/^(?:north|northern|nord|norte)$/i, ['North', 'Nord', 'Norte']],
  [/^(?:south|southern|sud|sur|sul)$/i, ['South', 'Sud', 'Sur', 'Sul']],
  [/^(?:east|eastern|est|este|leste|oriental|orientale)$/i, ['East', 'Est', 'Este', 'Oriental', 'Orientale']],
  [
    /^(?:west|western|ouest|oeste|occidental|occidentale)$/i,
    ['West', 'Ouest', 'Oeste', 'Occidental', 'Occidentale'],
  ],
  [/^(?:central|centre|center|centro)$/i, ['Central', 'Centre', 'Centro']],
];
const COMPASS_HEAD_RE =
  /^(far[\s-]+north|extr[eê]me[\s-]+nord|north|northern|nord|norte|south|southern|sud|sur|sul|east|eastern|est|este|leste|oriental|west|western|ouest|oeste|occidental|central|centre|center|centro)[\s-]+(\S.*)$/i;
const COMPASS_TAIL_RE =
  /^(.*\S)[\s-]+(nord|norte|sud|sur|sul|est|este|leste|oriental|orientale|ouest|oeste|occidental|occidentale|centre|centro)$/i;

/** The same province named with the compass word in another language or place ("North Kivu" → "Nord Kivu", "Kivu Nord"). */
function compassVariants(name: string): string[] {
  const m = COMPASS_HEAD_RE.exec(name) ?? COMPASS_TAIL_RE.exec(name);
  if (!m) return [];
  const [word, core] = COMPASS_HEAD_RE.test(name) ? [m[1] ?? '', m[2] ?? ''] : [m[2] ?? '', m[1] ?? ''];
  const words = COMPASS.find(([re]) => re.test(word))?.[1] ?? [];
  // "Maguindanao del Sur" is the south of Maguindanao, not of "Maguindanao del".
  const place = core.replace(/\s+(?:da|de|do|dos|das|del|della|di|du|des)$/i, '');
  return words.flatMap((w) => [`${w} ${place}`, `${place} ${w}`]);
}

/**
 * A qualifier after a Romance "of" that a town's short name drops ("Mocímboa da Praia" →
 * Mocímboa, "Maguindanao del Sur" → Maguindanao). The short name may be another place, so the
 * variant is checked against the document like a namesake.
 */
const OF_QUALIFIER_RE = /^(\p{Lu}.*?)\s+(?:da|de|do|dos|das|del|della|di|du|des)\s+\p{Lu}[^\s]*$/u;

/** A shorter name and the cue its dropped word carries. */
export interface NameVariant {
  readonly name: string;
  readonly cue: ToponymCue;
  /**
   * False when the name may denote another place than the toponym: the dropped word named another
   * feature (a valley, a bay, a square), or the compass word was translated.
   */
  readonly samePlace: boolean;
}

/** Other and shorter names for a toponym, most specific first; empty for a single word. */
export function nameVariants(name: string): NameVariant[] {
  const out: NameVariant[] = [];
  const push = (n: string, cue: ToponymCue, samePlace: boolean): void => {
    const trimmed = n.trim();
    if (trimmed && trimmed !== name && !out.some((v) => v.name === trimmed))
      out.push({ name: trimmed, cue, samePlace });
  };
  // Checked against the document like a namesake: "Central Plateau" in Haiti is not Burkina
  // Faso's Plateau-Central.
  for (const v of compassVariants(name)) push(v, null, false);
  for (const [re, cue, samePlace] of GENERIC_TAILS)
    if (re.test(name)) push(name.replace(re, ''), cue, samePlace);
  const qualified = OF_QUALIFIER_RE.exec(name);
  if (qualified?.[1]) push(qualified[1], null, false);
  // A part of a place lies in the whole ("North Dallas" → Dallas).
  for (const v of [{ name, samePlace: true }, ...out]) {
    if (PART_HEAD_RE.test(v.name)) push(v.name.replace(PART_HEAD_RE, ''), null, v.samePlace);
  }
  return out.filter((v) => /\p{Lu}/u.test(v.name.charAt(0)) && v.name.length > 2);
}
