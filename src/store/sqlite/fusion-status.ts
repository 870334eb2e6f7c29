/**
 * Alive or dead: what a document says about a person's fate, read from the claims about the
 * person. A death word right after a mention of the person ("X was killed", "X, who died") says
 * dead; the same under negation ("wrongly assumed to have been killed") or a word of survival
 * ("escaped", "at large", "in hiding", "is operating from") says alive. Another document saying
 * the opposite about the same entity key is a `status` contradiction.
 */
import type { Extraction, Modality, Span } from '../../core/index.js';

/** How far after a mention (UTF-16 units) a status word may sit and still be about that person. */
const CUE_WINDOW = 70;

const DEATH = /\b(?:killed|dead|died|slain|eliminated|assassinated|executed|perished|succumbed)\b/i;
const ALIVE =
  /\b(?:alive|at large|escaped|escape|evad(?:ed|ing)|fled|in hiding|hiding|survived|is operating|operating from|remains active|was arrested|in custody)\b/i;
/** A clause boundary: a status word past it is about something else ("…, in which 130 people were killed"). */
const BOUNDARY = /[;.!?]|, (?:in which|where|when|while|and)\b/;

/** A person's fate as one claim states it. */
export interface StatusFinding {
  readonly localId: string;
  readonly status: 'dead' | 'alive';
  readonly claimId: string;
  readonly evidence: Span;
  readonly modality: Modality;
}

/** The alive/dead statements a document makes about its person entities (one per person and status). */
export function statusFindings(extraction: Extraction, text: string): StatusFinding[] {
  const found = new Map<string, StatusFinding>();
  for (const person of extraction.entities) {
    if (person.type !== 'person') continue;
    const spans = [...person.mentions, ...(person.references ?? [])];
    for (const claim of extraction.claims) {
      if (!claim.about.includes(person.id)) continue;
      const status = statusIn(text, claim.evidence, spans, claim.modality);
      const key = `${person.id}|${status}`;
      if (status && !found.has(key))
        found.set(key, {
          localId: person.id,
          status,
          claimId: claim.id,
          evidence: claim.evidence,
          modality: claim.modality,
        });
    }
  }
  return [...found.values()];
}

/** The status a claim's sentence gives the person mentioned at one of `spans`, or null. */
function statusIn(
  text: string,
  evidence: Span,
  spans: readonly Span[],
  modality: Modality,
): 'dead' | 'alive' | null {
  if (modality === 'uncertain' || modality === 'denied') return null;
  for (const s of spans) {
    if (s.start < evidence.start || s.end > evidence.end) continue;
    const after = text.slice(s.end, Math.min(evidence.end, s.end + CUE_WINDOW));
    const clause = after.split(BOUNDARY)[0] ?? '';
    if (ALIVE.test(clause)) return 'alive';
    if (DEATH.test(clause))
      return modality === 'negated' || /\bwrongly|falsely|mistakenly\b/i.test(clause) ? 'alive' : 'dead';
  }
  return null;
}
