/**
 * Claims: one per clause that states a fact (an event's or a relation's evidence), tied to the
 * source that says it (null: the outlet's own voice), with the fact's modality and a credibility
 * from the grader. `about` lists the events, relations and entities the clause states.
 */
import type { Claim, Event, Modality, Relation, Source, Span } from '../core/index.js';
import { mentionsIn, type DocContext } from './context.js';
import type { Grader } from './grading.js';
import type { Attribution } from './source-attribution.js';

const UNVERIFIABLE =
  /\b(?:could not be (?:independently )?(?:verified|confirmed|checked)|no way to verify|cannot be (?:independently )?(?:verified|confirmed)|unverified|not (?:been )?independently verified|none of (?:the|this|it) could be (?:independently )?(?:verified|confirmed))\b/i;
const DISPUTED = /\b(?:not genuine|fake|fabricated|false|disputed|rejected the claim|heavier toll|denied)\b/i;

interface ClaimInput {
  readonly ctx: DocContext;
  readonly events: readonly Event[];
  readonly relations: readonly Relation[];
  /** Offset inside the clause where each relation was read. */
  readonly relationAnchors: ReadonlyMap<string, number>;
  readonly attributions: readonly Attribution[];
  readonly sources: readonly Source[];
  readonly sourceIdOf: (a: Attribution) => string | null;
  readonly grader: Grader;
  readonly outlet: string | null;
}

const inside = (s: Span, c: Span): boolean => s.start < c.end && c.start < s.end;

/** Builds the claims of a document. */
export function buildClaims(input: ClaimInput): Claim[] {
  const { ctx, events, relations, relationAnchors, attributions, sources, grader } = input;
  const claims: Claim[] = [];
  const sentenceText = (i: number): string => {
    const s = ctx.sentences[i];
    return s ? ctx.text.slice(s.start, s.end) : '';
  };
  for (const clause of ctx.clauses) {
    const evs = events.filter(
      (e) =>
        e.evidence.some((s) => s.start === clause.start && s.end === clause.end) ||
        e.evidence.some((s) => s.start <= clause.start && s.end >= clause.end),
    );
    const rels = relations.filter((r) => {
      const at = relationAnchors.get(r.id);
      return at !== undefined
        ? at >= clause.start && at < clause.end
        : r.evidence.some((s) => inside(s, clause)) && clause.start === clause.sentenceStart;
    });
    if (!evs.length && !rels.length) continue;
    const atts = attributions.filter((a) => a.sentence === clause.sentence);
    const att =
      atts.find((a) => a.verb.start >= clause.start && a.verb.start < clause.end) ?? atts[0] ?? null;
    const sourceId = att ? input.sourceIdOf(att) : null;
    const source = sources.find((s) => s.id === sourceId) ?? null;
    const modality: Modality = evs[0]?.modality ?? rels[0]?.modality ?? att?.frame ?? 'asserted';
    const near = sentenceText(clause.sentence) + ' ' + sentenceText(clause.sentence + 1);
    const corroborations = Math.max(0, ...evs.map((e) => e.sources.length));
    const credibility = grader.claimCredibility({
      modality,
      reliability: source ? source.reliability : grader.outletReliability(input.outlet),
      sourceKind: source ? source.kind : 'outlet_voice',
      corroborations,
      unverifiable: UNVERIFIABLE.test(near),
      disputed: DISPUTED.test(sentenceText(clause.sentence + 1)) && modality !== 'asserted',
    });
    const entityIds = mentionsIn(ctx, clause.start, clause.end).map((m) => m.entity.id);
    const about = [...new Set([...evs.map((e) => e.id), ...rels.map((r) => r.id), ...entityIds])];
    claims.push({
      id: `c${claims.length + 1}`,
      evidence: { start: clause.start, end: clause.end },
      source: sourceId,
      modality,
      credibility,
      about,
    });
  }
  return claims;
}
