/** Where the built-in actor files live, found from this module's location (works from src/ and dist/). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the built-in `actors-*.json` files. */
export function builtinKbDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'kb');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('data/kb not found beside the sitrep installation');
}

/** The folder for imported lists: `SITREP_KB_DIR`, else `sitrep-kb` in the working directory. */
export function defaultUserKbDir(): string {
  return process.env.SITREP_KB_DIR ?? 'sitrep-kb';
}
