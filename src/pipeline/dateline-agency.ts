/**
 * The news agency a dateline credits: "BAGHDAD (Reuters) —", "KABUL, Jan 3 (AFP) -". The rest of
 * the dateline is context that later stages skip, but the bracketed agency names who reported the
 * story, so it is kept as an entity and stands in for the outlet when the metadata names none.
 */
import type { Span } from '../core/index.js';

/** A bracketed name of letters, dots, ampersands, apostrophes, spaces and hyphens, as the ingest dateline reads it. */
const BRACKETED = /\(([\p{L}][\p{L}.&' -]{0,30})\)/u;

/** The agency's name inside the dateline's brackets, or null when the dateline credits none. */
export function datelineAgency(text: string, dateline: Span | null): Span | null {
  if (!dateline) return null;
  const m = BRACKETED.exec(text.slice(dateline.start, dateline.end));
  if (!m?.[1]) return null;
  const start = dateline.start + m.index + 1;
  const name = m[1].trimEnd();
  return { start, end: start + name.length };
}

/** The agency's name as written, or null. */
export function datelineAgencyName(text: string, dateline: Span | null): string | null {
  const agency = datelineAgency(text, dateline);
  return agency ? text.slice(agency.start, agency.end) : null;
}

/**
 * The part of the dateline that is context only: the place, region and date before the agency's
 * brackets. What follows the brackets is a separator or a date, which names nothing.
 */
export function datelineContext(text: string, dateline: Span | null): Span | null {
  const agency = datelineAgency(text, dateline);
  if (!dateline || !agency) return dateline;
  return { start: dateline.start, end: agency.start - 1 };
}
