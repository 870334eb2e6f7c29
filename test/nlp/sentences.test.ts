import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../src/nlp/index.js';

const split = (text: string): string[] => {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  // every token belongs to exactly one sentence, in order
  let next = 0;
  for (const s of sentences) {
    expect(s.firstToken).toBe(next);
    next = s.endToken;
  }
  expect(next).toBe(tokens.length);
  return sentences.map((s) => text.slice(s.start, s.end));
};

describe('splitSentences', () => {
  it('splits on terminators and keeps closing quotes', () => {
    expect(split('He left. "It is over." Next!')).toEqual(['He left.', '"It is over."', 'Next!']);
  });

  it('splits on line breaks (paragraphs, datelines)', () => {
    expect(split('Headline Without Period\nNEW DELHI: Body text here')).toEqual([
      'Headline Without Period',
      'NEW DELHI: Body text here',
    ]);
  });

  it('does not split after titles, initials or abbreviations mid-sentence', () => {
    expect(split('Dr. J. Smith met Gen. Khan on Feb. 3 in the U.S. Army base.')).toHaveLength(1);
    expect(split('Mr. Khan arrived.')).toHaveLength(1);
  });

  it('splits after an abbreviation when a sentence opener follows', () => {
    expect(split('He flew to the U.S. The talks ended.')).toEqual([
      'He flew to the U.S.',
      'The talks ended.',
    ]);
  });

  it('handles empty input', () => {
    expect(splitSentences('', [])).toEqual([]);
  });
});
