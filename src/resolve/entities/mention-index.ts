/** Finds the entity behind a span, for the extractors. */
import type { Entity } from '../../core/index.js';
import type { MentionIndex, ResolvedMention } from './types.js';

/** An index over resolved mentions. */
export function buildMentionIndex(
  entities: readonly Entity[],
  mentions: readonly ResolvedMention[],
): MentionIndex {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    mentions: sorted,
    entityAt(start, end) {
      const exact = sorted.find((m) => m.start === start && m.end === end);
      const containing = sorted
        .filter((m) => m.start <= start && end <= m.end)
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      const inside = sorted
        .filter((m) => start <= m.start && m.end <= end)
        .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
      const m = exact ?? containing ?? inside;
      return m ? (byId.get(m.entityId) ?? null) : null;
    },
    entitiesIn(start, end) {
      const ids = sorted.filter((m) => m.start < end && start < m.end).map((m) => m.entityId);
      return [...new Set(ids)].map((id) => byId.get(id)).filter((e): e is Entity => !!e);
    },
  };
}
