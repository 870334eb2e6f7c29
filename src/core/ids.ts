import { createHash } from 'node:crypto';
import { memoize } from './memo.js';

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
  return `${prefix}:${hashOfFields(fields.join('\u241f'))}`;
}

/** The same entities and places get their ids in document after document. */
const hashOfFields = memoize((joined: string) => sha256(joined).slice(0, 20), 50_000);
