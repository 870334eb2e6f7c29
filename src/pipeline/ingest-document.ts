import type { Extraction, IngestedDocument } from '../core/index.js';
import {
  NEAR_DUPLICATE_THRESHOLD,
  exactDuplicateKey,
  nearDuplicateSignature,
  signatureBands,
  similarity,
} from '../ingest/index.js';
import type { SaveResult, Store, StoryFingerprint } from '../store/index.js';
import { extractDocument } from './extract-document.js';
import type { PipelineResources } from './resources.js';

/**
 * Extracts one document and stores it atomically, placing it in a story with its exact and
 * syndicated copies (MinHash similarity ≥ NEAR_DUPLICATE_THRESHOLD over candidates found by index).
 */
export async function ingestDocument(
  store: Store,
  doc: IngestedDocument,
  res: PipelineResources,
  /** The document's extraction when the caller made it already (a batch: see extractDocuments). */
  extraction: Extraction = extractDocument(doc, res),
): Promise<SaveResult> {
  const id = extraction.document.id;
  const fingerprint = fingerprintOf(doc.text);
  const storyId = await chooseStory(store, id, fingerprint);
  return store.saveDocument({ doc, extraction, story: { storyId, fingerprint } });
}

/** The text's exact key, MinHash signature and LSH bands. */
export function fingerprintOf(text: string): StoryFingerprint {
  const signature = nearDuplicateSignature(text);
  return { exactKey: exactDuplicateKey(text), signature, bands: signatureBands(signature) };
}

/** The story of the most similar stored copy, else a new story named after this document. */
async function chooseStory(store: Store, id: string, fp: StoryFingerprint): Promise<string> {
  let best: { storyId: string; score: number } | null = null;
  for (const c of await store.findStoryCandidates(fp, id)) {
    const score = c.exactKey === fp.exactKey ? 1 : similarity(c.signature, fp.signature);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score))
      best = { storyId: c.storyId, score };
  }
  return best?.storyId ?? `story:${id.replace(/^sha256:/, '').slice(0, 16)}`;
}
