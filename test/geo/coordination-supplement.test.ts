import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';
import { findToponyms } from '../../src/resolve/geo/index.js';
import { distanceKm } from '../../src/resolve/geo/distance.js';
import { placeNamed, placesNamed } from './helpers.js';
import { resolveSpans } from './resolve-spans.js';

describe('a list carries its first member’s evidence', () => {
  it('finds a small town joined by "and" to a toponym before it', () => {
    const text = 'Militants ambushed a supply convoy between Boni and Hombori in central Mali on Tuesday.';
    expect(placeNamed(text, 'Hombori').geo.countryCode).toBe('ML');
  });

  it('does not take a small town with no list, cue or preposition before it', () => {
    expect(placesNamed('Hombori said on Tuesday that talks would go on.', 'Hombori')).toEqual([]);
  });
});

describe('the gazetteer’s longer name beats a shorter NER mention', () => {
  it('keeps "Maguindanao del Sur" whole when the NER stops at "Maguindanao"', () => {
    const text = 'Troops killed 11 fighters in clashes in Maguindanao del Sur province on Friday.';
    const tokens = tokenize(text);
    const start = text.indexOf('Maguindanao');
    const toponyms = findToponyms(
      {
        text,
        tokens,
        sentences: splitSentences(text, tokens),
        nerMentions: [{ start, end: start + 'Maguindanao'.length, label: 'LOC', score: 0.95 }],
        datelineSpan: null,
      },
      loadGazetteer(),
    );
    expect(toponyms.map((t) => t.surface)).toEqual(['Maguindanao del Sur']);
  });
});

describe('team-written places and names of conflict areas', () => {
  it('reads Hodeidah as the Yemeni port, not a look-alike spelling', () => {
    const r = resolveSpans('Houthi forces fired missiles from Hodeidah, Yemen, at a ship.', [
      'Hodeidah',
      'Yemen',
    ]);
    expect(r.get('Hodeidah')?.geo.countryCode).toBe('YE');
  });

  it('reads Boni in Mali beside the Mopti region, not Bonn', () => {
    const r = resolveSpans('A convoy was ambushed near Boni in the central Mopti region.', ['Boni', 'Mopti']);
    expect(r.get('Boni')?.geo.countryCode).toBe('ML');
  });

  it('finds tehsils and towns of Khyber Pakhtunkhwa, Balochistan, Jammu and Kashmir and North Kivu', () => {
    const cases: [string, string, string][] = [
      ['A blast hit a police van in Jamrud, Khyber district, Pakistan.', 'Jamrud', 'PK'],
      ['Militants attacked a post in Darazinda, Dera Ismail Khan, Pakistan.', 'Darazinda', 'PK'],
      ['A bomb exploded in Kuchlak near Quetta, Pakistan.', 'Kuchlak', 'PK'],
      ['Troops searched houses in Trehgam, Kupwara district, Kashmir.', 'Trehgam', 'IN'],
      ['ADF rebels killed villagers in Oicha, Beni territory, North Kivu.', 'Oicha', 'CD'],
      ['Gunmen killed civilians in Barsalogho, Centre-Nord, Burkina Faso.', 'Barsalogho', 'BF'],
    ];
    for (const [text, surface, cc] of cases) expect(placeNamed(text, surface).geo.countryCode).toBe(cc);
  });

  it('centres Kupwara district on the district, not 50 km south of its town', () => {
    const district = loadGazetteer()
      .candidates('Kupwara')
      .find((p) => p.featureClass === 'admin2' && p.countryCode === 'IN');
    expect(district).toBeDefined();
    if (district) expect(distanceKm(district, { lat: 34.53, lon: 74.25 })).toBeLessThan(40);
  });
});
