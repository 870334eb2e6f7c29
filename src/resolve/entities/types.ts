/** Inputs and outputs of in-document entity resolution. */
import type { Entity, Geo, Modality, RelationType, Span } from '../../core/index.js';
import type { ActorEntry } from '../../kb/actors/index.js';
import type { NerLabel, NerMention, Sentence, Token } from '../../nlp/index.js';

/** A place found and resolved by the gazetteer stage. */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly name: string;
  readonly geo: Geo;
  readonly kbId: string;
  readonly confidence: number;
}

export interface EntityResolutionInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly nerMentions: readonly NerMention[];
  readonly places: readonly PlaceMention[];
  readonly datelineSpan: Span | null;
}

/** A relation the text states inside a name's apposition ("ISKP, the local chapter of ISIS"). Ids are entity ids. */
export interface RelationHint {
  readonly type: RelationType;
  readonly subject: string;
  readonly object: string;
  readonly modality: Modality;
  readonly evidence: Span;
}

/** How a mention was found. Nominal and pronoun mentions refer to an entity but never name it. */
export type MentionKind = 'place' | 'kb' | 'ner' | 'pattern' | 'surname' | 'variant' | 'nominal' | 'pronoun';

/** One resolved mention: its span, how it was found, and the entity it refers to. */
export interface ResolvedMention extends Span {
  readonly entityId: string;
  readonly kind: MentionKind;
}

/** Finds which entity covers a span, for the event and relation extractors. */
export interface MentionIndex {
  readonly mentions: readonly ResolvedMention[];
  /** The entity whose mention is exactly the span, else the smallest mention containing it, else the largest inside it. */
  entityAt(start: number, end: number): Entity | null;
  /** Every entity with a mention overlapping the span, in order of first overlap. */
  entitiesIn(start: number, end: number): Entity[];
}

export interface EntityResolution {
  readonly entities: Entity[];
  readonly relationHints: RelationHint[];
  readonly mentionIndex: MentionIndex;
}

/** A candidate mention while resolving (internal). */
export interface Candidate {
  start: number;
  end: number;
  surface: string;
  kind: MentionKind;
  label: NerLabel | null;
  entries: readonly ActorEntry[];
  place: PlaceMention | null;
  confidence: number;
  /** Index of the cluster (entity-to-be) it belongs to. */
  cluster: number;
}
