/**
 * The grading hooks extraction calls: how reliable a source is, how credible a claim is. The
 * rules live in src/grade (which may import extraction, not the other way round); extraction
 * takes them as a `Grader`. Without one, sources are `F` and claims `6` (cannot be judged).
 */
import type { Credibility, Modality, Reliability, SourceKind } from '../core/index.js';

/** What a single document tells about a claim's credibility. */
export interface ClaimFeatures {
  readonly modality: Modality;
  /** Reliability of the claim's source (the outlet's when it speaks in its own voice). */
  readonly reliability: Reliability;
  readonly sourceKind: SourceKind | 'outlet_voice';
  /** Distinct sources in the document that state the same fact. */
  readonly corroborations: number;
  /** The text says the claim could not be verified. */
  readonly unverifiable: boolean;
  /** Another party in the text disputes it ("not genuine", "gave a heavier toll"). */
  readonly disputed: boolean;
}

/**
 * Reliability overrides the user edits (JSON): per source kind, per outlet, per named source.
 * Defined here because it is part of the extraction input; src/grade loads and applies it.
 */
export interface ReliabilityConfig {
  /** Reliability per source kind; missing kinds take the defaults of src/grade. */
  readonly kinds?: Partial<Record<SourceKind, Reliability>>;
  /** Reliability of an outlet's own voice and of sources that name it, keyed by outlet name or domain. */
  readonly outlets?: Readonly<Record<string, Reliability>>;
  /** Reliability of named sources ("ISPR", "Amaq"). */
  readonly sources?: Readonly<Record<string, Reliability>>;
  /** Reliability of an outlet that the config does not list. */
  readonly defaultOutlet?: Reliability;
}

export interface Grader {
  /** Admiralty reliability of a source of this kind, named so, in this outlet. */
  sourceReliability(kind: SourceKind, text: string, outlet: string | null): Reliability;
  /** Reliability of the outlet's own voice. */
  outletReliability(outlet: string | null): Reliability;
  /** Admiralty credibility of a claim. */
  claimCredibility(features: ClaimFeatures): Credibility;
}

/** The grader used when none is given: nothing can be judged. */
export const UNGRADED: Grader = {
  sourceReliability: () => 'F',
  outletReliability: () => 'F',
  claimCredibility: () => 6,
};
