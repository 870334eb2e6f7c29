import type Database from 'better-sqlite3';
import type { StoryCandidate, StoryFingerprint } from '../types.js';

/**
 * Stories: documents that carry the same report (exact copies, or syndicated copies with other
 * boilerplate or a changed headline) share a story id. The pipeline computes the fingerprints
 * (ingest's MinHash) and decides membership; the store keeps them and finds candidates by index.
 */
export const STORY_TABLES_SQL = `
  ALTER TABLE documents ADD COLUMN story_id TEXT;
  ALTER TABLE documents ADD COLUMN exact_key TEXT;
  ALTER TABLE documents ADD COLUMN near_signature TEXT;
  CREATE INDEX documents_story ON documents(story_id);
  CREATE INDEX documents_exact_key ON documents(exact_key);
  -- Locality-sensitive hashing bands of each document's MinHash signature: candidates share a band.
  CREATE TABLE document_bands (
    band TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
  );
  CREATE INDEX document_bands_band ON document_bands(band);
  CREATE INDEX document_bands_doc ON document_bands(doc_id);
`;

/** Finds documents sharing the exact key or a signature band (never a full scan). */
export function findStoryCandidates(
  db: Database.Database,
  fp: StoryFingerprint,
  excludeId: string,
): StoryCandidate[] {
  const bands = [...new Set(fp.bands)];
  const placeholders = bands.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `SELECT id, story_id, exact_key, near_signature FROM documents
       WHERE id <> ? AND story_id IS NOT NULL AND (exact_key = ?
         ${bands.length ? `OR id IN (SELECT doc_id FROM document_bands WHERE band IN (${placeholders}))` : ''})
       LIMIT 200`,
    )
    .all(excludeId, fp.exactKey, ...bands) as Record<string, unknown>[];
  return rows.map((r) => ({
    docId: String(r.id),
    storyId: String(r.story_id),
    exactKey: String(r.exact_key),
    signature: String(r.near_signature),
  }));
}

/**
 * Stores the LSH bands of a document's signature (inside the document's transaction). Its story id,
 * exact key and signature are columns of its `documents` row, written with the row.
 */
export function writeStoryBands(db: Database.Database, docId: string, fp: StoryFingerprint): void {
  const insert = db.prepare('INSERT INTO document_bands (band, doc_id) VALUES (?, ?)');
  for (const band of new Set(fp.bands)) insert.run(band, docId);
}

/** Ids of the other documents in a story. */
export function storyMembers(db: Database.Database, storyId: string, excludeId: string): string[] {
  return (
    db
      .prepare('SELECT id FROM documents WHERE story_id = ? AND id <> ? ORDER BY ingested_at')
      .all(storyId, excludeId) as { id: string }[]
  ).map((r) => r.id);
}
