/**
 * Numbered military units ("28 Rashtriya Rifles", "the army's 5th Military Region", "the EMC's 10th
 * Front"): the number is part of the name, and the NER, reading it as a quantity, drops it or
 * misses the name. A number (cardinal or ordinal) followed by up to three capitalised words ending
 * in a unit noun names one unit.
 */
import type { Span } from '../../core/index.js';

const UNIT_NOUNS =
  'Rifles|Brigades?|Battalions?|Divisions?|Corps|Regiments?|Military Region|Region|Front|Squadrons?|Infantry|Sector|Command|Fleet|Platoon';

const UNIT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,3}(?:st|nd|rd|th)?|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth))\s+(?:\p{Lu}[\p{L}-]+\s+){0,3}?(?:${UNIT_NOUNS})(?![\p{L}\p{N}])`,
  'gu',
);

/** Spans of numbered unit names. Nouns that also follow counts ("2 Army trucks", "3 Police officers") are left out. */
export function unitNames(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(UNIT)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
