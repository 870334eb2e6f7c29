/**
 * Collects candidate mentions from the gazetteer's places, the actor dictionary and the NER, and
 * settles overlaps: the longest span wins; a KB match inside a longer NER span splits it ("Ghafari
 * ISKP" → "Ghafari" + "ISKP"); inside the dateline only its place survives.
 */
import { overlaps, type Span } from '../../core/index.js';
import { matchActorNames, type ActorKb } from '../../kb/actors/index.js';
import type { NerMention } from '../../nlp/index.js';
import type { Candidate, EntityResolutionInput } from './types.js';
import { unitNames } from './units.js';

function candidate(text: string, start: number, end: number, rest: Partial<Candidate>): Candidate {
  return {
    start,
    end,
    surface: text.slice(start, end),
    kind: 'ner',
    label: null,
    entries: [],
    place: null,
    confidence: 0.8,
    cluster: -1,
    ...rest,
  };
}

/** Trims spaces and punctuation (but not a closing period of an initial or "Jr.") from both ends of a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s"“”‘’'(),:;\-–—.]/.test(text.charAt(start))) start++;
  while (end > start && /[\s"“”‘’'(),:;\-–—]/.test(text.charAt(end - 1))) end--;
  if (end > start && text.charAt(end - 1) === '.' && !/\b(?:Jr|Sr|[A-Z])\.$/.test(text.slice(start, end)))
    end--;
  return { start, end };
}

/** The pieces of `span` not covered by `taken`, trimmed. */
function remainders(text: string, span: Span, taken: readonly Span[]): Span[] {
  const inside = taken.filter((t) => overlaps(t, span)).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = span.start;
  for (const t of inside) {
    if (t.start > at) out.push(trimSpan(text, at, t.start));
    at = Math.max(at, t.end);
  }
  if (at < span.end) out.push(trimSpan(text, at, span.end));
  return out.filter((s) => s.end > s.start && /\p{Lu}/u.test(text.charAt(s.start)));
}

function outsideDateline(s: Span, dateline: Span | null): boolean {
  return !dateline || !overlaps(s, dateline);
}

/** Places and KB matches, longest first, without overlaps. */
function dictionaryCandidates(input: EntityResolutionInput, kb: ActorKb): Candidate[] {
  const { text } = input;
  const all = [
    ...input.places.map((p) =>
      candidate(text, p.start, p.end, { kind: 'place', label: 'LOC', place: p, confidence: p.confidence }),
    ),
    ...matchActorNames(kb, text).map((m) =>
      candidate(text, m.start, m.end, { kind: 'kb', entries: m.entries, confidence: 0.95 }),
    ),
    // The geoparser's only place in the dateline is the dateline's own place: it stays, as the
    // article's location when the body does not name it again; names of actors there do not.
  ].filter((c) => c.kind === 'place' || outsideDateline(c, input.datelineSpan));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.kind === 'kb' ? -1 : 1));
  const kept: Candidate[] = [];
  for (const c of all) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept;
}

/** NER mentions that add something: outside the dictionary's spans, or the leftovers of a span that swallowed one. */
function nerCandidates(input: EntityResolutionInput, taken: readonly Span[]): Candidate[] {
  const { text } = input;
  const out: Candidate[] = [];
  for (const m of input.nerMentions) {
    const pieces = dropDateline(text, m, input.datelineSpan);
    for (const p of pieces) {
      const hit = taken.filter((t) => overlaps(t, p));
      if (hit.length === 0)
        out.push(candidate(text, p.start, p.end, { label: m.label, confidence: m.score }));
      else if (hit.every((t) => t.start >= p.start && t.end <= p.end)) {
        for (const r of remainders(text, p, hit))
          out.push(candidate(text, r.start, r.end, { label: m.label, confidence: m.score * 0.8 }));
      }
    }
  }
  return out;
}

function dropDateline(text: string, m: NerMention, dateline: Span | null): Span[] {
  const s = trimSpan(text, m.start, m.end);
  if (s.end <= s.start) return [];
  if (!dateline || !overlaps(s, dateline)) return [s];
  return remainders(text, s, [dateline]);
}

/**
 * Nouns that end the name of an institution named after its place ("Borno State Police Command").
 * Facilities ("Garissa University", "Kabul Hospital") are left out: the place in their name is
 * where things happen to them, which events need.
 */
const INSTITUTION_END =
  /^(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(?:Police|Command|Council|Assembly|Ministry|Department|Directorate|Commission|Government|Administration|Authority)$/u;

/** A place opening an organisation's NER span, the rest capitalised words ending in an institution noun. */
function isInstitutionOfPlace(text: string, s: Span, place: Candidate): boolean {
  return (
    place.kind === 'place' &&
    place.start === s.start &&
    place.end < s.end &&
    INSTITUTION_END.test(text.slice(place.end, s.end))
  );
}

/**
 * KB matches that are only the middle of a longer organisation name ("Jabhat al-Murabitin
 * al-Jadida" around "al-Murabitin"): the longer name is another group, not the KB entry, so the
 * NER span stands whole. A KB name at either end ("Ghafari ISKP") is left to the usual split.
 * So does a place opening an institution's name ("Borno State Police Command").
 */
function engulfed(input: EntityResolutionInput, dict: readonly Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  for (const m of input.nerMentions) {
    if (m.label !== 'ORG' && m.label !== 'MISC') continue;
    const s = trimSpan(input.text, m.start, m.end);
    const inside = dict.filter((d) => overlaps(d, s));
    const only = inside.length === 1 ? (inside[0] as Candidate) : null;
    if (only && m.label === 'ORG' && isInstitutionOfPlace(input.text, s, only)) {
      out.add(only);
      continue;
    }
    if (!only || only.kind !== 'kb' || !(only.start > s.start && only.end < s.end)) continue;
    const left = input.text.slice(s.start, only.start);
    const right = input.text.slice(only.end, s.end);
    // Joined by spaces or hyphens only: a comma, "and" or a bracket would make it a list or an apposition.
    if (/[,;()]|\band\b/.test(left + right) || !/\p{Lu}/u.test(left)) continue;
    out.add(only);
  }
  return out;
}

/** Every candidate mention, in text order, non-overlapping among themselves. */
export function collectCandidates(input: EntityResolutionInput, kb: ActorKb): Candidate[] {
  const found = dictionaryCandidates(input, kb);
  const inner = engulfed(input, found);
  const dict = found.filter((d) => !inner.has(d));
  const ner = nerCandidates(input, dict);
  // A numbered unit is one name even where the NER kept only its words ("Rashtriya Rifles").
  const units = unitNames(input.text)
    .filter((u) => outsideDateline(u, input.datelineSpan) && !dict.some((d) => overlaps(d, u)))
    .map((u) => candidate(input.text, u.start, u.end, { kind: 'pattern', label: 'ORG', confidence: 0.8 }));
  const kept = [...dict, ...units];
  for (const c of ner.sort((a, b) => b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
