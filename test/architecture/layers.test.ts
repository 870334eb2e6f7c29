import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * What each layer may import (besides itself). Dependencies point one way:
 * core ← stages (ingest, nlp, kb, resolve, extract, grade) ← pipeline ← serve | cli; core ← store.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  ingest: ['core'],
  nlp: ['core', 'kb'],
  kb: ['core', 'nlp'],
  resolve: ['core', 'nlp', 'kb'],
  extract: ['core', 'nlp', 'kb', 'resolve'],
  grade: ['core', 'nlp', 'kb', 'resolve', 'extract'],
  store: ['core'],
  pipeline: ['core', 'ingest', 'nlp', 'kb', 'resolve', 'extract', 'grade', 'store'],
  serve: ['core', 'ingest', 'nlp', 'kb', 'resolve', 'extract', 'grade', 'store', 'pipeline'],
  cli: ['core', 'ingest', 'nlp', 'kb', 'resolve', 'extract', 'grade', 'store', 'pipeline', 'serve'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

/** Relative imports of a file (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specs = [...code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specs.map((s) => resolve(dirname(file), s));
}

/** Layer violations of one file, given the absolute paths it imports. */
function violationsOf(file: string, targets: readonly string[]): string[] {
  const from = layerOf(file);
  return targets
    .map((target) => layerOf(target))
    .filter((to) => to !== from && !ALLOWED[from]?.includes(to))
    .map((to) => `${relative(SRC, file)} imports ${to}`);
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('knows every top-level folder of src/', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it('dependencies point one way between layers', () => {
    expect(files.flatMap((file) => violationsOf(file, importsOf(file)))).toEqual([]);
  });

  it('the checker itself catches a violation', () => {
    expect(violationsOf(join(SRC, 'core/x.ts'), [join(SRC, 'store/index.ts')])).toEqual([
      'core/x.ts imports store',
    ]);
    expect(
      violationsOf(join(SRC, 'nlp/a.ts'), [join(SRC, 'cli/main.ts'), join(SRC, 'nlp/b.ts')]),
    ).toHaveLength(1);
    expect(violationsOf(join(SRC, 'cli/a.ts'), [join(SRC, 'pipeline/index.ts')])).toEqual([]);
  });
});
