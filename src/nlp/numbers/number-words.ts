/** Number words and vague quantity words as news uses them, with the bounds each one implies. */

export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** Vague quantities: lower and upper bounds (null: open). "several" is taken as at least two. */
export const VAGUE: Readonly<Record<string, readonly [number | null, number | null]>> = {
  'a dozen': [12, 12],
  dozen: [12, 12],
  dozens: [24, null],
  scores: [40, null],
  hundreds: [200, null],
  thousands: [2000, null],
  'tens of thousands': [20000, null],
  'hundreds of thousands': [200000, null],
  several: [2, null],
  'a handful': [2, 5],
  'a few': [2, 5],
  'a couple': [2, 2],
  'several dozen': [24, null],
  'several hundred': [200, null],
  'several thousand': [2000, null],
  'a number': [2, null],
  numerous: [2, null],
  multiple: [2, null],
};

/** Value of a spelled-out number ("twenty-one", "two hundred"); NaN when not one. */
export function wordsToNumber(words: string): number {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === 'a') continue;
    if (w in UNITS) current += UNITS[w] ?? 0;
    else if (w in TENS) current += TENS[w] ?? 0;
    else if (w in MULTIPLIERS) {
      const mult = MULTIPLIERS[w] ?? 1;
      current = (current || 1) * mult;
      if (mult >= 1000) {
        total += current;
        current = 0;
      }
    } else return NaN;
    seen = true;
  }
  return seen ? total + current : NaN;
}
