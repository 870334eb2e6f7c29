/** Test helpers: hand-built entity lists found by literal name matching, and a one-call extraction. */
import type { Entity, EntityType, FeatureClass, Geo } from '../../src/core/index.js';
import { extractFacts, type Facts, type RelationHint } from '../../src/extract/index.js';
import { createGrader } from '../../src/grade/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';

export interface EntitySpec {
  readonly type: EntityType;
  readonly names: readonly string[];
  readonly geo?: Partial<Geo> & { lat: number; lon: number; featureClass: FeatureClass };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Entities whose mentions are every whole-word occurrence of their names (longest names first). */
export function entitiesFromNames(text: string, specs: readonly EntitySpec[]): Entity[] {
  const taken: { start: number; end: number }[] = [];
  const all = specs.flatMap((s, i) => s.names.map((n) => ({ i, n }))).sort((a, b) => b.n.length - a.n.length);
  const mentions = specs.map(() => [] as { start: number; end: number }[]);
  for (const { i, n } of all) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const span = { start: m.index, end: m.index + n.length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      mentions[i]?.push(span);
    }
  }
  return specs.map((s, i) => ({
    id: `e${i + 1}`,
    type: s.type,
    name: s.names[0] ?? '',
    aliases: s.names.slice(1),
    mentions: (mentions[i] ?? []).sort((a, b) => a.start - b.start),
    kbId: null,
    ...(s.geo ? { geo: { countryCode: null, admin1: null, admin2: null, geonamesId: null, ...s.geo } } : {}),
  }));
}

/** Runs tokenizer, sentence splitter and fact extraction with default grading. */
export function extract(
  text: string,
  specs: readonly EntitySpec[],
  published: string | null,
  opts: { dateline?: string; hints?: RelationHint[] } = {},
): { facts: Facts; entities: Entity[] } {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const entities = entitiesFromNames(text, specs);
  const datelineSpan =
    opts.dateline && text.startsWith(opts.dateline) ? { start: 0, end: opts.dateline.length } : null;
  const facts = extractFacts({
    text,
    tokens,
    sentences,
    entities,
    relationHints: opts.hints ?? [],
    published,
    datelineSpan,
    outlet: null,
    grader: createGrader(),
  });
  return { facts, entities };
}

/** The names of the entities with these ids (or the strings themselves when not ids). */
export function names(entities: readonly Entity[], ids: readonly string[]): string[] {
  return ids.map((id) => entities.find((e) => e.id === id)?.name ?? id);
}
