/**
 * What the text says about its own names: acronym definitions ("Islamic State Khorasan Province
 * (ISKP)"), alias appositives ("also known as", "a.k.a.", "who also goes by the name of", "alias",
 * "better known as", "known as"), and descriptive appositives that state a relation ("ISKP, the
 * local chapter of ISIS" → branch_of; "X, ISKP’s high-profile leader" → leader_of).
 */
import { isCapitalized } from '../../kb/names/index.js';
import { surfaceWords } from './words.js';
import { BRANCH_NOUNS, LEADER_NOUNS } from './lexicon.js';
import type { Candidate } from './types.js';

/** Alias cues, matched right after a name (after an optional comma or bracket). */
const ALIAS_CUE =
  /^\s*[,(]?\s*(?:(?:who\s+|which\s+|that\s+)?(?:is\s+|was\s+)?(?:also|better|popularly|widely|locally|commonly)?\s*(?:known|referred\s+to)\s+(?:(?:to|among)\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:followers|fighters|supporters|comrades|men|associates|friends|family|members)\s+)?(?:by\s+the\s+(?:alias|name|nom\s+de\s+guerre)\s+(?:of\s+)?|as\s+)|(?:a\.k\.a\.?|aka|alias|alias\s+name)\s+|(?:who\s+|which\s+)?(?:also\s+)?(?:goes|went)\s+by\s+(?:the\s+(?:name|alias)s?\s+(?:of\s+)?)?|(?:also\s+)?called\s+)["“]?/i;

/** A name-like run right after a cue: capitalised words joined by spaces, hyphens and Arabic particles. */
const NAME_RUN =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|al-|el-|bin|bint|ibn|abu|ul|ud|wal|de|del|la|e|i)(?:[ -](?:\p{Lu}[\p{L}\p{M}'’.-]*|al-?|el-?|bin|bint|ibn|ul|ud|wal|de|del|la|e|i)(?=[ -]?\p{Lu}|[ -]?al-))*(?:[ -]\p{Lu}[\p{L}\p{M}'’.-]*)?/u;

/** A candidate starting at `pos` (after spaces and quotes), if any. */
function candidateAt(cands: readonly Candidate[], text: string, pos: number): Candidate | undefined {
  const m = /^[\s"“]*/.exec(text.slice(pos));
  const at = pos + (m ? m[0].length : 0);
  return cands.find((c) => c.start === at);
}

/** Pairs (earlier, later) of candidates joined by an alias cue; creates the later one from the text when no candidate is there. */
export function aliasPairs(text: string, cands: Candidate[]): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  for (const c of [...cands]) {
    const cue = ALIAS_CUE.exec(text.slice(c.end, c.end + 60));
    if (!cue) continue;
    const pos = c.end + cue[0].length;
    let other = candidateAt(cands, text, pos);
    if (!other) {
      const run = NAME_RUN.exec(text.slice(pos, pos + 80));
      const surface = run?.[0].replace(/[.,'’-]+$/, '');
      if (!surface || !/\p{Lu}/u.test(surface.charAt(0))) continue;
      other = {
        start: pos,
        end: pos + surface.length,
        surface,
        kind: 'pattern',
        label: c.label,
        entries: [],
        place: null,
        confidence: 0.8,
        cluster: -1,
      };
      cands.push(other);
    }
    if (other.kind !== 'place' && c.kind !== 'place') pairs.push([c, other]);
  }
  return pairs;
}

/** True when `short` can abbreviate `long`: first letters agree and its letters appear in order among the long form's word initials and letters. */
export function isAcronymOf(short: string, long: string): boolean {
  const letters = short.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = surfaceWords(long).filter((w) => isCapitalized(w.raw) || w.raw.length > 3);
  if (letters.length < 2 || words.length === 0) return false;
  const initials = words.map((w) => w.raw.charAt(0).toUpperCase()).join('');
  if (letters.charAt(0) !== initials.charAt(0)) return false;
  let j = 0;
  const flat = long.toUpperCase();
  for (const ch of letters) {
    j = flat.indexOf(ch, j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/** Pairs (long form, acronym) from "Long Form (ACR)" and "ACR (Long Form)"; creates the acronym candidate if needed. */
export function acronymPairs(text: string, cands: Candidate[]): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  for (const c of [...cands]) {
    const m = /^\s*\(\s*([A-Z][A-Za-z0-9\-&]{1,11})\s*\)/.exec(text.slice(c.end, c.end + 20));
    if (!m?.[1] || c.kind === 'place' || !isAcronymOf(m[1], c.surface)) continue;
    const start = c.end + m[0].indexOf(m[1]);
    let acr = cands.find((x) => x.start === start);
    if (!acr) {
      acr = {
        start,
        end: start + m[1].length,
        surface: m[1],
        kind: 'pattern',
        label: c.label,
        entries: [],
        place: null,
        confidence: 0.9,
        cluster: -1,
      };
      cands.push(acr);
    }
    pairs.push([c, acr]);
  }
  return pairs;
}

/** A relation stated by an appositive, between two candidates, with the evidence span. */
export interface AppositiveRelation {
  readonly type: 'branch_of' | 'leader_of';
  readonly subject: Candidate;
  readonly object: Candidate;
  readonly start: number;
  readonly end: number;
}

const ADJ = String.raw`(?:[\p{L}\-]+\s+){0,3}?`;
const BRANCH = new RegExp(
  String.raw`^\s*\)?\s*,\s*(?:the|a|an|its)\s+${ADJ}(${[...BRANCH_NOUNS].join('|')})\s+of\s+(?:the\s+)?`,
  'iu',
);
const LEADER_OF = new RegExp(
  String.raw`^\s*\)?\s*,\s*(?:the|a|an)?\s*${ADJ}(${[...LEADER_NOUNS].join('|')})\s+of\s+(?:the\s+)?`,
  'iu',
);
const POSSESSIVE_LEADER = new RegExp(String.raw`^\s*['’]s?\s+${ADJ}(${[...LEADER_NOUNS].join('|')})\b`, 'iu');
const LEADER_BEFORE = new RegExp(String.raw`^\s+(?:${[...LEADER_NOUNS].join('|')})\s+$`, 'iu');

/** Relations stated by appositives: "X, the local chapter of Y", "X, the leader of Y", "X, Y’s top leader", "Y chief X". */
export function appositiveRelations(text: string, cands: readonly Candidate[]): AppositiveRelation[] {
  const out: AppositiveRelation[] = [];
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  for (const [i, c] of sorted.entries()) {
    const after = text.slice(c.end, c.end + 80);
    for (const [re, type] of [
      [BRANCH, 'branch_of'],
      [LEADER_OF, 'leader_of'],
    ] as const) {
      const m = re.exec(after);
      const obj = m ? candidateAt(sorted, text, c.end + m[0].length) : undefined;
      if (m && obj) out.push({ type, subject: c, object: obj, start: c.start, end: obj.end });
    }
    // "X, Y’s high-profile leader": Y is the candidate right after the comma.
    const next = sorted[i + 1];
    if (next && /^\s*,\s*(?:the\s+)?$/i.test(text.slice(c.end, next.start))) {
      const m = POSSESSIVE_LEADER.exec(text.slice(next.end, next.end + 60));
      if (m)
        out.push({
          type: 'leader_of',
          subject: c,
          object: next,
          start: c.start,
          end: next.end + m[0].length,
        });
    }
    // "ISKP chief Sanaullah Ghafari": Y leader-noun X.
    if (next && LEADER_BEFORE.test(text.slice(c.end, next.start))) {
      out.push({ type: 'leader_of', subject: next, object: c, start: c.start, end: next.end });
    }
  }
  return out;
}
