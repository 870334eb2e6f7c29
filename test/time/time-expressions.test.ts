import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../src/nlp/index.js';
import { findTimeExpressions } from '../../src/nlp/time/index.js';

function resolve(
  text: string,
  published: string | null,
): { text: string; start: string | null; end: string | null; precision: string }[] {
  const tokens = tokenize(text);
  return findTimeExpressions(text, splitSentences(text, tokens), published).map((t) => ({
    text: t.text,
    start: t.range.start,
    end: t.range.end,
    precision: t.range.precision,
  }));
}

// published 2024-11-10 is a Sunday
const CASES: [string, string, string | null, string | null, string][] = [
  ['In this month alone, three attacks', 'this month alone', '2024-11-01', '2024-11-30', 'month'],
  ['It happened this month.', 'this month', '2024-11-01', '2024-11-30', 'month'],
  // Earlier this month: only the days up to publication.
  ['It happened earlier this month.', 'earlier this month', '2024-11-01', '2024-11-10', 'range'],
  ['So far this year, 40 attacks.', 'So far this year', '2024-01-01', '2024-11-10', 'range'],
  ['Late last month, troops arrived.', 'Late last month', '2024-10-21', '2024-10-31', 'range'],
  ['In early this month fighting rose.', 'early this month', '2024-11-01', '2024-11-10', 'range'],
  ['Gunmen struck two days ago.', 'two days ago', '2024-11-08', '2024-11-08', 'day'],
  ['The raid on the 5th killed four.', 'the 5th', '2024-11-05', '2024-11-05', 'day'],
  // A day still to come this month falls in the month before.
  ['The convoy was hit on the 28th, officials said.', 'the 28th', '2024-10-28', '2024-10-28', 'day'],
  ['It happened last year.', 'last year', '2023-01-01', '2023-12-31', 'year'],
  ['It happened a few years ago.', 'a few years ago', '2020-05-12', '2023-05-13', 'range'],
  ['killed in the past few months by', 'the past few months', '2024-08-10', '2024-11-10', 'range'],
  ['The blast on Monday killed two.', 'Monday', '2024-11-04', '2024-11-04', 'day'],
  ['The blast on Sunday killed two.', 'Sunday', '2024-11-10', '2024-11-10', 'day'],
  ['The raid on Sunday night killed two.', 'Sunday night', '2024-11-10', '2024-11-10', 'day'],
  ['Fighting in early March was heavy.', 'early March', '2024-03-01', '2024-03-10', 'range'],
  ['Fighting in late November was heavy.', 'late November', '2024-11-21', '2024-11-30', 'range'],
  [
    'Shelling on the night of 3-4 May killed five.',
    'the night of 3-4 May',
    '2024-05-03',
    '2024-05-04',
    'range',
  ],
  ['Protests began last week.', 'last week', '2024-10-28', '2024-11-03', 'range'],
  ['The attack in March 2024 killed 130.', 'March 2024', '2024-03-01', '2024-03-31', 'month'],
  ['Two were hurt earlier this week.', 'earlier this week', '2024-11-04', '2024-11-10', 'range'],
  ['Two were hurt yesterday.', 'yesterday', '2024-11-09', '2024-11-09', 'day'],
  ['In the early hours of July 15, 2024, ten militants', 'July 15, 2024', '2024-07-15', '2024-07-15', 'day'],
  ['On November 4, nine fighters attacked', 'November 4', '2024-11-04', '2024-11-04', 'day'],
  ['On 26 May, fighters overran a base.', '26 May', '2024-05-26', '2024-05-26', 'day'],
  ['The group was founded in 2014.', '2014', '2014-01-01', '2014-12-31', 'year'],
  ['It moved in the late 1990s.', 'the late 1990s', '1996-01-01', '1999-12-31', 'range'],
  ['It pledged itself in mid-2019.', 'mid-2019', '2019-05-01', '2019-08-31', 'range'],
  [
    'Troops struck overnight from Monday into Tuesday.',
    'overnight from Monday into Tuesday',
    '2024-11-04',
    '2024-11-05',
    'range',
  ],
  ['Last month, a drone strike', 'Last month', '2024-10-01', '2024-10-31', 'month'],
  ['Three weeks ago the town fell.', 'Three weeks ago', '2024-10-19', '2024-10-21', 'range'],
  ['Since January, 300 people have died.', 'Since January', '2024-01-01', '2024-11-10', 'range'],
];

describe('findTimeExpressions against publication 2024-11-10', () => {
  it.each(CASES)('%s → %s', (text, surface, start, end, precision) => {
    const got = resolve(text, '2024-11-10').find((t) => t.text === surface);
    expect(got).toEqual({ text: surface, start, end, precision });
  });

  it('a weekday that is the publication day is that day, not a week earlier', () => {
    expect(resolve('Police fired on Tuesday.', '2024-06-25')[0]).toMatchObject({ start: '2024-06-25' });
  });

  it('"last Thursday" before a Tuesday paper is the Thursday of the week before', () => {
    expect(resolve('Last Thursday, a man was shot.', '2024-06-25')[0]).toMatchObject({
      start: '2024-06-20',
      precision: 'day',
    });
  });

  it('ordinals that name units, floors or anniversaries are not dates', () => {
    for (const text of [
      'Shells landed on the 5th Brigade.',
      'A fire broke out on the 3rd floor.',
      'Crowds gathered on the 10th anniversary.',
    ])
      expect(resolve(text, '2024-11-10').filter((t) => /\d(?:st|nd|rd|th)/.test(t.text))).toEqual([]);
  });

  it('a day-month date without year falls in the latest year not after publication', () => {
    expect(resolve('On December 20 gunmen attacked.', '2025-01-05')[0]).toMatchObject({
      start: '2024-12-20',
    });
  });
});

describe('findTimeExpressions without a publication date', () => {
  it('relative expressions stay unknown, never today', () => {
    for (const text of [
      'It happened this month.',
      'It happened last year.',
      'The blast on Monday killed two.',
      'Two were hurt yesterday.',
      'It happened a few years ago.',
    ]) {
      const got = resolve(text, null);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ start: null, end: null, precision: 'unknown' });
    }
  });

  it('explicit dates with a year are still resolved', () => {
    expect(resolve('The attack in March 2024 killed 130.', null)[0]).toMatchObject({
      start: '2024-03-01',
      precision: 'month',
    });
    expect(resolve('On July 15, 2024, ten militants attacked.', null)[0]).toMatchObject({
      start: '2024-07-15',
      precision: 'day',
    });
  });

  it('spans are exact', () => {
    const text = 'On Monday, and again in early March 2023 and on 3 May, fighters attacked.';
    const tokens = tokenize(text);
    for (const t of findTimeExpressions(text, splitSentences(text, tokens), '2024-11-10'))
      expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
