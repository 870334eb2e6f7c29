import { describe, expect, it } from 'vitest';
import { foldDiacritics, givenNames, kbNames, phraseKey, placeNames } from '../../src/nlp/ner/name-lists.js';

describe('NER name lists', () => {
  it('tokenises phrases as the recogniser sees them', () => {
    expect(phraseKey("Pakistan's Taliban")).toBe("Pakistan 's Taliban");
    expect(phraseKey('Tehreek-e-Taliban Pakistan')).toBe('Tehreek-e-Taliban Pakistan');
  });

  it('takes KB names, aliases and acronyms, with a capitalised form of "al-" names', () => {
    const { org, per } = kbNames([
      { type: 'group', name: 'al-Qaeda', aliases: ['the base'], acronyms: ['AQ', 'Q'] },
      { type: 'person', name: 'Abubakar Shekau' },
      { type: 'place', name: 'Kabul' },
    ]);
    expect(org).toEqual(['AQ', 'Al-Qaeda', 'al-Qaeda']);
    expect(per).toEqual(['Abubakar Shekau']);
  });

  it('keeps admin areas of any size and towns above the population floor, with ASCII forms', () => {
    const tsv = [
      'g1\tMopti\t14.6\t-3.9\tML\t\t\t1\tADM1\t0',
      'g2\tTinytown\t0\t0\tML\t\t\tP\tPPL\t200',
      'g4\tBourem\t0\t0\tML\t\t\tP\tPPLA2\t0',
      'g3\tSégou\t13.4\t-6.2\tML\t\t\tP\tPPLA\t130000',
    ].join('\n');
    expect(placeNames(tsv, 5000)).toEqual(['Bourem', 'Mopti', 'Segou', 'Ségou']);
    expect(foldDiacritics('Goïta')).toBe('Goita');
  });

  it('harvests given names from multi-word person names', () => {
    const doc = {
      words: ['Ahmed', 'Khan', 'met', 'Ahmed', 'Shah', '.'],
      tags: ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O'],
      sentences: [[0, 6]] as [number, number][],
    };
    expect(givenNames([doc], ['Sirajuddin Haqqani'], 2)).toEqual(['Ahmed', 'Sirajuddin']);
  });
});
