/** The offline gazetteer: places with coordinates and admin hierarchy, found by name or id. */
export type { Gazetteer, Place, NameMatch, MatchKind } from './gazetteer.js';
export { createGazetteer } from './gazetteer.js';
export { loadGazetteer, gazetteerDir } from './load.js';
export { editDistance, normalizeName } from './normalize.js';
