/**
 * Resolution of the few references that facts hang on: "the group", "the militants", "its
 * fighters", "it", "they" → the armed group most recently named; "he", "she" → the last person.
 */
import type { Entity, EntityType } from '../core/index.js';
import { lowerBound, mentionsIn, type DocContext } from './context.js';

/** A definite description or pronoun that stands for a group. */
export const GROUP_ANAPHOR =
  /^(?:(?:the|this|that) (?:\w+ )?(?:group|outfit|organi[sz]ation|militants|rebels|insurgents|jihadists|terrorists|movement|network|faction)|it|its|they|their|its fighters|their fighters)$/i;

/** Mentions after "of", and possessors, are rarely what a later pronoun points back to ("the local chapter of ISIS"). */
const OBJECT_BEFORE = /\bof\s+(?:the\s+)?$/i;

/** A possessor ("the Islamic State's news agency") modifies the noun that follows it: no antecedent. */
const POSSESSOR_AFTER = /^['’]s\s/;

/** The last entity of one of `types` mentioned before `pos` (within `reach` characters). */
export function lastEntityBefore(
  ctx: DocContext,
  pos: number,
  types: readonly EntityType[],
  reach = 1200,
  exclude?: string,
  skipObjects = false,
): Entity | null {
  for (let i = lowerBound(ctx.mentions, pos) - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (!m) break;
    if (pos - m.end > reach) break;
    if (m.end > pos) continue;
    if (ctx.datelineSpan && m.start < ctx.datelineSpan.end) continue;
    if (!types.includes(m.entity.type) || m.entity.id === exclude) continue;
    if (
      skipObjects &&
      (OBJECT_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 12), m.start)) ||
        POSSESSOR_AFTER.test(ctx.text.slice(m.end, m.end + 3)))
    )
      continue;
    return m.entity;
  }
  return null;
}

/** The group a reference at `pos` stands for: the last group named before it, else the most named one. */
export function resolveGroup(ctx: DocContext, pos: number, exclude?: string): Entity | null {
  const last =
    lastEntityBefore(ctx, pos, ['group'], 1500, exclude, true) ??
    lastEntityBefore(ctx, pos, ['group'], 1500, exclude);
  if (last) return last;
  let best: Entity | null = null;
  for (const e of ctx.entities)
    if (e.type === 'group' && e.id !== exclude && (!best || e.mentions.length > best.mentions.length))
      best = e;
  return best;
}

/**
 * The group "its" or "their" at `pos` stands for: within its sentence the nearest name before
 * it, at a sentence's start the subject of the sentence before — when that is a group ("The ELN
 * is … Its leader"); none when it is a country, a body or a person ("Pakistan … Its leader").
 */
export function possessorGroup(ctx: DocContext, pos: number): Entity | null {
  const TYPES: readonly EntityType[] = ['group', 'organization', 'location', 'person'];
  const si = ctx.sentences.findIndex((s) => s.start <= pos && pos < s.end);
  const sent = ctx.sentences[si];
  // within its sentence, the nearest name before it ("ISWAP said its commander …")
  const here = sent ? mentionsIn(ctx, sent.start, pos, TYPES).pop() : undefined;
  if (here) return here.entity.type === 'group' ? here.entity : null;
  // opening a sentence, it takes up the last one's subject ("The ELN is the largest group in
  // Colombia. Its leader …"; not "Pakistan has fought the Taliban. Its leader …")
  const prev = ctx.sentences[si - 1];
  const subject = prev ? mentionsIn(ctx, prev.start, prev.end, TYPES)[0] : undefined;
  return subject?.entity.type === 'group' ? subject.entity : null;
}
