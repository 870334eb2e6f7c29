import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/index.js';
import { rng } from '../../src/nlp/ner/hash.js';

/** Rebuilds the text from tokens and the gaps between them; gaps must be whitespace only. */
function rebuild(text: string): string {
  const tokens = tokenize(text);
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(pos);
    expect(t.end).toBeGreaterThan(t.start);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    const gap = text.slice(pos, t.start);
    expect(gap.trim()).toBe('');
    out += gap + t.text;
    pos = t.end;
  }
  return out + text.slice(pos);
}

const texts = (text: string): string[] => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('rebuilds random strings from tokens and gaps', () => {
    const alphabet = 'aZ9 .,-’\'"“”$%\n\t()—:/ñé漢😀U.S.al-';
    const random = rng(7);
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = Math.floor(random() * 60);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(random() * alphabet.length)] ?? '';
      expect(rebuild(s)).toBe(s);
    }
  });

  it('rebuilds news-like text', () => {
    const news = [
      'PESHAWAR, Pakistan (AP) — Gunmen killed 12 people on Feb. 3, officials said.',
      'NEW DELHI: The Islamic State Khorasan Province (ISKP)’s leader, Dr. Shahab al-Muhajir, fled.',
      'U.S.-based officials offered $10 million (https://rewards.gov/iskp). “It’s over,” he said.\n\nNext paragraph...',
    ];
    for (const s of news) expect(rebuild(s)).toBe(s);
  });

  it('follows news conventions', () => {
    expect(texts('NEW DELHI: The')).toEqual(['NEW', 'DELHI', ':', 'The']);
    expect(texts('PESHAWAR, Pakistan (AP) —')).toEqual(['PESHAWAR', ',', 'Pakistan', '(', 'AP', ')', '—']);
    expect(texts('Dr. J. Smith of the U.S. on Feb. 3')).toEqual([
      'Dr.',
      'J.',
      'Smith',
      'of',
      'the',
      'U.S.',
      'on',
      'Feb.',
      '3',
    ]);
    expect(texts('Tehreek-E-Taliban and Lashkar-e-Taiba')).toEqual([
      'Tehreek-E-Taliban',
      'and',
      'Lashkar-e-Taiba',
    ]);
    expect(texts('ISKP’s al-Muhajir')).toEqual(['ISKP', '’s', 'al-Muhajir']);
    expect(texts("don't O'Brien")).toEqual(['do', "n't", "O'Brien"]);
    expect(texts('$10 million, 10,000.5 and 3.5%')).toEqual([
      '$',
      '10',
      'million',
      ',',
      '10,000.5',
      'and',
      '3.5',
      '%',
    ]);
    expect(texts('see https://example.com/a?b=1.')).toEqual(['see', 'https://example.com/a?b=1', '.']);
    expect(texts('It ended.')).toEqual(['It', 'ended', '.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});
