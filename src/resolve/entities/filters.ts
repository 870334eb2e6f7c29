/**
 * Drops NER candidates that are not names of actors: sentence-initial ordinary words ("Sources",
 * "Dismissing"), number phrases ("Six", "Seventeen Nigerien"), demonyms ("Afghan"), bare titles
 * ("Deputy Superintendent of Police"), and weapons or things after an article ("a Kalashnikov").
 * Leading determiners and titles are trimmed off the span first.
 */
import { foldWord, isTitleOnly, isTitleWord } from '../../kb/names/index.js';
import { surfaceWords } from './words.js';
import type { Sentence } from '../../nlp/index.js';
import {
  ADJECTIVE_SUFFIX,
  CALENDAR_WORDS,
  DEMONYMS,
  DETERMINERS,
  NUMBER_WORDS,
  isEnglishWord,
} from './lexicon.js';
import type { Candidate } from './types.js';

/** True when only spaces, quotes or brackets stand between the sentence start and `pos`. */
export function atSentenceStart(text: string, sentences: readonly Sentence[], pos: number): boolean {
  const s = sentences.find((x) => x.start <= pos && pos < x.end);
  const from = s ? s.start : Math.max(0, text.lastIndexOf('\n', pos - 1) + 1);
  return (
    /^[\s"“‘'([]*$/.test(text.slice(from, pos)) ||
    /[.!?:]\s*["“]?\s*$/.test(text.slice(Math.max(0, pos - 4), pos))
  );
}

/** Moves the start past leading determiners (and, for persons, titles); null when nothing name-like is left. */
function trimLeading(text: string, c: Candidate): Candidate | null {
  const words = surfaceWords(c.surface);
  let i = 0;
  while (i < words.length - 1) {
    const w = (words[i] as { raw: string }).raw;
    const isTitle =
      c.label === 'PER' && isTitleWord(w) && !['hafiz', 'sheikh', 'mullah', 'haji'].includes(foldWord(w));
    // "on Saturday Mudzrimar Sawadjaan, an Abu Sayyaf commander": a day or month is no given name
    const isDate = c.label === 'PER' && CALENDAR_WORDS.has(foldWord(w));
    if (!DETERMINERS.has(foldWord(w)) && !isTitle && !isDate) break;
    i++;
  }
  const first = words[i];
  if (!first) return null;
  const start = c.start + first.start;
  if (!/\p{Lu}|\p{N}/u.test(text.charAt(start))) return null;
  return start === c.start ? c : { ...c, start, surface: text.slice(start, c.end) };
}

const WEAPON_AFTER =
  /^\s+(?:jets?|fighter jets?|aircraft|planes?|helicopters?|rifles?|guns?|tanks?|missiles?|rockets?|drones?|launchers?)\b/i;

const TIME_ZONE =
  /^(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|EET|EAT|WAT|CAT|IST|PKT|AST|MSK|SAST|WIB|PHT)$/;
/** A clock time right before: "2200", "10:30", "1 a.m.", "0400 local". */
const CLOCK_BEFORE = /(?:\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?|\b\d{4})\s*$/i;

function isNoise(
  text: string,
  sentences: readonly Sentence[],
  c: Candidate,
  surnames: ReadonlySet<string>,
): boolean {
  const words = surfaceWords(c.surface).map((w) => foldWord(w.raw));
  const first = words[0] ?? '';
  if (words.length === 1 && surnames.has(first)) return false;
  if (NUMBER_WORDS.has(first) || /^\d/.test(first)) return true;
  if (isTitleOnly(c.surface)) return true;
  if (words.every((w) => DEMONYMS.has(w) || CALENDAR_WORDS.has(w))) return true;
  if (ADJECTIVE_SUFFIX.test(c.surface)) return true;
  // a model before the kind of weapon ("F-16 jets", "AK-47 rifles", "the Reaper drone") is a thing, not an actor
  if (
    (words.length === 1 || /^\p{L}{1,3}-\d{1,3}\p{Lu}?$/u.test(c.surface)) &&
    WEAPON_AFTER.test(text.slice(c.end, c.end + 20))
  )
    return true;
  // "at around 1 a.m. (2200 GMT)": a time zone after a clock time
  if (TIME_ZONE.test(c.surface) && CLOCK_BEFORE.test(text.slice(Math.max(0, c.start - 16), c.start)))
    return true;
  if (words.length === 1 && c.label === 'MISC' && isEnglishWord(first)) return true;
  if (words.length === 1 && isEnglishWord(first)) {
    if (atSentenceStart(text, sentences, c.start)) return true;
    if (/\b(?:a|an|the)\s+$/i.test(text.slice(Math.max(0, c.start - 6), c.start)) && c.label === 'PER')
      return true;
  }
  return false;
}

/** Keeps the candidates that name something; KB, place and pattern candidates always stay. */
export function filterCandidates(
  text: string,
  sentences: readonly Sentence[],
  cands: readonly Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  const surnames = new Set(
    cands
      .filter((c) => c.label === 'PER' || c.entries.some((e) => e.type === 'person'))
      .map((c) => surfaceWords(c.surface).map((w) => foldWord(w.raw)))
      .filter((w) => w.length > 1)
      .map((w) => w[w.length - 1] as string),
  );
  for (const c of cands) {
    // Pattern candidates (numbered units, defined acronyms) were built as names already.
    if (c.kind === 'kb' || c.kind === 'place' || c.kind === 'pattern') {
      out.push(c);
      continue;
    }
    const t = trimLeading(text, c);
    if (t && !isNoise(text, sentences, t, surnames)) out.push(t);
  }
  return out;
}
