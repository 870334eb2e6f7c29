import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NAMES_FILE, PLACES_FILE, SPELLINGS_FILE } from './format.js';
import { createGazetteer, type Gazetteer } from './gazetteer.js';

/** Where the built gazetteer lives: src/kb/gazetteer/ and dist/src/kb/gazetteer/ both reach the repo's data/. */
export function gazetteerDir(): string {
  const fromSrc = fileURLToPath(new URL('../../../data/gazetteer/', import.meta.url));
  const fromDist = fileURLToPath(new URL('../../../../data/gazetteer/', import.meta.url));
  return existsSync(fromSrc + PLACES_FILE) ? fromSrc : fromDist;
}

let cached: Gazetteer | undefined;

/** The shipped gazetteer, loaded once per process. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const dir = gazetteerDir();
  cached = createGazetteer(
    readFileSync(dir + PLACES_FILE, 'utf8'),
    readFileSync(dir + NAMES_FILE, 'utf8'),
    readFileSync(dir + SPELLINGS_FILE, 'utf8'),
  );
  return cached;
}
