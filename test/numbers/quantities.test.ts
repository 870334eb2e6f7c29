import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/nlp/numbers/index.js';

const one = (text: string) => findQuantities(text, [])[0];

const TABLE: [string, string, number | null, number | null, string | undefined][] = [
  ['130 people were killed', '130', 130, 130, 'people'],
  ['three separate attacks', 'three', 3, 3, 'attacks'],
  ['twenty-one soldiers died', 'twenty-one', 21, 21, 'soldiers'],
  ['1,200 troops were sent', '1,200', 1200, 1200, 'troops'],
  ['at least 12 people were killed', 'at least 12', 12, null, 'people'],
  ['more than three TTP functionaries', 'more than three', 4, null, 'functionaries'],
  ['up to 40 civilians', 'up to 40', null, 40, 'civilians'],
  ['dozens of wounded', 'dozens', 24, null, 'wounded'],
  ['scores of villagers', 'scores', 40, null, 'villagers'],
  ['hundreds of residents', 'hundreds', 200, null, 'residents'],
  ['several individuals', 'several', 2, null, 'individuals'],
  ['a handful of fighters', 'a handful', 2, 5, 'fighters'],
  ['a dozen attackers', 'a dozen', 12, 12, 'attackers'],
  ['More than a dozen attacks', 'More than a dozen', 13, null, 'attacks'],
  ['two hundred and five people', 'two hundred and five', 205, 205, 'people'],
  ['about 50 hurt', 'about 50', 50, 50, undefined],
  ['22 others hurt', '22', 22, 22, 'others'],
  ['fewer than 10 people', 'fewer than 10', null, 9, 'people'],
  ['nearly 30 soldiers', 'nearly 30', null, 30, 'soldiers'],
  ['five or more protesters', 'five or more', 5, null, 'protesters'],
  // unit words are whole words: "am" (the clock) must not swallow "American"
  ['four American soldiers', 'four', 4, 4, 'soldiers'],
  ['two Amharic-speaking traders', 'two', 2, 2, 'traders'],
];

describe('findQuantities', () => {
  it.each(TABLE)('%s', (text, surface, min, max, head) => {
    const q = one(text);
    expect(q).toMatchObject({ text: surface, min, max });
    expect(q?.head).toBe(head);
    expect(text.slice(q!.start, q!.end)).toBe(surface);
  });

  it('reads lists: "killing six and wounding 12"', () => {
    expect(findQuantities('killing six and wounding 12', []).map((q) => [q.min, q.max])).toEqual([
      [6, 6],
      [12, 12],
    ]);
  });

  it('leaves out years, clock times, money and measures', () => {
    for (const text of [
      'In 2016 the accord',
      'at about 5 a.m. at',
      'at 6.30pm',
      '$10 million for',
      'over 100 kilograms',
      '50 kilometres north',
    ])
      expect(findQuantities(text, [])).toEqual([]);
  });

  it('keeps the counted phrase with its offsets', () => {
    const text = 'more than three TTP functionaries have been killed';
    const q = one(text)!;
    expect(q.phrase).toBe('TTP functionaries');
    expect(text.slice(q.phraseStart, q.phraseEnd)).toBe('TTP functionaries');
  });

  it('ends the phrase before a participle or adverb told of the noun, not inside its modifiers', () => {
    expect(one('killing two farmers working in their fields')?.phrase).toBe('farmers');
    expect(one('five people buried under the rubble')?.phrase).toBe('people');
    expect(one('12 protesters lying on the road')?.phrase).toBe('protesters');
    expect(one('three soldiers also died')?.phrase).toBe('soldiers');
    expect(one('two militants near the border')?.phrase).toBe('militants');
    expect(one('four heavily armed men stormed the post')?.phrase).toBe('heavily armed men');
    expect(one('three newly recruited soldiers')?.phrase).toBe('newly recruited soldiers');
    expect(one('killed four soldiers overnight')?.phrase).toBe('soldiers');
    expect(one('two civilians yesterday')?.phrase).toBe('civilians');
  });
});
