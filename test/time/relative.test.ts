import { describe, expect, it } from 'vitest';
import { findRelativeShifts, shiftRange } from '../../src/nlp/time/index.js';

const shifts = (text: string) => findRelativeShifts(text).map((s) => [s.text, s.days, s.governs]);

describe('findRelativeShifts', () => {
  it.each([
    ['Two days after the ambush, the army struck back.', 'Two days after', 2, true],
    ['It came a day after a soldier was shot dead.', 'a day after', 1, true],
    ['A week before the vote, gunmen attacked.', 'A week before', -7, true],
    ['The next day the army killed two of them.', 'The next day', 1, false],
    ['The following morning, troops arrived.', 'The following morning', 1, false],
    ['Three days later, the toll rose.', 'Three days later', 3, false],
    ['He had been abducted two days earlier.', 'two days earlier', -2, false],
    ['It was attacked the previous day.', 'the previous day', -1, false],
    ['Police arrived the day after.', 'the day after', 1, false],
  ])('%s', (text, surface, days, governs) => {
    expect(shifts(text)).toEqual([[surface, days, governs]]);
  });

  it('finds nothing in plain dates and durations', () => {
    expect(shifts('On Monday, fighting lasted two days in the town.')).toEqual([]);
  });
});

describe('shiftRange', () => {
  it('moves both bounds and keeps the precision', () => {
    const r = shiftRange(
      { start: '2025-02-28', end: '2025-02-28', precision: 'day', text: 'x' },
      2,
      'two days after',
    );
    expect(r).toEqual({ start: '2025-03-02', end: '2025-03-02', precision: 'day', text: 'two days after' });
  });

  it('gives null for an undated range', () => {
    expect(shiftRange({ start: null, end: null, precision: 'unknown', text: null }, 1, 'x')).toBeNull();
  });
});
