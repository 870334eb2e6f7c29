/**
 * Person names the NER cut in two: "Irfan" (MISC) + "Rashid Peer" (PER), or a given name it left
 * out ("Kupwara Rajinder Kumar Bhat" read as "Kupwara" + "Kumar Bhat"). A person's span takes in
 * up to two capitalised words right before it, joined by one space, that are neither ordinary
 * English words, titles, nationalities, days or months, nor part of a place, KB actor or other name.
 */
import { foldWord, isTitleWord } from '../../kb/names/index.js';
import { CALENDAR_WORDS, DEMONYMS, isEnglishWord } from './lexicon.js';
import type { Candidate } from './types.js';

const WORD_BEFORE = /(?:^|[^\p{L}\p{N}'’.-])(\p{Lu}[\p{Ll}'’-]+) $/u;

/** True when the word can open a person's name. */
function nameWord(w: string): boolean {
  const f = foldWord(w);
  return !isEnglishWord(f) && !isTitleWord(w) && !DEMONYMS.has(f) && !CALENDAR_WORDS.has(f);
}

/** Candidates with person spans widened over the given names the NER split off; absorbed ones dropped. */
export function joinSplitNames(text: string, cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  const drop = new Set<Candidate>();
  const out = new Map<Candidate, Candidate>();
  for (const c of sorted) {
    if (c.kind !== 'ner' || c.label !== 'PER') continue;
    let start = c.start;
    for (let n = 0; n < 2; n++) {
      const m = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
      if (!m) break;
      const word = m[1] as string;
      const wStart = start - word.length - 1;
      const cover = sorted.filter((x) => x !== c && x.start < start - 1 && wStart < x.end);
      const free =
        cover.length === 0 ||
        (cover.length === 1 &&
          (cover[0] as Candidate).kind === 'ner' &&
          ((cover[0] as Candidate).label === 'MISC' || (cover[0] as Candidate).label === 'PER') &&
          (cover[0] as Candidate).start === wStart &&
          (cover[0] as Candidate).end === start - 1);
      if (!free || !nameWord(word)) break;
      for (const x of cover) drop.add(x);
      start = wStart;
    }
    if (start < c.start) out.set(c, { ...c, start, surface: text.slice(start, c.end) });
  }
  return sorted.filter((c) => !drop.has(c)).map((c) => out.get(c) ?? c);
}
