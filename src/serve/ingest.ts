/** Turning POSTed text or HTML into a stored document: ingest readers, then the pipeline. */
import type { IngestedDocument } from '../core/index.js';
import { documentFromText } from '../ingest/index.js';
import type { DocumentRecord } from '../store/index.js';

/** What a client POSTs: the content and what it knows about it. */
export interface IngestRequest {
  readonly format: 'text' | 'html';
  readonly content: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly outlet?: string;
}

/** Reads and extracts one posted document. */
export type Ingester = (req: IngestRequest) => Promise<DocumentRecord>;

/** Reads the posted content the way `sitrep ingest` reads a file. */
export function readPosted(req: IngestRequest): IngestedDocument {
  const meta = {
    ...(req.title ? { title: req.title } : {}),
    ...(req.url ? { url: req.url } : {}),
    ...(req.published ? { published: req.published } : {}),
    ...(req.outlet ? { outlet: req.outlet } : {}),
  };
  return documentFromText(req.content, req.url ?? 'api', req.format, meta);
}

/**
 * The ingester backed by the real pipeline. The pipeline (and its models) is loaded on the first
 * POST, not at start-up, so the server answers reads at once.
 */
export function pipelineIngester(): Ingester {
  return async (req) => {
    const { extractDocument, loadResources } = await import('../pipeline/index.js');
    const doc = readPosted(req);
    return { doc, extraction: extractDocument(doc, loadResources()) };
  };
}
