import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';
import { distanceKm, findToponyms, resolveToponyms } from '../../src/resolve/geo/index.js';
import { nerOrNull } from '../../src/resolve/geo/evaluate.js';

const SEED = resolve(import.meta.dirname, '../../../shared/eval/cases/seed');

interface LocationCheck {
  names: string[];
  countryCode: string;
  lat: number;
  lon: number;
  km: number;
}

describe.skipIf(!existsSync(SEED))('seed article locations', () => {
  const text = readFileSync(resolve(SEED, 'article.txt'), 'utf8');
  const checks = (
    JSON.parse(readFileSync(resolve(SEED, 'case.json'), 'utf8')) as { locations: LocationCheck[] }
  ).locations;
  const gaz = loadGazetteer();
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const dateline = 'NEW DELHI';
  const datelineSpan = { start: 0, end: text.indexOf(':') + 1 };
  // The NER when it loads; the gazetteer alone must pass the checks too.
  const nerMentions = nerOrNull()?.recognize(text, tokens, sentences) ?? [];
  const toponyms = findToponyms({ text, tokens, sentences, nerMentions, datelineSpan }, gaz);
  const places = resolveToponyms({ text, toponyms, dateline }, gaz);

  it('does not take the dateline for a toponym', () => {
    expect(toponyms.some((t) => t.start < datelineSpan.end)).toBe(false);
  });

  it.each(checks.map((c) => [c.names[0] ?? '', c] as const))('%s lands in place', (_name, check) => {
    const names = new Set(check.names.map((n) => n.toLowerCase()));
    const hits = places.filter((p) => names.has(p.surface.toLowerCase()));
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.geo.countryCode).toBe(check.countryCode);
      expect(distanceKm(h.geo, check)).toBeLessThanOrEqual(check.km);
    }
  });

  it('keeps demonyms and organisation names out of the toponyms', () => {
    const surfaces = toponyms.map((t) => t.surface);
    expect(surfaces).not.toContain('Afghan');
    expect(surfaces.some((s) => /Khorasan/.test(s))).toBe(false);
  });
});
