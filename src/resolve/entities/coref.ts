/**
 * Conservative nominal and pronominal coreference: "the (terrorist) group" → the one group named in
 * this or the previous sentence; "he"/"she" → the one person named there; "the ISKP head" → the
 * person the text or the KB makes that group's leader. Anything ambiguous stays unlinked.
 */
import type { Sentence } from '../../nlp/index.js';
import { sentenceOf } from './cluster.js';
import { FEMALE_PRONOUNS, GROUP_NOUNS, LEADER_NOUNS, MALE_PRONOUNS } from './lexicon.js';
import type { MentionKind } from './types.js';

/** An entity as coreference sees it: its type and the starts of its naming mentions. */
export interface CorefTarget {
  readonly id: string;
  readonly type: string;
  readonly starts: readonly number[];
}

/** A mention found by coreference. */
export interface CorefMention {
  readonly start: number;
  readonly end: number;
  readonly entityId: string;
  readonly kind: MentionKind;
}

/** Targets of `type` named in the sentence of `pos` (before it) or the `back` sentences before. */
function recent(
  targets: readonly CorefTarget[],
  sentences: readonly Sentence[],
  pos: number,
  types: readonly string[],
  back = 1,
): CorefTarget[] {
  const s = sentenceOf(sentences, pos);
  return targets.filter(
    (t) => types.includes(t.type) && t.starts.some((st) => st < pos && sentenceOf(sentences, st) >= s - back),
  );
}

const NOMINAL = new RegExp(
  String.raw`\b[Tt]he\s+(?:(?:[a-z\-]+)\s+){0,2}?(${[...GROUP_NOUNS].join('|')})\b`,
  'g',
);
const PRONOUN = /\b(he|him|his|himself|she|her|hers|herself)\b/gi;

/** "the group", "the terrorist group", "the outfit" → the one group (or organisation) named just before. */
function nominals(
  text: string,
  sentences: readonly Sentence[],
  targets: readonly CorefTarget[],
  taken: (s: number, e: number) => boolean,
): CorefMention[] {
  const out: CorefMention[] = [];
  for (const m of text.matchAll(NOMINAL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    // A definite description reaches a little further back than a pronoun; still only when one group fits.
    const hits = recent(targets, sentences, start, ['group'], 2);
    if (hits.length === 1) out.push({ start, end, entityId: (hits[0] as CorefTarget).id, kind: 'nominal' });
  }
  return out;
}

/** "he", "his" → the one person named in this or the previous sentence. */
function pronouns(
  text: string,
  sentences: readonly Sentence[],
  targets: readonly CorefTarget[],
): CorefMention[] {
  const out: CorefMention[] = [];
  for (const m of text.matchAll(PRONOUN)) {
    const word = (m[1] as string).toLowerCase();
    if (!MALE_PRONOUNS.has(word) && !FEMALE_PRONOUNS.has(word)) continue;
    const hits = recent(targets, sentences, m.index, ['person']);
    if (hits.length === 1)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        entityId: (hits[0] as CorefTarget).id,
        kind: 'pronoun',
      });
  }
  return out;
}

/** A leader noun right after a group's name ("ISKP's leader", "ISKP chief"). */
const LEADER_AFTER_RE = new RegExp(String.raw`^(?:['’]s)?\s+(${[...LEADER_NOUNS].join('|')})\b`, 'i');

/** "the ISKP head": a group mention followed by a leader noun → the group's known leader in this document. */
function leaderNominals(
  text: string,
  groupMentions: readonly { start: number; end: number; entityId: string }[],
  leaderOf: ReadonlyMap<string, string>,
): CorefMention[] {
  const out: CorefMention[] = [];
  for (const g of groupMentions) {
    const m = LEADER_AFTER_RE.exec(text.slice(g.end, g.end + 20));
    const leader = leaderOf.get(g.entityId);
    if (!m || !leader) continue;
    if (!/\b(?:the|its)\s+$/i.test(text.slice(Math.max(0, g.start - 6), g.start))) continue;
    out.push({ start: g.start, end: g.end + m[0].length, entityId: leader, kind: 'nominal' });
  }
  return out;
}

/** Every coreferent mention found, given the named entities and which person leads which group. */
export function resolveCoreference(
  text: string,
  sentences: readonly Sentence[],
  targets: readonly CorefTarget[],
  groupMentions: readonly { start: number; end: number; entityId: string }[],
  leaderOf: ReadonlyMap<string, string>,
  taken: (s: number, e: number) => boolean,
): CorefMention[] {
  return [
    ...nominals(text, sentences, targets, taken),
    ...pronouns(text, sentences, targets),
    ...leaderNominals(text, groupMentions, leaderOf),
  ];
}
