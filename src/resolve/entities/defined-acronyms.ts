/**
 * A bracketed acronym right after the words it abbreviates is defined by the text, not by the KB:
 * "Senior Superintendent of Police (SSP)" is a rank, not Sipah-e-Sahaba Pakistan, and "Sindh
 * Safety Panel (SSP)" a new organisation. Such a KB match loses its KB entries unless the words
 * before it are one of the entry's own names; when those words are a title it is dropped.
 */
import { isTitleOnly, nameSkeleton } from '../../kb/names/index.js';
import type { ActorEntry } from '../../kb/actors/index.js';
import { isAcronymOf } from './patterns.js';
import type { Candidate } from './types.js';

/** The capitalised run (with "of", "the", "and", "for" inside) right before a "(", up to six words. */
const LONG_FORM_BEFORE =
  /((?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:(?:of|the|and|for)\s+)*\p{Lu}[\p{L}.'’-]*){0,5})\s*\(\s*$/u;

/** The shortest tail of `run` the acronym abbreviates ("said Senior Superintendent of Police" → the rank). */
function longFormOf(run: string, acronym: string): string | null {
  const words = run.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const tail = words.slice(i).join(' ');
    if (/^(?:of|the|and|for)\b/.test(tail)) continue;
    if (
      isAcronymOf(acronym, tail) &&
      tail.replace(/[^A-Z]/g, '').length >= acronym.replace(/[^A-Z]/g, '').length
    )
      return tail;
  }
  return null;
}

function namesOf(e: ActorEntry): string[] {
  return [e.name, ...e.aliases];
}

/** What the text defines a KB acronym candidate as: a title, another name, or nothing (the KB reading stands). */
function definitionOf(text: string, c: Candidate, cands: readonly Candidate[]): 'title' | 'other' | null {
  const isAcronym = c.kind === 'kb' && /^[A-Z][A-Z0-9-]{1,11}$/.test(c.surface);
  const closed = /^\s*\)/.test(text.slice(c.end, c.end + 3));
  const from = Math.max(0, c.start - 80);
  const run = isAcronym && closed ? LONG_FORM_BEFORE.exec(text.slice(from, c.start)) : null;
  const long = run?.[1] ? longFormOf(run[1], c.surface) : null;
  if (!run || !long) return null;
  const longEnd = from + run.index + (run[1] as string).length;
  const longStart = longEnd - long.length;
  // A KB name as the long form ("Tehreek-e-Taliban Pakistan (TTP)") is left to the acronym pairing.
  const named = cands.some((k) => k.entries.length > 0 && k !== c && k.start < longEnd && longStart < k.end);
  const own = c.entries.some((e) => namesOf(e).some((n) => nameSkeleton(n) === nameSkeleton(long)));
  if (own || named) return null;
  return isTitleOnly(long) ? 'title' : 'other';
}

/**
 * Applies the rule to KB acronym candidates; returns the candidates to keep. A definition holds
 * for the whole document: "the SSP said" after "Senior Superintendent of Police (SSP)" is the officer.
 */
export function withDefinedAcronyms(text: string, cands: readonly Candidate[]): Candidate[] {
  const defined = new Map<string, 'title' | 'other'>();
  for (const c of cands) {
    const d = definitionOf(text, c, cands);
    if (d && !defined.has(c.surface)) defined.set(c.surface, d);
  }
  const out: Candidate[] = [];
  for (const c of cands) {
    const d = c.kind === 'kb' ? defined.get(c.surface) : undefined;
    if (d === 'title') continue;
    out.push(d === 'other' ? { ...c, kind: 'pattern', entries: [], confidence: 0.8 } : c);
  }
  return out;
}
