import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimFeatures } from '../../src/extract/index.js';
import {
  createGrader,
  DEFAULT_KIND_RELIABILITY,
  gradeClaim,
  loadReliabilityConfig,
  outletReliability,
  reliabilityFor,
} from '../../src/grade/index.js';

const base: ClaimFeatures = {
  modality: 'asserted',
  reliability: 'B',
  sourceKind: 'official',
  corroborations: 1,
  unverifiable: false,
  disputed: false,
};

describe('gradeClaim (single-document rules)', () => {
  it.each([
    [{}, 2],
    [{ reliability: 'C' }, 3],
    [{ reliability: 'D' }, 4],
    [{ reliability: 'F' }, 6],
    [{ reliability: 'D', corroborations: 2 }, 2],
    [{ modality: 'claimed', reliability: 'D' }, 3],
    [{ modality: 'claimed', reliability: 'D', unverifiable: true }, 4],
    [{ modality: 'alleged' }, 3],
    [{ modality: 'uncertain' }, 4],
    [{ modality: 'denied' }, 4],
    [{ modality: 'negated' }, 5],
    [{ disputed: true }, 5],
  ] as [Partial<ClaimFeatures>, number][])('%o → %i', (over, want) => {
    expect(gradeClaim({ ...base, ...over })).toBe(want);
  });
});

describe('reliability', () => {
  it('has a default for every kind', () => {
    expect(Object.keys(DEFAULT_KIND_RELIABILITY).sort()).toEqual([
      'agency',
      'anonymous',
      'official',
      'outlet',
      'perpetrator_claim',
      'social_media',
      'unknown',
      'witness',
    ]);
    expect(reliabilityFor('official', 'the army')).toBe('B');
    expect(reliabilityFor('social_media', 'accounts')).toBe('E');
  });

  it('applies per-outlet, per-source and per-kind overrides from a JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-rel-'));
    const file = join(dir, 'reliability.json');
    writeFileSync(
      file,
      JSON.stringify({
        kinds: { anonymous: 'E' },
        outlets: { Reuters: 'A', 'example.com': 'D' },
        sources: { ISPR: 'C' },
        defaultOutlet: 'B',
      }),
    );
    const cfg = loadReliabilityConfig(file);
    expect(reliabilityFor('anonymous', 'security sources', cfg)).toBe('E');
    expect(reliabilityFor('agency', 'Reuters', cfg)).toBe('A');
    expect(reliabilityFor('official', 'Inter-Services Public Relations (ISPR)', cfg)).toBe('C');
    expect(outletReliability('www.example.com', cfg)).toBe('D');
    expect(outletReliability('unlisted.org', cfg)).toBe('B');
    expect(createGrader(cfg).sourceReliability('anonymous', 'x', null)).toBe('E');
  });

  it('rejects a grade that is not A–F, naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-rel-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ outlets: { Reuters: 'Z' } }));
    expect(() => loadReliabilityConfig(file)).toThrow(/outlets\.Reuters/);
  });

  it('no file → defaults', () => {
    expect(loadReliabilityConfig()).toEqual({});
  });
});
