import type { Span } from '../core/index.js';

/** A token: a span of the text and its surface. `text.slice(start, end) === surface`. */
export interface Token extends Span {
  readonly text: string;
}

/** A sentence: its span and the half-open range of token indices it covers. */
export interface Sentence extends Span {
  readonly firstToken: number;
  readonly endToken: number;
}

/** The NER's label set (CoNLL-2003); the resolution stage maps it to the contract's entity types. */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found by the NER. */
export interface NerMention extends Span {
  readonly label: NerLabel;
  /** Confidence in [0, 1]. */
  readonly score: number;
}
