/** Storage: one interface, several engines. */
export type * from './types.js';
