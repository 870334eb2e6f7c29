/**
 * A rule-based stand-in used only when the trained model file is missing: runs of capitalised
 * words that are not a lone sentence-initial word, typed by the word before them.
 */
import type { NerLabel, NerMention, Sentence, Token } from '../types.js';
import type { NerModel } from './model.js';

const CAPITALISED = /^\p{Lu}/u;
const TITLES = /^(Mr|Mrs|Ms|Dr|Gen|President|Minister|Commander|Sheikh|Mullah|Maulana)\.?$/;
const PLACE_WORDS = new Set(['in', 'from', 'to', 'near', 'at']);

function labelFor(prev: string, first: string): NerLabel {
  if (TITLES.test(prev)) return 'PER';
  if (PLACE_WORDS.has(prev)) return 'LOC';
  if (/^\p{Lu}{2,}$/u.test(first)) return 'ORG';
  return 'MISC';
}

/** The fallback recogniser (low confidence by design). */
export const fallbackModel: NerModel = {
  recognize(_text: string, tokens: readonly Token[], sentences: readonly Sentence[]): NerMention[] {
    const out: NerMention[] = [];
    for (const s of sentences) {
      let i = s.firstToken;
      while (i < s.endToken) {
        let j = i;
        while (j < s.endToken && CAPITALISED.test(tokens[j]?.text ?? '')) j++;
        if (j > i && !(i === s.firstToken && j === i + 1)) {
          const start = i === s.firstToken ? i + 1 : i;
          const first = tokens[start];
          const last = tokens[j - 1];
          if (first && last && !TITLES.test(first.text)) {
            out.push({
              start: first.start,
              end: last.end,
              label: labelFor(tokens[start - 1]?.text ?? '', first.text),
              score: 0.3,
            });
          }
        }
        i = Math.max(j, i + 1);
      }
    }
    return out;
  },
};
