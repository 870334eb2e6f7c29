/** The pipeline: the only module that knows the order of stages. */
export { BATCH_SIZE, extractDocument, extractDocuments } from './extract-document.js';
export type { ExtractOptions } from './extract-document.js';
export { loadResources } from './resources.js';
export type { PipelineResources, ResourceOptions } from './resources.js';
export { ingestDocument, fingerprintOf } from './ingest-document.js';
