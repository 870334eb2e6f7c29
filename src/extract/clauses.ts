/**
 * Clauses: a sentence cut where news joins separate facts — semicolons, ", while", ", whereas",
 * ", and on/in …" — so that "troops killed 17 militants in Darazinda, while four others were
 * killed near Kulachi" yields two incidents.
 */
import type { Span } from '../core/index.js';
import type { Sentence } from '../nlp/types.js';

export interface Clause extends Span {
  readonly sentence: number;
  /** Start and end of the whole sentence, for rules that look past the clause. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

const CUT =
  /;\s+|,\s+(?=(?:while|whereas|as)\s)|,\s+(?=and (?:on|in|at|later|then|also|earlier|the next)\s)|\s+(?=(?:while|whereas) (?:the |a |an |\d|[a-z]+ (?:were|was) ))|,\s+(?=(?:as the|as (?:a|an)) \w+ (?:said|claimed|reported))|,\s+(?=and (?:a|an|the|another|two|three|four|five|\d+)\s+(?:[\w-]+\s+){0,3}(?:was|were|had|has|have)\s)/g;

/** Splits one sentence into clauses; together they cover the sentence exactly. */
export function splitClauses(text: string, sentence: Sentence, index: number): Clause[] {
  const out: Clause[] = [];
  const chunk = text.slice(sentence.start, sentence.end);
  let from = 0;
  CUT.lastIndex = 0;
  for (let m = CUT.exec(chunk); m; m = CUT.exec(chunk)) {
    if (m.index - from < 12) continue;
    out.push({
      start: sentence.start + from,
      end: sentence.start + m.index,
      sentence: index,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
    });
    from = m.index + m[0].length;
  }
  out.push({
    start: sentence.start + from,
    end: sentence.end,
    sentence: index,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
  });
  return out;
}
