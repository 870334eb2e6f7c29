/** The core: records, spans, ids, errors. Imports nothing else in src/. */
export * from './records.js';
export * from './errors.js';
export * from './ids.js';
export * from './spans.js';
export * from './text.js';
export * from './invariants.js';
export * from './memo.js';
