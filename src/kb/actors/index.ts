/** The actor knowledge base: built-in reference actors plus the user's imported lists. */
export type { ActorEntry, ActorKb, ActorName, ActorType, Affiliation } from './types.js';
export { ACTOR_TYPES } from './types.js';
export { loadActorKb } from './load.js';
export { buildActorKb } from './build.js';
export { matchActorNames, type ActorMatch } from './matcher.js';
export { builtinKbDir, defaultUserKbDir } from './paths.js';
export { validateActor, validateActorFile, type StoredActor } from './validate.js';
