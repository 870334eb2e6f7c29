import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { goldToponym, resolveToponyms, type ResolvedPlace } from '../../src/resolve/geo/index.js';

/**
 * Resolves every occurrence of the given surfaces as gold spans and returns the first reading of
 * each. `inTextOrder: false` passes them grouped by surface, as gold annotations list them, to
 * check that the resolver does not depend on the order it is given.
 */
export function resolveSpans(
  text: string,
  surfaces: readonly string[],
  { inTextOrder = true }: { inTextOrder?: boolean } = {},
): Map<string, ResolvedPlace> {
  const toponyms = surfaces.flatMap((s) => {
    const out = [];
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length))
      out.push(goldToponym(text, at, at + s.length));
    if (out.length === 0) throw new Error(`"${s}" not in text`);
    return out;
  });
  if (inTextOrder) toponyms.sort((a, b) => a.start - b.start);
  const resolved = resolveToponyms({ text, toponyms, dateline: null }, loadGazetteer());
  const bySurface = new Map<string, ResolvedPlace>();
  for (const r of resolved) if (!bySurface.has(r.surface)) bySurface.set(r.surface, r);
  return bySurface;
}
