/** The NLP stage: tokenizer, sentence splitter and named-entity recogniser. */
export type { Token, Sentence, NerLabel, NerMention } from './types.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './sentences.js';
export type { NerModel } from './ner/model.js';
export { loadNerModel } from './ner/load.js';
export { evaluateNerFile, type NerScore } from './ner/evaluate.js';
