/**
 * Quantities in news text: digits ("130", "1,200"), number words ("three", "twenty-one"), vague
 * amounts ("dozens", "several", "a handful") and the qualifiers that bound them ("at least 12" →
 * min 12; "more than three" → min 4; "up to 40" → max 40), with the noun they count.
 */
import type { Token } from '../types.js';
import { MULTIPLIERS, TENS, UNITS, VAGUE, wordsToNumber } from './number-words.js';

/** A quantity: its span, its bounds and the noun it counts. */
export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly min: number | null;
  readonly max: number | null;
  /** The noun it counts ("people" in "130 people"), lower-cased; absent when none follows. */
  readonly head?: string;
  /** The counted noun phrase as written ("TTP functionaries"), when there is one. */
  readonly phrase?: string;
  /** Offsets of `phrase`. */
  readonly phraseStart?: number;
  readonly phraseEnd?: number;
}

const alt = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
const WORD_NUM = `(?:${alt(Object.keys(TENS))})(?:[- ](?:${alt(Object.keys(UNITS).filter((w) => UNITS[w]! < 10 && UNITS[w]! > 0))}))?|${alt(Object.keys(UNITS))}`;
const WORD_NUMBER = `(?:${WORD_NUM})(?: (?:${alt(Object.keys(MULTIPLIERS))})(?: and (?:${WORD_NUM}))?)?`;
const DIGITS = '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?';
const VAGUE_WORDS = alt(Object.keys(VAGUE));
const QUALIFIER =
  'at least|no fewer than|no less than|not less than|more than|over|upwards of|in excess of|up to|as many as|at most|no more than|fewer than|less than|nearly|almost|close to|about|around|some|roughly|approximately|an estimated|as few as|just over|just under|well over';
const QUANTITY_RE = new RegExp(
  `\\b(?:(${QUALIFIER}) )?(?:(${DIGITS})(?: (million|billion|thousand|hundred))?|(${VAGUE_WORDS})|(${WORD_NUMBER})|(a|an|one) (dozen|hundred|thousand|handful|few|couple|number))\\b(?:(\\+| or more|-plus))?`,
  'gi',
);
/** "between 10 and 15": the second number closes a range opened by the first. */
const BETWEEN = /\band\s+$/i;
const STOP = new Set(
  `of in on at and or were was are is had have has been be being who whom which that to from by with as for the a an
their its his her our than but while when after before during including among said says say told
killed dead died die wounded injured hurt killing wounding injuring lost perished missing abducted kidnapped
arrested detained more less other others' per over under near also even whose into onto inside outside across
were there here then now still overnight yesterday today tonight earlier later recently`.split(/\s+/),
);
/** A lower-case participle ("working", "buried"); "-ing"/"-ed" words before the noun are modifiers. */
const PARTICIPLE = /^[a-z]{2,}(?:ing|ed)$/;
/** A plural noun the phrase may end on ("farmers", "people"), unlike a modifier ("heavily armed"). */
const PLURAL_HEAD = /^(?:[a-z]+[^s\W]s|people|men|women|children|police|personnel|staff|youth|cattle)$/;
/** Units and clock words, matched as whole words ("am" must not catch "American"). */
const NOT_COUNTABLE =
  /^(?:a\.?m\.?|p\.?m\.?|pm|am|percent|per|%|km|kilomet\w*|kilograms?|kg|miles?|metres?|meters?|hours?|minutes?|seconds?|days?|weeks?|months?|years?|o'clock|times|mm)(?![\p{L}\d])/iu;

function bounds(qualifier: string, value: number, plus: boolean): [number | null, number | null] {
  const q = qualifier.toLowerCase();
  if (plus || /^(at least|no fewer|no less|not less)/.test(q)) return [value, null];
  if (/^(more than|over|upwards|in excess|just over|well over)/.test(q)) return [Math.floor(value) + 1, null];
  if (/^(up to|as many as|at most|no more than)/.test(q)) return [null, value];
  if (/^(fewer than|less than|just under)/.test(q)) return [null, Math.ceil(value) - 1];
  if (/^(nearly|almost|close to)/.test(q)) return [null, value];
  return [value, value];
}

function vagueBounds(word: string, qualifier: string): [number | null, number | null] {
  const [lo, hi] = VAGUE[word.toLowerCase()] ?? [null, null];
  if (/^(more than|over|upwards|in excess)/i.test(qualifier) && lo !== null)
    return [hi ?? lo, null].map((v, i) => (i === 0 && v !== null ? v + (hi === lo ? 1 : 0) : v)) as [
      number | null,
      number | null,
    ];
  return [lo, hi];
}

/** The value of the matched number; NaN for vague words. */
function valueOf(m: RegExpExecArray): number {
  if (m[2]) return Number(m[2].replace(/,/g, '')) * (m[3] ? (MULTIPLIERS[m[3].toLowerCase()] ?? 1) : 1);
  if (m[5]) return wordsToNumber(m[5]);
  if (m[6] && m[7] && m[7].toLowerCase() in MULTIPLIERS) return MULTIPLIERS[m[7].toLowerCase()] ?? NaN;
  return NaN;
}

const WORD_AFTER = /(?:\s+(?:of\s+(?:the\s+|them\s*|those\s+|whom\s*)?)?)?/y;
const NP_WORD = /\s*([\p{L}][\p{L}\p{M}.'’-]*)/uy;

/** The counted noun phrase after a number: up to four words before a function word or verb. */
function countedPhrase(
  text: string,
  from: number,
): { phrase: string; head: string; start: number; end: number } | null {
  WORD_AFTER.lastIndex = from;
  let pos = from + (WORD_AFTER.exec(text)?.[0].length ?? 0);
  let start = -1;
  let end = -1;
  let head = '';
  for (let n = 0; n < 4; n++) {
    NP_WORD.lastIndex = pos;
    const m = NP_WORD.exec(text);
    if (!m || !m[1]) break;
    const word = m[1].replace(/[.'’]+$/, '');
    if (STOP.has(word.toLowerCase()) && !(n === 0 && /^(wounded|injured|dead|others)$/i.test(word))) break;
    // "farmers working in fields", "people buried under debris": a participle after the noun
    // starts what is told of them, not the noun phrase.
    if (n > 0 && PARTICIPLE.test(word) && PLURAL_HEAD.test(head)) break;
    const wStart = pos + m[0].length - m[1].length;
    if (start < 0) start = wStart;
    end = wStart + word.length;
    head = word.toLowerCase();
    pos = end;
    if (/^(wounded|injured|dead|others)$/i.test(word)) break;
  }
  if (start < 0) return null;
  return { phrase: text.slice(start, end), head, start, end };
}

/** A quantity with the noun phrase it counts (fields written out: an object spread is slow on this path). */
function withPhrase(q: Quantity, np: { phrase: string; head: string; start: number; end: number }): Quantity {
  return {
    start: q.start,
    end: q.end,
    text: q.text,
    min: q.min,
    max: q.max,
    head: np.head,
    phrase: np.phrase,
    phraseStart: np.start,
    phraseEnd: np.end,
  };
}

/** Finds the quantities of a text. Years (1900–2099 written without a comma) are left out. */
export function findQuantities(text: string, tokens: readonly Token[]): Quantity[] {
  void tokens;
  const out: Quantity[] = [];
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m; m = QUANTITY_RE.exec(text)) {
    const qualifier = m[1] ?? '';
    if (m[2] && /^(19|20)\d\d$/.test(m[2]) && !m[3]) continue;
    if (
      m[2] &&
      (/[\d.,]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) ||
        /^(?:[:/.]\d|[a-z])/i.test(text.slice(m.index + m[0].length)))
    )
      continue;
    if (qualifier.toLowerCase() === 'some' && !m[2] && !m[5]) continue;
    if (
      /\b(?:no|not a single)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index)) &&
      /^one$/i.test(m[0])
    )
      continue;
    const between = BETWEEN.exec(text.slice(Math.max(0, m.index - 8), m.index));
    const prevQ = out[out.length - 1];
    if (
      between &&
      prevQ &&
      /\bbetween\s+$/i.test(text.slice(Math.max(0, prevQ.start - 9), prevQ.start)) &&
      out.length &&
      /^\s*and\s*$/i.test(text.slice(out[out.length - 1]!.end, m.index))
    ) {
      const first = out.pop() as Quantity;
      const value2 = valueOf(m);
      const np2 = countedPhrase(text, m.index + m[0].length);
      const q2: Quantity = {
        start: first.start,
        end: m.index + m[0].length,
        text: text.slice(first.start, m.index + m[0].length),
        min: first.min,
        max: Number.isNaN(value2) ? null : value2,
      };
      out.push(np2 ? withPhrase(q2, np2) : q2);
      continue;
    }
    const value = valueOf(m);
    const vague = m[4] ?? (m[6] && m[7] && !(m[7].toLowerCase() in MULTIPLIERS) ? `a ${m[7]}` : null);
    const [min, max] = Number.isNaN(value)
      ? vagueBounds(vague ?? '', qualifier)
      : bounds(qualifier, value, Boolean(m[8]));
    if (min === null && max === null) continue;
    const np = countedPhrase(text, m.index + m[0].length);
    if (np && NOT_COUNTABLE.test(np.phrase)) continue;
    if (
      /^[$€£]|(?:USD|Rs\.?)\s?$/.test(
        text
          .slice(Math.max(0, m.index - 4), m.index)
          .trim()
          .slice(-4),
      ) &&
      !qualifier
    )
      continue;
    const q: Quantity = { start: m.index, end: m.index + m[0].length, text: m[0], min, max };
    out.push(np ? withPhrase(q, np) : q);
  }
  return out;
}
