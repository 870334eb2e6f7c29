import type { NerMention, Sentence, Token } from '../types.js';

/** A named-entity recogniser: finds PER/ORG/LOC/MISC mentions in tokenized, sentence-split text. */
export interface NerModel {
  /** Mentions in document order; `tokens` and `sentences` must come from `text`. */
  recognize(text: string, tokens: readonly Token[], sentences: readonly Sentence[]): NerMention[];
}
