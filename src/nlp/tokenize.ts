/**
 * Tokenizer for English news with exact UTF-16 offsets.
 *
 * Conventions (chosen to match CoNLL-2003, which the NER is trained on):
 * - hyphenated words stay one token: "Tehreek-E-Taliban", "Lashkar-e-Taiba", "al-Muhajir", "U.S.-based";
 * - clitics split off: "ISKP’s" → "ISKP" + "’s"; "don't" → "do" + "n't"; names such as "O'Brien" stay whole;
 * - abbreviations and initials keep their period: "U.S.", "Feb.", "Dr.", "J."; a sentence's final period is
 *   its own token;
 * - numbers keep their separators: "10,000", "3.5", "10:30"; currency symbols are their own token ("$", "10");
 * - URLs are one token, without trailing punctuation;
 * - every other symbol is one token, except runs of periods ("...") and hyphens ("--").
 */
import type { Token } from './types.js';
import { isAbbreviation } from './abbreviations.js';

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const URL_TRAIL_RE = /[.,;:!?)\]"'’”»]+$/;

/** True when the UTF-16 unit at `i` is a letter, mark or digit (BMP; astral letters count as symbols). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return WORD_RE.test(text[i] ?? '');
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetter(text: string, i: number): boolean {
  return isWordChar(text, i) && !isDigit(text, i);
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680 ||
    c === 0x85
  );
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x02bc;
}

/** End of the run of word characters starting at `i`. */
function scanWordChars(text: string, i: number): number {
  while (i < text.length && isWordChar(text, i)) i++;
  return i;
}

/** Length of a clitic ("s", "re", "ll", "ve", "d", "m", "t") after an apostrophe at `i`, or 0. */
function cliticAfter(text: string, i: number): number {
  const end = scanWordChars(text, i + 1);
  const tail = text.slice(i + 1, end).toLowerCase();
  return ['s', 're', 'll', 've', 'd', 'm'].includes(tail) ? end - i : 0;
}

/** True when `text[start, i)` is all digits (so a following ",ddd" or ".d" continues the number). */
function isNumberSoFar(text: string, start: number, i: number): boolean {
  for (let k = start; k < i; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || c === 44 || c === 46 || c === 58)) return false;
  }
  return isDigit(text, i - 1);
}

/** Consumes "U.S.", "e.g." style letter-period runs starting at a single letter ending at `i`. */
function scanDottedAbbreviation(text: string, i: number): number {
  let j = i + 1; // past the first period
  while (
    j + 1 < text.length &&
    isLetter(text, j) &&
    text.charCodeAt(j + 1) === 46 &&
    !isWordChar(text, j + 2)
  ) {
    j += 2;
  }
  return j;
}

/** End of the word token that starts at `start`. */
function scanWord(text: string, start: number): number {
  let i = scanWordChars(text, start);
  for (;;) {
    const c = text.charCodeAt(i);
    if (isHyphen(c) && isWordChar(text, i + 1)) {
      i = scanWordChars(text, i + 1);
    } else if ((c === 44 || c === 46 || c === 58) && isDigit(text, i + 1) && isNumberSoFar(text, start, i)) {
      i = scanWordChars(text, i + 1);
    } else if (isApostrophe(c) && isLetter(text, i + 1)) {
      if (cliticAfter(text, i) > 0) return i;
      // "don't" → "do" + "n't": the n belongs to the clitic
      if (i - 1 > start && isNtStart(text, i - 1)) return i - 1;
      i = scanWordChars(text, i + 1);
    } else if (c === 46) {
      return periodBelongs(text, start, i) ? scanPeriodAbbreviation(text, start, i) : i;
    } else {
      return i;
    }
  }
}

/** True when the period at `i` ends an abbreviation or initial rather than a sentence. */
function periodBelongs(text: string, start: number, i: number): boolean {
  if (i - start === 1 && isLetter(text, start)) return true; // initial or "U.S."
  return isAbbreviation(text.slice(start, i)) && !isWordChar(text, i + 1);
}

/** End of an abbreviation token whose period is at `i`; lets "U.S.-based" continue as one token. */
function scanPeriodAbbreviation(text: string, start: number, i: number): number {
  let end = i - start === 1 ? scanDottedAbbreviation(text, i) : i + 1;
  if (isHyphen(text.charCodeAt(end)) && isWordChar(text, end + 1)) end = scanWord(text, end + 1);
  return end;
}

/** End of a URL starting at `i`, or -1 when none starts there. */
function scanUrl(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== 104 && c !== 72 && c !== 119 && c !== 87) return -1;
  const head = text.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.')) return -1;
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  const trail = URL_TRAIL_RE.exec(text.slice(i, j));
  return trail ? j - trail[0].length : j;
}

/** End of a punctuation/symbol token starting at `i`. */
function scanSymbol(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 46 || c === 45) {
    let j = i + 1;
    while (text.charCodeAt(j) === c) j++;
    return j;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return i + 2;
  if (isApostrophe(c)) {
    const len = cliticAfter(text, i);
    if (len > 0 && i > 0 && isWordChar(text, i - 1)) return i + len;
  }
  return i + 1;
}

/** Splits text into tokens with exact offsets: `text.slice(t.start, t.end) === t.text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = isNtStart(text, i) ? i + 3 : scanUrl(text, i);
    if (end < 0) end = isWordChar(text, i) ? scanWord(text, i) : scanSymbol(text, i);
    tokens.push({ start: i, end, text: text.slice(i, end) });
    i = end;
  }
  return tokens;
}

/** True when "n't" starts at `i` and is followed by a non-word character. */
function isNtStart(text: string, i: number): boolean {
  return (
    (text[i] === 'n' || text[i] === 'N') &&
    isApostrophe(text.charCodeAt(i + 1)) &&
    (text[i + 2] === 't' || text[i + 2] === 'T') &&
    !isWordChar(text, i + 3)
  );
}
