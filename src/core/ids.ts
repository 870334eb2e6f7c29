import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string (UTF-8). Ids are deterministic so re-runs update instead of duplicating. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The document id: a hash of its normalised text. */
export function documentId(text: string): string {
  return `sha256:${sha256(text)}`;
}

/** A short stable id from identifying fields, e.g. `stableId('ent', 'group', 'iskp')`. */
export function stableId(prefix: string, ...fields: readonly string[]): string {
  const key = `${prefix}:${fields.join('\u241f')}`;
  let id = stableIds.get(key);
  if (id === undefined) {
    if (stableIds.size >= 50_000) stableIds.clear();
    stableIds.set(key, (id = `${prefix}:${sha256(fields.join('\u241f')).slice(0, 20)}`));
  }
  return id;
}

/** stableId's results: the same entities and places get their ids in document after document. */
const stableIds = new Map<string, string>();
