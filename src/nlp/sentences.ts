/**
 * Sentence splitter over tokens. A sentence ends at a line break (paragraphs, headlines,
 * datelines on their own line), after ".", "!", "?" or "..." (taking any closing quotes and
 * brackets with it), and after an abbreviation such as "U.S." only when a clear sentence
 * opener follows. Titles ("Dr.") and initials ("J.") never end a sentence.
 */
import type { Sentence, Token } from './types.js';
import { SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from './abbreviations.js';

const TERMINATORS = new Set(['.', '!', '?', '...', '…', '?!', '!?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '}']);

/** True when the gap between two tokens holds a line break. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** True when a token ending in a period is an abbreviation after which a new sentence starts. */
function abbreviationEndsSentence(token: Token, next: Token | undefined): boolean {
  const word = token.text.slice(0, -1);
  if (word.length === 1 || TITLE_ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (!next) return true;
  return /^\p{Lu}/u.test(next.text) && SENTENCE_OPENERS.has(next.text.toLowerCase());
}

/** True when a sentence may end right after token `i` (before closers are absorbed). */
function endsSentence(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (TERMINATORS.has(token.text)) return true;
  return token.text.length > 1 && token.text.endsWith('.') && abbreviationEndsSentence(token, tokens[i + 1]);
}

/** Splits tokenized text into sentences; every token belongs to exactly one sentence. */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    let last = i;
    if (endsSentence(tokens, i)) {
      while (
        last + 1 < tokens.length &&
        CLOSERS.has(tokens[last + 1]?.text ?? '') &&
        tokens[last + 1]?.start === tokens[last]?.end
      )
        last++;
    }
    const next = tokens[last + 1];
    const cur = tokens[last];
    const breakHere = !next || !cur || endsSentence(tokens, i) || hasLineBreak(text, cur.end, next.start);
    if (breakHere) {
      const start = tokens[first]?.start ?? 0;
      sentences.push({ start, end: cur?.end ?? start, firstToken: first, endToken: last + 1 });
      first = last + 1;
    }
    i = last;
  }
  return sentences;
}
