/**
 * Datelines: the "NEW DELHI:" / "PESHAWAR, Pakistan (AP) —" / "Kabul, Feb. 25 --" prefix that
 * wire copy and newspapers put before the first sentence. Found at the start of the text or of
 * the first paragraph after a title (and byline) line; later stages use the place as geographic
 * context and skip the span so the place is not read as an entity of the first sentence.
 */
import type { Span } from '../core/index.js';

/** The dateline's place as written and the span of the whole prefix (place, region, date, agency, separator). */
export interface Dateline {
  readonly place: string;
  /** The country or region written after the place ("Pakistan" in "KHAR, Pakistan:"), or null. */
  readonly region: string | null;
  readonly span: Span;
}

const UPPER_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*`;
const TITLE_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’.\-]*\p{Ll}\.?`;
const CAPS_PLACE = String.raw`${UPPER_WORD}(?: ${UPPER_WORD}){0,3}`;
const TITLE_PLACE = String.raw`${TITLE_WORD}(?: (?:${TITLE_WORD}|al-|el-)){0,2}`;
/** A country or region after the place; names such as "Democratic Republic of Congo" or "Bosnia and Herzegovina" keep their small words. */
const REGION_WORD = String.raw`(?:${TITLE_WORD}|${UPPER_WORD})`;
const REGION = String.raw`, ${REGION_WORD}(?: (?:(?:of|the|and|de|du|del|of the) )?${REGION_WORD}){0,3}`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`,? (?:${MONTH} \d{1,2}(?:, \d{4})?|\d{1,2} ${MONTH}(?: \d{4})?)`;
const AGENCY = String.raw` ?\([\p{L}][\p{L}.&' \-]{0,30}\)`;
const SEP = String.raw`(?: ?:| +(?:—|–|--|-)|(?:—|–))`;
const TAIL = String.raw`(?:${DATE}(?:${AGENCY})?|${AGENCY}(?:${DATE})?)`;
/** What follows a dateline: the first word of a sentence. */
const NEXT = String.raw`(?= *[\p{Lu}\p{N}"“‘'(])`;

const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE})(${REGION})?(?:${TAIL})?${SEP}${NEXT}`, 'u');
const TITLE_DATELINE = new RegExp(
  String.raw`^(${TITLE_PLACE})(?:(${REGION})(?:${TAIL})?|${TAIL})${SEP}${NEXT}`,
  'u',
);

/** All-caps lead-ins that are labels, not places. */
const NOT_PLACES = new Set([
  'BREAKING',
  'UPDATE',
  'UPDATED',
  'EXCLUSIVE',
  'WATCH',
  'READ',
  'ALSO READ',
  'READ MORE',
  'LIVE',
  'ANALYSIS',
  'OPINION',
  'EDITORIAL',
  'COMMENT',
  'PHOTO',
  'PHOTOS',
  'VIDEO',
  'FILE',
  'EXPLAINER',
  'FACT CHECK',
  'NOTE',
  'EDITOR’S NOTE',
  "EDITOR'S NOTE",
  'CORRECTION',
  'WARNING',
  'URGENT',
  'FLASH',
  'NEWS',
  'SOURCE',
  'SOURCES',
]);

/** Lines that may come before the dateline paragraph: a title or a byline (short, no sentence end). */
function isPreamble(line: string): boolean {
  const t = line.trim();
  return (
    t.length > 0 &&
    t.length <= 200 &&
    !/[.!?:"”]$/.test(t) &&
    !CAPS_DATELINE.test(t) &&
    !TITLE_DATELINE.test(t)
  );
}

function matchAt(text: string, offset: number): Dateline | null {
  const rest = text.slice(offset, offset + 160);
  const m = CAPS_DATELINE.exec(rest) ?? TITLE_DATELINE.exec(rest);
  const place = m?.[1];
  if (!m || !place) return null;
  const letters = place.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || NOT_PLACES.has(place)) return null;
  const region = m[2]?.replace(/^,\s*/, '') ?? null;
  return { place: place.replace(/[,.]$/, ''), region, span: { start: offset, end: offset + m[0].length } };
}

/** The dateline of a text, looked for at the start and after up to two title/byline lines. */
export function findDateline(text: string): Dateline | null {
  let offset = 0;
  for (let line = 0; line < 3 && offset < text.length; line++) {
    while (text[offset] === '\n' || text[offset] === ' ') offset++;
    const found = matchAt(text, offset);
    if (found) return found;
    const eol = text.indexOf('\n', offset);
    if (eol < 0 || !isPreamble(text.slice(offset, eol))) return null;
    offset = eol + 1;
  }
  return null;
}
