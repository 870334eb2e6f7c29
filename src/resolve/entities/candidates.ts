/**
 * Collects candidate mentions from the gazetteer's places, the actor dictionary and the NER, and
 * settles overlaps: the longest span wins; a KB match inside a longer NER span splits it ("Ghafari
 * ISKP" → "Ghafari" + "ISKP"); nothing survives inside the dateline.
 */
import { overlaps, type Span } from '../../core/index.js';
import { matchActorNames, type ActorKb } from '../../kb/actors/index.js';
import type { NerMention } from '../../nlp/index.js';
import type { Candidate, EntityResolutionInput } from './types.js';

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
  ].filter((c) => outsideDateline(c, input.datelineSpan));
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

/** Every candidate mention, in text order, non-overlapping among themselves. */
export function collectCandidates(input: EntityResolutionInput, kb: ActorKb): Candidate[] {
  const dict = dictionaryCandidates(input, kb);
  const ner = nerCandidates(input, dict);
  const kept = [...dict];
  for (const c of ner.sort((a, b) => b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
