import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinKbDir, loadActorKb, matchActorNames, type ActorKb } from '../../src/kb/actors/index.js';

let kb: ActorKb;
beforeAll(() => {
  kb = loadActorKb({ userDir: null });
});

const ids = (surface: string) => kb.lookup(surface).map((e) => e.id);

describe('built-in actor knowledge base', () => {
  it('holds at least 300 actors with unique ids, valid types and resolvable affiliations', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(kb.entries.map((e) => e.id)).size).toBe(kb.entries.length);
    for (const e of kb.entries) {
      expect(e.source, e.id).not.toBe('');
      for (const a of e.affiliations) expect(kb.get(a.target), `${e.id} → ${a.target}`).toBeDefined();
    }
  });

  it('loads in under 200 ms', () => {
    const t = performance.now();
    loadActorKb({ userDir: null });
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('has no "security forces" actor', () => expect(ids('security forces')).toEqual([]));

  it('keeps the data files free of duplicate slugs across regions', () => {
    const slugs = readdirSync(builtinKbDir()).flatMap((f) =>
      (JSON.parse(readFileSync(join(builtinKbDir(), f), 'utf8')) as { actors: { id: string }[] }).actors.map(
        (a) => a.id,
      ),
    );
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

const LOOKUPS: [string, string][] = [
  ['ISKP', 'actor:iskp'],
  ['IS-K', 'actor:iskp'],
  ['ISIS-K', 'actor:iskp'],
  ['ISIL-K', 'actor:iskp'],
  ['Islamic State Khurasan', 'actor:iskp'],
  ['Wilayat Khorasan', 'actor:iskp'],
  ['Tehrik-e Taliban Pakistan', 'actor:ttp'],
  ['Tehreek-E-Taliban Pakistan', 'actor:ttp'],
  ['Pakistani Taliban', 'actor:ttp'],
  ['TTP', 'actor:ttp'],
  ['Taliban', 'actor:taliban'],
  ['Afghan Taliban', 'actor:taliban'],
  ['ISI', 'actor:isi'],
  ['Inter-Services Intelligence', 'actor:isi'],
  ['Pakistan’s military', 'actor:pakistan-army'],
  ['Pakistani military', 'actor:pakistan-army'],
  ['Pakistan Army', 'actor:pakistan-army'],
  ['Dr. Shahab al Muhajir', 'actor:sanaullah-ghafari'],
  ['Shahab Mohajir', 'actor:sanaullah-ghafari'],
  ['Mullah Omar', 'actor:mohammed-omar'],
  ['Lashkar-e-Toiba', 'actor:let'],
  ['LeT', 'actor:let'],
  ['JNIM', 'actor:jnim'],
  ['Group for the Support of Islam and Muslims', 'actor:jnim'],
  ['al-Qaida in the Arabian Peninsula', 'actor:aqap'],
  ['Ansar Allah', 'actor:houthis'],
  ['Jaish-i-Fursan Muhammad', 'actor:jaish-ul-fursan'],
  ['Hafiz Gul Bahadur group', 'actor:hafiz-gul-bahadur-group'],
  ['ISPR', 'actor:ispr'],
  ['Estado Mayor Central', 'actor:emc'],
  ['Wagner', 'actor:wagner'],
  ['Amaq', 'actor:amaq'],
];

describe('lookup', () => {
  it.each(LOOKUPS)('"%s" → %s', (surface, id) => expect(ids(surface)).toContain(id));
  it.each([
    ['isi', 'actor:isi'],
    ['Isi', 'actor:isi'],
    ['Al-Qaida in Iraq', 'actor:isi'],
    ['Islamic State', 'actor:iskp'],
    ['Taliban', 'actor:ttp'],
    ['Hafiz Gul Bahadur', 'actor:hafiz-saeed'],
    ['Tehreek-i-Jihad Pakistan', 'actor:ttp'],
  ])('"%s" never hits %s', (surface, id) => expect(ids(surface)).not.toContain(id));
  it('returns both actors for an acronym two regions share', () => {
    expect(ids('ADF')).toEqual(expect.arrayContaining(['actor:adf', 'actor:ambazonia-defence-forces']));
  });
  it('gets by bare slug or full id', () => {
    expect(kb.get('iskp')?.name).toBe('Islamic State Khorasan Province');
    expect(kb.get('actor:iskp')?.affiliations).toContainEqual({
      type: 'branch_of',
      target: 'actor:islamic-state',
    });
    expect(kb.get('actor:isi')?.affiliations).toContainEqual({
      type: 'part_of',
      target: 'actor:pakistan-army',
    });
    expect(kb.get('sanaullah-ghafari')?.affiliations).toContainEqual({
      type: 'leader_of',
      target: 'actor:iskp',
    });
  });
});

describe('dictionary matching over a text', () => {
  const found = (text: string) => matchActorNames(kb, text).map((m) => [m.surface, m.entries[0]?.id]);
  it('finds names with curly apostrophes, hyphenated compounds and acronyms', () => {
    expect(
      found('Pakistan’s military and its intelligence agency, the ISI, complicate the Taliban-led drive.'),
    ).toEqual([
      ['Pakistan’s military', 'actor:pakistan-army'],
      ['ISI', 'actor:isi'],
      ['Taliban', 'actor:taliban'],
    ]);
  });
  it('prefers the longest name', () => {
    expect(found('the Tehreek-e-Taliban Pakistan said')).toEqual([
      ['Tehreek-e-Taliban Pakistan', 'actor:ttp'],
    ]);
    expect(found('ISIS-K claimed it')).toEqual([['ISIS-K', 'actor:iskp']]);
  });
  it('includes an attached article', () =>
    expect(found('fighters of al-Qaeda said')).toEqual([['al-Qaeda', 'actor:al-qaeda']]));
  it('never matches acronyms in other case or inside words', () => {
    expect(found('Isi is a name; ISIS2 is not; the crisis')).toEqual([]);
  });
  it('needs capitals where the name has them', () => expect(found('an islamic state of mind')).toEqual([]));
  it('does not join words across a sentence end', () =>
    expect(found('They went to Pakistan. Military men came.')).toEqual([]));
});
