/** Finds one-word mentions of people the NER missed: a person's surname, or a near spelling of it, elsewhere in the text. */
import { editDistance, foldWord, isCapitalized } from '../../kb/names/index.js';
import { documentWords, surfaceWords } from './words.js';
import type { Candidate } from './types.js';

/** Candidates for capitalised words, not yet covered, that equal or nearly equal a named person's surname. */
export function surnameCandidates(text: string, cands: readonly Candidate[]): Candidate[] {
  const surnames = new Set<string>();
  for (const c of cands) {
    const isPerson = c.label === 'PER' || c.entries.some((e) => e.type === 'person');
    const ws = surfaceWords(c.surface);
    if (isPerson && ws.length > 1) surnames.add(foldWord((ws[ws.length - 1] as { raw: string }).raw));
  }
  if (surnames.size === 0) return [];
  const covered = (s: number, e: number) => cands.some((c) => c.start < e && s < c.end);
  const known = [...surnames];
  const out: Candidate[] = [];
  for (const w of documentWords(text)) {
    if (!isCapitalized(w.raw) || w.raw.length < 4 || covered(w.start, w.end)) continue;
    const f = foldWord(w.raw);
    const near = known.some(
      (s) => s === f || (f.length >= 5 && s.charAt(0) === f.charAt(0) && editDistance(s, f) <= 1),
    );
    if (!near) continue;
    // "al-Jubouri": the attached article belongs to the surname as written
    const article = /(?:^|[^\p{L}])((?:al|el|Al|El)[-‐‑])$/u.exec(
      text.slice(Math.max(0, w.start - 4), w.start),
    );
    const start = article ? w.start - (article[1] as string).length : w.start;
    if (article && covered(start, w.start)) continue;
    out.push({
      start,
      end: w.end,
      surface: text.slice(start, w.end),
      kind: 'surname',
      label: 'PER',
      entries: [],
      place: null,
      confidence: 0.7,
      cluster: -1,
    });
  }
  return out;
}
