/** The seed article with hand-built entities: the checks of its case.json that extraction owns. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, names } from './helpers.js';
import { SEED_ENTITIES } from './seed-entities.js';

const FILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'cases', 'seed', 'article.txt');

describe.skipIf(!existsSync(FILE))('seed article', () => {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  const { facts, entities } = extract(text, SEED_ENTITIES, '2024-11-10', { dateline: 'NEW DELHI' });
  const id = (name: string) => entities.find((e) => e.name === name || e.aliases.includes(name))?.id ?? '?';
  const rel = (type: string, s: string, o: string) =>
    facts.relations.find((r) => r.type === type && r.subject === id(s) && r.object === id(o));

  it('three claimed attacks in South Waziristan this month, injured ≥ 2, no deaths', () => {
    const ev = facts.events.filter((e) => e.location === id('South Waziristan'));
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      count: 3,
      date: { start: '2024-11-01', end: '2024-11-30' },
      fatalities: null,
      claimedBy: [id('ISKP')],
    });
    expect(ev[0]?.injured?.min).toBeGreaterThanOrEqual(2);
    expect(['claimed', 'asserted']).toContain(ev[0]?.modality);
  });

  it('the Moscow concert hall attack, March 2024, 130 killed by ISKP', () => {
    const ev = facts.events.find((e) => e.location === id('Moscow'));
    expect(ev).toMatchObject({
      category: 'violence_against_civilians',
      date: { start: '2024-03-01', end: '2024-03-31' },
      fatalities: { min: 130, max: 130 },
      modality: 'asserted',
    });
    expect(names(entities, ev?.perpetrators ?? [])).toContain('Islamic State Khorasan Province');
  });

  it('more than three TTP functionaries killed in the past few months → min 4, target TTP', () => {
    const ev = facts.events.find((e) => e.targets.includes(id('TTP')));
    expect(ev?.fatalities).toMatchObject({ min: 4, max: null });
    expect(ev?.date.start && ev.date.start >= '2024-06-01').toBe(true);
  });

  it('the multiple IED attacks are an aggregate, not a dated incident', () => {
    expect(facts.events).toHaveLength(3);
  });

  it('relations of the case', () => {
    expect(rel('branch_of', 'ISKP', 'ISIS')).toBeDefined();
    expect(rel('leader_of', 'Sanaullah Ghafari', 'ISKP')).toBeDefined();
    expect(rel('supports', 'ISI', 'ISKP')?.modality).toBe('alleged');
    expect(rel('supports', 'Pakistan military', 'ISKP')?.modality).toBe('alleged');
    expect(rel('targets', 'ISKP', 'TTP')?.modality).toBe('alleged');
    expect(rel('located_in', 'Sanaullah Ghafari', 'Balochistan')).toBeDefined();
    expect(rel('operates_in', 'ISKP', 'Khyber Pakhtunkhwa')).toBeDefined();
    const moscow = facts.events.find((e) => e.location === id('Moscow'))?.id;
    expect(
      facts.relations.some(
        (r) => r.type === 'suspect_in' && r.subject === id('Ghafari') && r.object === moscow,
      ),
    ).toBe(true);
    expect(
      facts.relations.find((r) => r.type === 'reward_for' && r.object === id('Ghafari'))?.attributes,
    ).toEqual({ amount: 'USD 10000000' });
  });

  it('sources with their kinds', () => {
    const kind = (t: string) => facts.sources.find((s) => s.text.includes(t))?.kind;
    expect(kind('Kabul-based agency sources')).toBe('agency');
    expect(kind('pro-Pakistan military social media accounts')).toBe('social_media');
    expect(kind('Sources in the Afghanistan establishment')).toBe('anonymous');
  });

  it('Ghafari’s death is never asserted', () => {
    const g = id('Ghafari');
    expect(
      facts.events.some(
        (e) => e.modality === 'asserted' && (e.fatalities?.min ?? 0) > 0 && e.targets.includes(g),
      ),
    ).toBe(false);
  });

  it('claims carry a source, a modality and a credibility 1–6, and point at known ids', () => {
    const known = new Set([
      ...entities.map((e) => e.id),
      ...facts.events.map((e) => e.id),
      ...facts.relations.map((r) => r.id),
    ]);
    expect(facts.claims.length).toBeGreaterThan(5);
    for (const c of facts.claims) {
      expect(c.credibility).toBeGreaterThanOrEqual(1);
      expect(c.credibility).toBeLessThanOrEqual(6);
      for (const a of c.about) expect(known.has(a)).toBe(true);
      if (c.source) expect(facts.sources.some((s) => s.id === c.source)).toBe(true);
    }
  });
});
