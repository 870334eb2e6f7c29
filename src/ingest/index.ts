/**
 * The ingest stage: files, folders, JSONL, HTML pages and feeds → IngestedDocument records with
 * normalised text, dateline, language and metadata. Imports only src/core.
 */
export type { InputResult, ReadOptions } from './types.js';
export { readInput, documentFromBytes, documentFromText, formatOfPath, type Format } from './read-file.js';
export { readInputs, countInputs } from './read-inputs.js';
export { readHtml, type HtmlArticle } from './html.js';
export { findDateline, type Dateline } from './dateline.js';
export { detectLanguage } from './language.js';
export { normalizeText } from './normalize.js';
export { decodeBytes, type DecodeHints } from './decode.js';
export { toIsoDate } from './dates.js';
export {
  exactDuplicateKey,
  nearDuplicateSignature,
  similarity,
  signatureBands,
  NEAR_DUPLICATE_THRESHOLD,
} from './near-duplicate.js';
export * from './limits.js';
export {
  safeFetch,
  createSafeFetch,
  FetchError,
  type FetchOptions,
  type FetchResponse,
  type SafeFetch,
  type FetchFailure,
} from './fetch.js';
export { isBlockedAddress } from './address.js';
export * from './feeds/index.js';
