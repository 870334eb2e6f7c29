import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActorKb } from '../../src/kb/actors/index.js';
import { importActorList, parseActorCsv, parseUnConsolidatedXml } from '../../src/kb/import/index.js';

const FIX = join(import.meta.dirname, '../fixtures/kb');
const UN_REAL = join(import.meta.dirname, '../../../shared/data/sanctions/UN_consolidated.xml');

describe('UN consolidated list XML', () => {
  const records = parseUnConsolidatedXml(readFileSync(join(FIX, 'sample-un-list.xml'), 'utf8'));
  it('reads individuals and entities with aliases and acronyms', () => {
    expect(records.map((r) => r.name)).toEqual([
      'Sanaullah Ghafari',
      'Karim Zaheer Qureshi',
      'Islamic State In Iraq And The Levant - Khorasan',
      'Tehrik-E Taliban Pakistan',
      'Northern Valley Brigades',
    ]);
    expect(records[0]?.aliases.map((a) => a.toLowerCase())).toEqual([
      'dr. shahab al muhajir',
      'shihab mahajar',
    ]);
    expect(records[2]?.acronyms).toEqual(['ISIL-K', 'ISIS-K']);
    expect(records[4]?.acronyms).toEqual(['NVB']);
  });
  it('rejects malformed XML with a clear error', () => {
    expect(() =>
      parseUnConsolidatedXml(readFileSync(join(FIX, 'malformed.xml'), 'utf8'), 'malformed.xml'),
    ).toThrow(/malformed\.xml: not well-formed XML/);
  });
  it('rejects XML that is not a consolidated list', () => {
    expect(() => parseUnConsolidatedXml('<rss><channel/></rss>', 'feed.xml')).toThrow(
      /not a UN consolidated list/,
    );
  });
});

describe('CSV watch lists', () => {
  it('reads rows, splitting aliases and acronyms', () => {
    const rows = parseActorCsv(readFileSync(join(FIX, 'sample-watchlist.csv'), 'utf8'));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      name: 'Tehreek-e-Taliban Pakistan',
      acronyms: ['TTP'],
      aliases: ['Pakistani Taliban'],
    });
    expect(rows[2]?.note).toContain('comma');
  });
  it('rejects a bad type naming the line', () => {
    expect(() => parseActorCsv(readFileSync(join(FIX, 'bad-type.csv'), 'utf8'), 'bad-type.csv')).toThrow(
      /bad-type\.csv:2: type "weapon"/,
    );
  });
  it('rejects a file without the header', () =>
    expect(() => parseActorCsv('Foo,group\nBar,group\n', 'x.csv')).toThrow(/header/));
});

describe('importing lists', () => {
  it('links listed actors to built-in ones and adds the rest, marked with the list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
    const s = importActorList(join(FIX, 'sample-un-list.xml'), { userDir: dir });
    expect(s).toMatchObject({ list: 'sample-un-list', format: 'un-xml', total: 5, added: 2 });
    expect(s.linked.map((l) => l.to).sort()).toEqual(['actor:iskp', 'actor:sanaullah-ghafari', 'actor:ttp']);
    const kb = loadActorKb({ userDir: dir });
    expect(kb.get('actor:iskp')?.lists).toEqual(['builtin', 'sample-un-list']);
    expect(kb.lookup('Shihab Mahajar').map((e) => e.id)).toEqual(['actor:sanaullah-ghafari']);
    expect(kb.lookup('NVB').map((e) => e.id)).toEqual(['list:sample-un-list:xxe-002']);
    expect(kb.lookup('Abu Karim al-Multani')[0]?.lists).toEqual(['sample-un-list']);
    expect(kb.entries.filter((e) => e.name === 'Sanaullah Ghafari')).toHaveLength(1);
  });
  it('imports CSV and keeps the Taliban and the TTP apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
    const s = importActorList(join(FIX, 'sample-watchlist.csv'), { userDir: dir, list: 'watch' });
    expect(s.linked).toEqual([{ ref: 'row3', name: 'Tehreek-e-Taliban Pakistan', to: 'actor:ttp' }]);
    const kb = loadActorKb({ userDir: dir });
    expect(kb.lookup('Taliban').map((e) => e.id)).toEqual(['actor:taliban']);
  });
  it('fails clearly on an empty or missing file', () => {
    expect(() => importActorList(join(FIX, 'nope.xml'))).toThrow(/nope\.xml/);
  });
  it.skipIf(!existsSync(UN_REAL))('links the real UN list by reference and name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
    const s = importActorList(UN_REAL, { userDir: dir });
    expect(s.total).toBeGreaterThan(900);
    const to = new Map(s.linked.map((l) => [l.ref, l.to]));
    expect(to.get('QDe.161')).toBe('actor:iskp');
    expect(to.get('QDe.132')).toBe('actor:ttp');
    expect(to.get('QDi.431')).toBe('actor:sanaullah-ghafari');
    expect(to.get('QDe.115')).toBe('actor:islamic-state');
    const kb = loadActorKb({ userDir: dir });
    expect(kb.lookup('ISI').map((e) => e.id)).toEqual(['actor:isi']);
  });
});
