import { describe, expect, it } from 'vitest';
import { createGazetteer, loadGazetteer, normalizeName } from '../../src/kb/gazetteer/index.js';
import { findToponyms } from '../../src/resolve/geo/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';

describe('gazetteer', () => {
  it('loads in under a second and stays small in memory', () => {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const gaz = loadGazetteer();
    const ms = performance.now() - t0;
    expect(gaz.size).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(1000);
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(300);
  });

  it('finds former and alternative names', () => {
    const gaz = loadGazetteer();
    for (const alias of ['NWFP', 'KPK', 'North-West Frontier Province']) {
      expect(gaz.candidates(alias).map((p) => p.name)).toContain('Khyber Pakhtunkhwa');
    }
    expect(gaz.candidates('Baluchistan')[0]).toMatchObject({
      name: 'Balochistan',
      countryCode: 'PK',
      featureClass: 'admin1',
    });
    expect(gaz.candidates('Bombay').some((p) => p.name === 'Mumbai')).toBe(true);
    expect(gaz.candidates('the tribal areas')[0]).toMatchObject({
      featureClass: 'region',
      countryCode: 'PK',
    });
  });

  it('gets a place back by id with its admin hierarchy', () => {
    const gaz = loadGazetteer();
    const sw = gaz.get('geonames:1164536');
    expect(sw).toMatchObject({
      countryCode: 'PK',
      admin1: 'Khyber Pakhtunkhwa',
      featureClass: 'admin2',
      geonamesId: 1164536,
    });
    expect(gaz.get('sitrep-geo:sahel')?.featureClass).toBe('region');
    expect(gaz.get('nope:1')).toBeUndefined();
  });

  it('maps demonyms to countries only through matches()', () => {
    const gaz = loadGazetteer();
    expect(gaz.candidates('Afghan')).toHaveLength(0);
    expect(gaz.matches('Afghan')[0]).toMatchObject({ kind: 'demonym', place: { countryCode: 'AF' } });
  });

  it('normalises case, diacritics, periods and a leading "the"', () => {
    expect(normalizeName('U.S.')).toBe('us');
    expect(normalizeName('the Sahel')).toBe('sahel');
    expect(normalizeName('Wazīristān')).toBe('waziristan');
  });

  it('works over a miniature index', () => {
    const gaz = createGazetteer('g1\tAlpha\t1\t2\tXX\t\t\tP\tPPL\t10\n', 'alpha\t0\n');
    expect(gaz.candidates('ALPHA')[0]).toMatchObject({
      id: 'geonames:1',
      lat: 1,
      lon: 2,
      featureClass: 'city',
    });
  });

  it("gives provinces Natural Earth's names when they are GeoNames' in another transliteration", () => {
    const gaz = loadGazetteer();
    // GeoNames spells the Afghan province "Vardak" and the Yemeni one "Hadramawt"; news writes
    // "Wardak" and "Hadhramaut", as Natural Earth does.
    for (const [name, cc] of [
      ['Wardak', 'AF'],
      ['Hadhramaut', 'YE'],
    ] as const) {
      const provinces = gaz.candidates(name).filter((p) => p.featureClass === 'admin1');
      expect(provinces.map((p) => p.countryCode)).toContain(cc);
    }
  });
});

describe('toponym recognition', () => {
  const find = (text: string): string[] => {
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    return findToponyms(
      { text, tokens, sentences, nerMentions: [], datelineSpan: null },
      loadGazetteer(),
    ).map((t) => t.surface);
  };

  it('keeps demonyms as adjectives', () => {
    expect(find('Afghan forces clashed with Pakistani troops.')).toEqual([]);
  });

  it('skips a dateline given as context', () => {
    const text = 'NEW DELHI: Officials in Kabul said.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    const found = findToponyms(
      { text, tokens, sentences, nerMentions: [], datelineSpan: { start: 0, end: 10 } },
      loadGazetteer(),
    );
    expect(found.map((t) => t.surface)).toEqual(['Kabul']);
  });

  it('finds names with cue words and multiword names', () => {
    expect(find('Clashes in the Swat district and in Khyber Pakhtunkhwa.')).toEqual([
      'Swat',
      'Khyber Pakhtunkhwa',
    ]);
  });

  it('takes NER locations as input', () => {
    const text = 'They met in Xqzland yesterday.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    const found = findToponyms(
      {
        text,
        tokens,
        sentences,
        nerMentions: [{ start: 12, end: 19, label: 'LOC', score: 0.9 }],
        datelineSpan: null,
      },
      loadGazetteer(),
    );
    expect(found).toMatchObject([{ surface: 'Xqzland', source: 'ner' }]);
  });

  it('keeps a weak NER location the gazetteer has as a province under another spelling', () => {
    const text = 'Drones struck in Shabwa and in Qorvelabad on Sunday.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    const weak = (surface: string) => {
      const start = text.indexOf(surface);
      return { start, end: start + surface.length, label: 'LOC' as const, score: 0 };
    };
    const found = findToponyms(
      { text, tokens, sentences, nerMentions: [weak('Shabwa'), weak('Qorvelabad')], datelineSpan: null },
      loadGazetteer(),
    );
    expect(found.map((t) => t.surface)).toEqual(['Shabwa']);
  });

  it('keeps a weak NER location whole when it runs on from a known town through "da"', () => {
    const text = 'Insurgents fought in Mocímboa da Praia in August.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    const start = text.indexOf('Mocímboa');
    const found = findToponyms(
      {
        text,
        tokens,
        sentences,
        nerMentions: [{ start, end: start + 'Mocímboa da Praia'.length, label: 'LOC', score: 0 }],
        datelineSpan: null,
      },
      loadGazetteer(),
    );
    expect(found.map((t) => t.surface)).toEqual(['Mocímboa da Praia']);
  });
});
