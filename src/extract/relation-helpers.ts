/**
 * Shared pieces of the relation rules: how a rule emits a relation, and how it finds the actor
 * before or after a cue (the nearest mention, a pronoun or "the group", the clause's subject).
 */
import type { Entity, EntityType, RelationType, Span } from '../core/index.js';
import { GROUP_ANAPHOR, lastEntityBefore, resolveGroup } from './anaphora.js';
import { mentionsIn, type DocContext, type Mention } from './context.js';

export type Emit = (
  type: RelationType,
  subject: Entity | null | undefined,
  object: Entity | string | null | undefined,
  at: Span,
  cue: Span,
  attributes?: Record<string, string>,
) => void;

export const ACTORS: readonly EntityType[] = ['group', 'organization', 'person'];
export const ORGS: readonly EntityType[] = ['group', 'organization'];
export const BRANCH_NOUN = String.raw`(?:chapter|branch|affiliate|wing|faction|arm|offshoot|franchise|cell|subsidiary|unit|front|proxy|shadow group|cover)`;
// "splinter" is left out on purpose: a group that split away is no branch of its parent today.
/** A branch noun shortly after the object ("ISIS's Khorasan chapter"). */
export const BRANCH_NOUN_AFTER_RE = new RegExp(`^[^,.;]{0,40}?${BRANCH_NOUN}\\b`, 'i');
export const LEADER_NOUN = String.raw`(?:leader|head|chief|commander|founder|emir|amir|chairman|chairperson|boss|ringleader|mastermind|supremo|spokes(?:man|person)?|top commander|deputy leader|co-founder)`;

/** Entity mention nearest before `pos` in the sentence, of the given types, skipping `exclude`. */
export function before(
  ctx: DocContext,
  sentStart: number,
  pos: number,
  types: readonly EntityType[],
  exclude?: string,
): Entity | null {
  const ms = mentionsIn(ctx, sentStart, pos, types).filter((m) => m.entity.id !== exclude);
  return ms[ms.length - 1]?.entity ?? null;
}

export function after(
  ctx: DocContext,
  pos: number,
  end: number,
  types: readonly EntityType[],
): Mention | null {
  return mentionsIn(ctx, pos, end, types)[0] ?? null;
}

/** An appositive closed just before the verb: "ISKP, the regional affiliate of the Islamic State group, has attacked". */
const CLOSED_APPOSITIVE = /,\s*(?:the|a|an|its|their|which|who)\b[^,]{0,120},\s*(?:[\w'’-]+\s+){0,3}$/i;

/**
 * The head of a subject whose appositive ends right before `pos`: the actor named just before
 * the appositive's opening comma, not the one named inside it.
 */
export function appositiveHead(
  ctx: DocContext,
  sentStart: number,
  pos: number,
  types: readonly EntityType[],
  exclude?: string,
): Entity | null {
  const lead = ctx.text.slice(Math.max(sentStart, pos - 200), pos);
  const m = CLOSED_APPOSITIVE.exec(lead);
  if (!m) return null;
  const comma = pos - lead.length + m.index;
  const head = mentionsIn(ctx, sentStart, comma, types).pop();
  if (!head || head.entity.id === exclude || !/^\)?$/.test(ctx.text.slice(head.end, comma).trim()))
    return null;
  return head.entity;
}

/** A relative clause opened right before `pos`: "…, which", "… who have long". */
const RELATIVE_OPEN =
  /,?\s*(?:which|who|that)\s+(?:(?:is|are|was|were|has|have|had|also|still|now|long|mainly|mostly|largely|reportedly|allegedly)\s+){0,2}$/i;

/**
 * The actor a relative clause opened just before `pos` is about: "The EMC's 10th Front, which
 * operates in Arauca" is about the 10th Front, the name right before the comma, not the EMC.
 */
export function relativeHead(
  ctx: DocContext,
  sentStart: number,
  pos: number,
  types: readonly EntityType[],
): Entity | null {
  const lead = ctx.text.slice(Math.max(sentStart, pos - 80), pos);
  const m = RELATIVE_OPEN.exec(lead);
  if (!m) return null;
  const open = pos - lead.length + m.index;
  const head = mentionsIn(ctx, sentStart, open, types).pop();
  if (!head || !/^[\s)]*$/.test(ctx.text.slice(head.end, open))) return null;
  return head.entity;
}

/** Subject at a pronoun or anaphor, or the nearest actor before. */
export function subjectAt(
  ctx: DocContext,
  sentStart: number,
  pos: number,
  types: readonly EntityType[],
  exclude?: string,
): Entity | null {
  const lead = ctx.text.slice(sentStart, pos);
  const pron =
    /\b(the (?:\w+ )?(?:group|outfit|organi[sz]ation|militants|movement)|its fighters|their fighters|it|they|he|she)\s+(?:\S+\s+){0,4}$/i.exec(
      lead,
    );
  const near =
    appositiveHead(ctx, sentStart, pos, types, exclude) ?? before(ctx, sentStart, pos, types, exclude);
  if (
    pron?.[1] &&
    GROUP_ANAPHOR.test(pron[1]) &&
    (!near ||
      (ctx.mentions.find((m) => m.entity === near && m.start >= sentStart)?.start ?? 0) <
        sentStart + (pron.index ?? 0))
  )
    return resolveGroup(ctx, sentStart + pron.index, exclude);
  if (pron?.[1] && /^(?:he|she)$/i.test(pron[1]) && !near)
    return lastEntityBefore(ctx, pos, ['person'], 1500, exclude);
  return near ?? (types.includes('group') ? resolveGroup(ctx, pos, exclude) : null);
}

/** An organisation named as a modifier of the noun that follows ("an al-Qaeda affiliate led by"). */
export const MODIFIER_ORG =
  /^(?:-linked|-allied|-aligned|['’]s)?\s*(?:[\w-]+\s+){0,2}(?:affiliate|branch|faction|group|offshoot|wing|outfit|franchise|ally|proxy|splinter group)\s*,?\s*$/i;

const SENTENCE_PRONOUN = /^\s*(?:it|they|its|their)\b/i;
const CLAUSE_OPEN = /(?:^|\bthat\s|;\s|\band said\s|\bwhile\s|\bbut\s)/gi;

/** The subject of the clause holding `pos`: its first actor after the last clause opening ("show that X, …, is"). */
export function clauseSubject(
  ctx: DocContext,
  sentStart: number,
  pos: number,
  types: readonly EntityType[],
): Entity | null {
  const lead = ctx.text.slice(sentStart, pos);
  let open = 0;
  CLAUSE_OPEN.lastIndex = 0;
  for (let m = CLAUSE_OPEN.exec(lead); m; m = CLAUSE_OPEN.exec(lead)) {
    open = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_OPEN.lastIndex++;
  }
  const pron = /^\s*(?:its|their|his|her|it|they|he|she|the (?:\w+ )?(?:group|outfit|militants))\b/i.exec(
    lead.slice(open),
  );
  // "It pledged itself to IS; it is also blamed …": a pronoun chain from the sentence's start
  // stands for the group named before the sentence, not for the object in between
  if (
    pron &&
    open > 0 &&
    types.includes('group') &&
    /^\s*(?:it|they|its|their)\b/i.test(pron[0]) &&
    SENTENCE_PRONOUN.test(lead)
  )
    return resolveGroup(ctx, sentStart);
  if (pron) return subjectAt(ctx, sentStart, sentStart + open + pron[0].length, types);
  return mentionsIn(ctx, sentStart + open, pos, types)[0]?.entity ?? null;
}

export interface Pattern {
  readonly re: RegExp;
  /** A cheap test a sentence must pass before the (costlier) pattern runs on it. */
  readonly gate?: RegExp;
  readonly apply: (ctx: DocContext, m: RegExpExecArray, at: Span, sent: Span, emit: Emit) => void;
}

export const g = (s: string): RegExp => new RegExp(s, 'gi');

/** Words that introduce the place of an activity. */
export const PLACE_INTRO =
  /\b(?:in|within|across|throughout|from|of|like|and|including|neighbouring|neighboring|particularly|such as|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i;

/** A definite description standing for a group: "the group", "the militants". */
export const GROUP_NP =
  /^(?:the|this|that) (?:[\w-]+ )?(?:group|outfit|organi[sz]ation|movement|militants|network|faction|insurgents|rebels|jihadists)\b/i;

/** Between a role and the name after it: ", identified by police as Qari", ", named as", ", ". */
const ROLE_TO_NAME =
  /^\s*,?\s*(?:(?:who was |who is |it |they |police |officials |he |she )?(?:identified|named|known|described|given)(?: by [^,.;]{1,30}?)? as\s+)?(?:[A-Z][\w.]*\s+){0,2}$/;
/** Between a name and its role after it: "X, the", "X, 45, a", "X was the", "X as". */
const NAME_TO_ROLE = /^\s*(?:,\s*(?:[^,]{0,40},\s*)?|\s+(?:as|is|was|became|becomes)\s+)$/;

/**
 * The person a role phrase [roleStart, roleEnd) names: the appositive head before it ("X, the
 * deputy of ...") or the name that follows it ("the deputy ..., identified as X").
 */
export function personForRole(
  ctx: DocContext,
  sent: Span,
  roleStart: number,
  roleEnd: number,
): Entity | null {
  const prev = mentionsIn(ctx, sent.start, roleStart, ['person']).pop();
  if (prev && NAME_TO_ROLE.test(ctx.text.slice(prev.end, roleStart))) return prev.entity;
  const next = mentionsIn(ctx, roleEnd, Math.min(sent.end, roleEnd + 80), ['person'])[0];
  if (next && ROLE_TO_NAME.test(ctx.text.slice(roleEnd, next.start))) return next.entity;
  return null;
}
