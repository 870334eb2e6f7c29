import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey, type Entity } from '../../src/core/index.js';
import { loadActorKb } from '../../src/kb/actors/index.js';
import { resolveEntities } from '../../src/resolve/entities/index.js';
import { SEED_DIR, hasSeed, seedInput } from './seed-input.js';

interface SeedCase {
  entities: { type: string; names: string[]; sameEntity?: boolean }[];
  notEntities: string[];
  notPersons: string[];
}

describe.skipIf(!hasSeed)('seed article: document-level resolution', () => {
  const input = seedInput();
  const c = hasSeed ? (JSON.parse(readFileSync(join(SEED_DIR, 'case.json'), 'utf8')) as SeedCase) : null;
  const r = input ? resolveEntities(input, loadActorKb({ userDir: null })) : null;
  const ents = r?.entities ?? [];
  const names = (e: Entity) => new Set([e.name, ...e.aliases].map(nameKey));
  const text = input?.text ?? '';

  it.each(c?.entities ?? [])('entity $names.0 ($type)', (g) => {
    const found = ents.filter((e) => g.names.some((n) => names(e).has(nameKey(n))));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((e) => e.type)).toContain(g.type);
    if (g.sameEntity) expect(ents.some((e) => g.names.every((n) => names(e).has(nameKey(n))))).toBe(true);
  });
  it.each(c?.notEntities ?? [])('no entity named "%s"', (bad) =>
    expect(ents.some((e) => names(e).has(nameKey(bad)))).toBe(false),
  );
  it.each(c?.notPersons ?? [])('"%s" is no person of its own', (a) =>
    expect(
      ents.some((e) => e.type === 'person' && nameKey(e.name) === nameKey(a) && names(e).size === 1),
    ).toBe(false),
  );
  it('keeps the Taliban apart from the TTP, and ISKP apart from ISIS', () => {
    const holder = (n: string) => ents.find((e) => names(e).has(nameKey(n)))?.id;
    expect(holder('Taliban')).not.toBe(holder('TTP'));
    expect(holder('ISKP')).not.toBe(holder('ISIS'));
  });
  it('anchors every mention and alias in the text', () => {
    for (const e of ents) {
      for (const a of e.aliases) expect(e.mentions.some((m) => text.slice(m.start, m.end) === a)).toBe(true);
      expect(e.mentions.some((m) => names(e).has(nameKey(text.slice(m.start, m.end))))).toBe(true);
    }
  });
  it('states ISKP branch_of ISIS and Ghafari leader_of ISKP', () => {
    const byName = (n: string) => ents.find((e) => names(e).has(nameKey(n)))?.id;
    expect(r?.relationHints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'branch_of', subject: byName('ISKP'), object: byName('ISIS') }),
        expect.objectContaining({
          type: 'leader_of',
          subject: byName('Sanaullah Ghafari'),
          object: byName('ISKP'),
        }),
      ]),
    );
  });
  it('resolves "The terrorist group", "the ISKP head" and "he"', () => {
    const at = (s: string, from = 0) => {
      const i = text.indexOf(s, from);
      return r?.mentionIndex.entityAt(i, i + s.length)?.name;
    };
    expect(at('The terrorist group')).toBe('Islamic State Khorasan Province');
    expect(at('ISKP head')).toBe('Sanaullah Ghafari');
    expect(at('he', text.indexOf('but he managed'))).toBe('Sanaullah Ghafari');
  });
});
