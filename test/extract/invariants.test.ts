/** Invariants over every extraction: spans inside the text and exact, unique ids, no dangling references. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/core/index.js';
import type { Facts } from '../../src/extract/index.js';
import { extract } from './helpers.js';
import { SEED_ENTITIES } from './seed-entities.js';

const CASES = join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'cases');

function checkInvariants(text: string, facts: Facts, entityIds: ReadonlySet<string>): void {
  const inText = (s: Span) => s.start >= 0 && s.end > s.start && s.end <= text.length;
  const spans = [
    ...facts.events.flatMap((e) => e.evidence),
    ...facts.relations.flatMap((r) => r.evidence),
    ...facts.sources.flatMap((s) => s.mentions),
    ...facts.claims.map((c) => c.evidence),
  ];
  for (const s of spans) expect(inText(s), JSON.stringify(s)).toBe(true);
  for (const s of facts.sources)
    expect(s.mentions.some((m) => text.slice(m.start, m.end) === s.text)).toBe(true);
  const ids = [...facts.events, ...facts.relations, ...facts.sources, ...facts.claims].map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  const eventIds = new Set(facts.events.map((e) => e.id));
  const sourceIds = new Set(facts.sources.map((s) => s.id));
  for (const e of facts.events) {
    if (e.location) expect(entityIds.has(e.location)).toBe(true);
    for (const p of [...e.perpetrators, ...e.claimedBy]) expect(entityIds.has(p)).toBe(true);
    for (const s of e.sources) expect(sourceIds.has(s)).toBe(true);
    if (e.fatalities?.text) expect(text.includes(e.fatalities.text)).toBe(true);
    if (e.date.text) expect(text.includes(e.date.text)).toBe(true);
  }
  for (const r of facts.relations) {
    expect(entityIds.has(r.subject)).toBe(true);
    expect(entityIds.has(r.object) || eventIds.has(r.object)).toBe(true);
  }
}

describe('extraction invariants', () => {
  it('hold on random-ish text with no entities', () => {
    const text =
      'Gunmen killed 4 people; the army said 12 were hurt. “It was a bomb,” a witness told Reuters on Monday.\n\nAt least 7 died.';
    const { facts, entities } = extract(text, [], '2024-01-10');
    checkInvariants(text, facts, new Set(entities.map((e) => e.id)));
    expect(facts.events.length).toBeGreaterThan(0);
  });

  it('hold on empty text', () => {
    const { facts } = extract('', [], null);
    expect(facts).toEqual({ events: [], relations: [], sources: [], claims: [], problems: [] });
  });

  describe.skipIf(!existsSync(CASES))('on the eval articles (seed entities only)', () => {
    const dirs = existsSync(CASES) ? readdirSync(CASES) : [];
    it.each(dirs)('%s', (dir) => {
      const file = join(CASES, dir, 'article.txt');
      if (!existsSync(file)) return;
      const text = readFileSync(file, 'utf8');
      const { facts, entities } = extract(text, SEED_ENTITIES, '2024-11-10');
      checkInvariants(text, facts, new Set(entities.map((e) => e.id)));
    });
  });
});
