/** Geoparsing: toponym recognition and context-aware disambiguation against the gazetteer. */
export type { Toponym, ToponymCue, ResolvedPlace } from './types.js';
export type { ToponymInput } from './find-toponyms.js';
export type { ResolveInput } from './resolve-toponyms.js';
export { findToponyms } from './find-toponyms.js';
export { resolveToponyms } from './resolve-toponyms.js';
export { goldToponym } from './gold-toponym.js';
export { distanceKm } from './distance.js';
