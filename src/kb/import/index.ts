/** Import of watch and sanctions lists (UN consolidated XML, CSV) into the user's knowledge base. */
export {
  importActorList,
  detectFormat,
  listNameOf,
  type ImportSummary,
  type ListFormat,
} from './import-list.js';
export { parseUnConsolidatedXml } from './un-xml.js';
export { parseActorCsv } from './csv.js';
export { linkToBuiltin } from './link.js';
export { countryCode } from './countries.js';
export type { ImportedActor } from './types.js';
