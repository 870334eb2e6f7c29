/**
 * Fact extraction: from a document's text, sentences and resolved entities to coded events,
 * relations, sources and claims (contract records with ids ev1…, r1…, s1…, c1…). Every record's
 * evidence is a span of the text. Rules and lexicons only; linear in the document's length.
 */
import type { Claim, Entity, Event, Modality, Problem, Relation, Source, Span } from '../core/index.js';
import type { Sentence, Token } from '../nlp/types.js';
import type { RelationHint } from '../resolve/entities/types.js';
import { buildClaims } from './claims.js';
import { buildContext } from './context.js';
import { draftEvents, finalizeEvents } from './events.js';
import { UNGRADED, type Grader, type ReliabilityConfig } from './grading.js';
import { eventPlaceRelations, extractRelations, type RelationDraft } from './relations.js';
import { buildSources } from './sources.js';
import { findAttributions, statementTimes } from './source-attribution.js';

export type { ClaimFeatures, Grader, ReliabilityConfig } from './grading.js';
export { UNGRADED } from './grading.js';
export { classifySource } from './source-attribution.js';

/** A relation suggested by entity resolution (appositives, KB facts); defined where it is made. */
export type { RelationHint };

export interface FactInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly relationHints: readonly RelationHint[];
  /** ISO date the relative dates are anchored to, or null. */
  readonly published: string | null;
  readonly datelineSpan: Span | null;
  readonly outlet: string | null;
  /** User overrides of source reliability; applied by the grader (src/grade `extractGradedFacts`). */
  readonly reliability?: ReliabilityConfig;
  /** Reliability and credibility rules (src/grade `createGrader`); ungraded (F / 6) when absent. */
  readonly grader?: Grader;
}

export interface Facts {
  readonly events: Event[];
  readonly relations: Relation[];
  readonly sources: Source[];
  readonly claims: Claim[];
  readonly problems: Problem[];
}

/** Event id whose evidence covers `pos`. */
function eventLocator(events: readonly Event[]): (pos: number) => string | null {
  return (pos) => events.find((e) => e.evidence.some((s) => s.start <= pos && pos < s.end))?.id ?? null;
}

/** perpetrator_of / suspect_in / targets relations read off the events. */
function eventRelations(
  events: readonly Event[],
  drafts: ReturnType<typeof finalizeEvents>['kept'],
  entityIds: ReadonlySet<string>,
): RelationDraft[] {
  const out: RelationDraft[] = [];
  events.forEach((e, i) => {
    const d = drafts[i];
    if (!d) return;
    const evidence = e.evidence[0] as Span;
    for (const [id, how] of d.perpetrators) {
      // One who claimed the act is its perpetrator by its own account, whoever else told the act
      // (relations.ts reads the same self-claims; the key below keeps one relation of each).
      const modality: Modality =
        how === 'claimed' || e.claimedBy.includes(id)
          ? 'claimed'
          : how === 'alleged'
            ? 'alleged'
            : e.modality;
      out.push({
        type: how === 'alleged' ? 'suspect_in' : 'perpetrator_of',
        subject: id,
        object: e.id,
        modality,
        evidence,
      });
      if (how === 'alleged')
        out.push({ type: 'perpetrator_of', subject: id, object: e.id, modality: 'alleged', evidence });
      for (const t of e.targets)
        if (entityIds.has(t) && t !== id)
          out.push({ type: 'targets', subject: id, object: t, modality, evidence });
    }
    for (const [id, span] of d.denied)
      out.push({ type: 'perpetrator_of', subject: id, object: e.id, modality: 'denied', evidence: span });
  });
  return out;
}

/** Extracts events, relations, sources and claims from one document. */
export function extractFacts(input: FactInput): Facts {
  return extractFactsOfMany([input])[0] as Facts;
}

/**
 * `extractFacts` for several documents, phase by phase over all of them (who says what, then the
 * events, then relations and claims), so each phase's patterns and lexicons stay warm from one
 * document to the next. The same facts as one at a time.
 */
export function extractFactsOfMany(inputs: readonly FactInput[]): Facts[] {
  const told = inputs.map(statements);
  const happened = told.map(incidents);
  return inputs.map((input, i) => facts(input, told[i] as Statements, happened[i] as Incidents));
}

/** A document's context and who says what in it. */
interface Statements {
  readonly ctx: ReturnType<typeof buildContext>;
  readonly attributions: ReturnType<typeof findAttributions>;
  readonly stmt: ReadonlySet<number>;
  readonly sources: ReturnType<typeof buildSources>['sources'];
  readonly idOf: ReturnType<typeof buildSources>['idOf'];
  readonly grader: Grader;
}

/** The incidents a document tells. */
type Incidents = ReturnType<typeof finalizeEvents>;

function statements(input: FactInput): Statements {
  const grader = input.grader ?? UNGRADED;
  const ctx = buildContext(
    input.text,
    input.tokens,
    input.sentences,
    input.entities,
    input.published,
    input.datelineSpan,
  );
  const attributions = findAttributions(ctx);
  const stmt = new Set(statementTimes(ctx, attributions));
  const { sources, idOf } = buildSources(input.text, attributions, grader, input.outlet);
  return { ctx, attributions, stmt, sources, idOf, grader };
}

function incidents(t: Statements): Incidents {
  return finalizeEvents(t.ctx, draftEvents(t.ctx, t.attributions, t.stmt), t.idOf);
}

/** Relations, claims and problems of a document whose statements and incidents are known. */
function facts(input: FactInput, told: Statements, happened: Incidents): Facts {
  const { ctx, attributions, sources, idOf, grader } = told;
  const { events, kept } = happened;
  const entityIds = new Set(input.entities.map((e) => e.id));
  const drafted = [
    ...extractRelations(ctx, attributions, eventLocator(events)),
    ...eventRelations(events, kept, entityIds),
  ];
  drafted.push(...eventPlaceRelations(ctx, events, drafted));
  for (const h of input.relationHints) drafted.push({ ...h, evidence: h.evidence });
  const relations: Relation[] = [];
  const anchors = new Map<string, number>();
  const seen = new Set<string>();
  for (const r of drafted) {
    const key = `${r.type}|${r.subject}|${r.object}|${r.modality}`;
    if (seen.has(key) || !entityIds.has(r.subject)) continue;
    seen.add(key);
    const id = `r${relations.length + 1}`;
    const src = r.attribution ? idOf(r.attribution) : null;
    relations.push({
      id,
      type: r.type,
      subject: r.subject,
      object: r.object,
      modality: r.modality,
      sources: src ? [src] : [],
      evidence: [r.evidence],
      ...(r.attributes ? { attributes: r.attributes } : {}),
    });
    anchors.set(id, r.evidence.start);
  }
  const claims = buildClaims({
    ctx,
    events,
    relations,
    relationAnchors: anchors,
    attributions,
    sources,
    sourceIdOf: idOf,
    grader,
    outlet: input.outlet,
  });
  const problems: Problem[] = input.published
    ? []
    : ctx.times
        .filter((t) => t.range.precision === 'unknown')
        .map((t) => ({
          code: 'date_unanchored',
          message: `"${t.text}" cannot be dated without a publication date`,
          span: { start: t.start, end: t.end },
        }));
  return { events, relations, sources, claims, problems };
}
