/** Entity types for names the KB does not know, from the NER label and the words of the name. */
import type { EntityType } from '../../core/index.js';
import type { NerLabel } from '../../nlp/index.js';

const ORGANIZATION_WORDS =
  /\b(army|armed forces|military|police|ministry|minister|department|agency|intelligence|forces|force|government|command|council|committee|commission|court|parliament|senate|assembly|office|bureau|directorate|service|services|corps|navy|air force|gendarmerie|guard|university|hospital|company|corporation|bank|news|tv|radio|times|post|press|union|association|mission|nations|authority|administration)\b/i;
const GROUP_WORDS =
  /\b(militant|militants|front|brigade|brigades|movement|taliban|islamic state|jihad|jihadi|mujahideen|mujahidin|lashkar|jaish|tehreek|tehrik|harakat|jamaat|jama'at|ansar|katiba|liberation|resistance|rebels?|insurgents?|cartel|gang|militia|group|army of|party|faction|wilayat|dawlah|daesh|al-qaeda|al-qaida)\b/i;

const ORDINAL_UNIT =
  /^(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,2}(?:Brigade|Division|Battalion|Regiment|Corps|Squadron|Army|Infantry|Company|Sector)$/iu;

/** The entity type of an unknown name with an NER label. */
export function typeOfUnknown(label: NerLabel | null, surface: string): EntityType {
  // "18th Brigade", "3rd Infantry Division": a numbered unit of a state's forces
  if (ORDINAL_UNIT.test(surface)) return 'organization';
  if (label === 'PER') return 'person';
  if (label === 'LOC') return 'location';
  if (label === 'MISC') return GROUP_WORDS.test(surface) ? 'group' : 'other';
  if (GROUP_WORDS.test(surface) && !/\b(ministry|police|government)\b/i.test(surface)) return 'group';
  if (ORGANIZATION_WORDS.test(surface)) return 'organization';
  return 'organization';
}
