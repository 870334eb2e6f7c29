/**
 * Toponym recognition: the NER's LOC mentions plus gazetteer matches of capitalised token runs,
 * kept when the evidence is strong enough (a well-known place, a cue word, a locative
 * preposition). The dateline is skipped: it is context, not a mention in the body.
 */
import { overlaps, type Span } from '../../core/index.js';
import type { Gazetteer, Place } from '../../kb/gazetteer/index.js';
import { normalizeName } from '../../kb/gazetteer/index.js';
import type { NerMention, Sentence, Token } from '../../nlp/index.js';
import { cueAround, hasLocativeBefore, PLACE_SUFFIX_RE, placeNameOf } from './cues.js';
import { DIRECTION_MODIFIERS, FUNCTION_WORDS, NOT_PLACE_ALONE } from './stopwords.js';
import type { Toponym } from './types.js';

/** What findToponyms reads. */
export interface ToponymInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly nerMentions: readonly NerMention[];
  readonly datelineSpan: Span | null;
}

const MAX_NAME_TOKENS = 6;
/** NER mentions below this score (the rule-based fallback) only support, never veto. */
const TRUSTED_NER_SCORE = 0.5;
/** A populated place this big is recognised without further evidence. */
const WELL_KNOWN_POPULATION = 100_000;
/** A match to a smaller place needs a cue, a preposition or the NER. */
const SMALL_PLACE_POPULATION = 20_000;

const CAPITALISED_RE = /^\p{Lu}/u;
const ACRONYM_RE = /^(?:\p{Lu}\.?){2,4}$/u;

interface Match extends Span {
  readonly name: string;
  readonly places: readonly Place[];
  readonly alternateOnly: boolean;
  /** The places the name matched only by one of their alternate names. */
  readonly byAlternate: ReadonlySet<Place>;
  readonly firstToken: number;
}

function isCapitalised(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  // ASCII answers without the Unicode-property regex: this runs for every token
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return CAPITALISED_RE.test(t.text);
}

/** Per gazetteer: look-up key of a name and whether some gazetteer name starts with it (bounded memo). */
const prefixMemo = new WeakMap<Gazetteer, Map<string, string | null>>();
const MAX_MEMO = 50_000;

/** The normalised key of `name` when some gazetteer name starts with it, else null. */
function knownPrefix(name: string, gaz: Gazetteer): string | null {
  let memo = prefixMemo.get(gaz);
  if (!memo) prefixMemo.set(gaz, (memo = new Map<string, string | null>()));
  let key = memo.get(name);
  if (key === undefined) {
    const k = normalizeName(name);
    key = k && gaz.hasPrefix(k) ? k : null;
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(name, key);
  }
  return key;
}

/** A test for "overlaps one of `spans`" answered from a per-character count instead of a scan of the spans. */
function overlapTest(textLength: number, spans: readonly Span[]): (s: Span) => boolean {
  const marked = new Uint8Array(textLength + 1);
  const empty: Span[] = [];
  for (const b of spans) {
    if (b.end > b.start) marked.fill(1, Math.max(0, b.start), Math.min(textLength, b.end));
    else empty.push(b);
  }
  const before = new Int32Array(textLength + 1);
  for (let c = 0; c < textLength; c++) before[c + 1] = before[c]! + marked[c]!;
  return (s) => {
    if (empty.some((b) => overlaps(b, s))) return true;
    if (s.end <= s.start) return spans.some((b) => overlaps(b, s));
    const a = Math.max(0, Math.min(textLength, s.start)),
      e = Math.max(0, Math.min(textLength, s.end));
    return before[e]! - before[a]! > 0;
  };
}

/** The longest gazetteer name starting at token i, within the sentence. */
function longestMatchAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  end: number,
  gaz: Gazetteer,
): Match | null {
  const first = tokens[i];
  if (!first) return null;
  let best: Match | null = null;
  for (let j = i; j < Math.min(end, i + MAX_NAME_TOKENS); j++) {
    const last = tokens[j];
    if (!last) break;
    const surface = text.slice(first.start, last.end);
    const name = j === i ? placeNameOf(surface) : surface;
    if (knownPrefix(name, gaz) === null) break;
    if (!isCapitalised(last)) continue;
    const found = gaz.matches(name).filter((m) => m.kind !== 'demonym');
    if (found.length === 0) continue;
    const end =
      j === i && PLACE_SUFFIX_RE.test(surface) ? first.start + surface.search(PLACE_SUFFIX_RE) : last.end;
    best = {
      start: first.start,
      end,
      name,
      places: found.map((m) => m.place),
      alternateOnly: found.every((m) => m.kind === 'alternate'),
      byAlternate: new Set(found.filter((m) => m.kind === 'alternate').map((m) => m.place)),
      firstToken: i,
    };
  }
  return best;
}

/**
 * A place whose name alone makes a capitalised word a toponym: an area, or a well-known town. A
 * one-word name of a district no town is coded to ("Sheikh", "Taleh" in Somalia) or of a small
 * district known by another of its names (Panama's "Distrito de Olá" for the given name Ola) is
 * as likely a person's name: a cue, a locative or NER must back it.
 */
function isStrongPlace(p: Place, byAlternate: boolean, singleWord: boolean): boolean {
  if (
    p.featureClass === 'admin2' &&
    singleWord &&
    (p.population === 0 || (byAlternate && p.population < SMALL_PLACE_POPULATION))
  )
    return false;
  return p.featureClass !== 'city' || p.population >= WELL_KNOWN_POPULATION;
}

/** True when the match is part of a longer capitalised name that is not a place ("Islamic State Khorasan"). */
function insideOtherName(tokens: readonly Token[], m: Match, sentenceStart: number): boolean {
  const prev = tokens[m.firstToken - 1];
  if (m.firstToken <= sentenceStart || !prev || !isCapitalised(prev)) return false;
  const word = prev.text.toLowerCase();
  return !FUNCTION_WORDS.has(word) && !DIRECTION_MODIFIERS.has(word);
}

const COORDINATION_RE = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$/;

/**
 * True when the match is joined to the accepted toponym just before it by "and", "or" or a comma
 * ("between Boni and Hombori"): a list of names shares its members' kind, so the first one's
 * evidence carries to the next, small places included.
 */
function coordinatedWith(text: string, previous: Match | null, m: Match): boolean {
  return (
    previous !== null && previous.end <= m.start && COORDINATION_RE.test(text.slice(previous.end, m.start))
  );
}

/** Whether a gazetteer match has enough evidence to be a toponym. */
function acceptMatch(
  input: ToponymInput,
  m: Match,
  sentenceStart: number,
  nerTrusted: boolean,
  previous: Match | null,
): boolean {
  const { text, tokens } = input;
  const surface = text.slice(m.start, m.end);
  const singleWord = !/\s/.test(m.name);
  if (singleWord && NOT_PLACE_ALONE.has(m.name.toLowerCase())) return false;
  if (insideOtherName(tokens, m, sentenceStart)) return false;
  const cue = cueAround(text, m) !== null || coordinatedWith(text, previous, m);
  const locative = hasLocativeBefore(text, m);
  if (ACRONYM_RE.test(surface.replace(/\s/g, '')) && !m.places.some((p) => p.featureClass !== 'city'))
    return false;
  const strong = m.places.some((p) => isStrongPlace(p, m.byAlternate.has(p), singleWord));
  if (m.alternateOnly && !strong && !cue) return false;
  if (nerTrusted) return strong || cue || locative;
  const notSmall = m.places.some((p) => p.featureClass !== 'city' || p.population >= SMALL_PLACE_POPULATION);
  return strong || cue || locative || (notSmall && !singleWord);
}

/** Gazetteer matches over the capitalised runs of every sentence. */
function gazetteerMatches(
  input: ToponymInput,
  gaz: Gazetteer,
  blocked: readonly Span[],
  nerTrusted: boolean,
): Match[] {
  const out: Match[] = [];
  const isBlocked = overlapTest(input.text.length, blocked);
  for (const s of input.sentences) {
    let previous: Match | null = null;
    let i = s.firstToken;
    while (i < s.endToken) {
      const t = input.tokens[i];
      const m =
        t && isCapitalised(t) && !isBlocked(t)
          ? longestMatchAt(input.text, input.tokens, i, s.endToken, gaz)
          : null;
      if (m && !isBlocked(m) && acceptMatch(input, m, s.firstToken, nerTrusted, previous)) {
        out.push(m);
        previous = m;
        while (i < s.endToken && (input.tokens[i]?.start ?? Infinity) < m.end) i++;
      } else i++;
    }
  }
  return out;
}

function toponym(text: string, span: Span, name: string, source: Toponym['source']): Toponym {
  return {
    start: span.start,
    end: span.end,
    surface: text.slice(span.start, span.end),
    name,
    cue: cueAround(text, span),
    source,
  };
}

/** Trims a "-based" suffix or a possessive from an NER span so the toponym is the place alone. */
function nerToponym(text: string, m: NerMention, source: Toponym['source']): Toponym {
  const surface = text.slice(m.start, m.end);
  const name = placeNameOf(surface);
  const offset = surface.indexOf(name);
  const start = m.start + Math.max(0, offset);
  return toponym(text, { start, end: start + name.length }, name, source);
}

const OF_WORD_RE = /^\s+(?:da|de|do|dos|das|del|della|di|du|des)\s+\p{Lu}/u;

/**
 * True when the mention starts with a gazetteer match and runs on past it through a Romance "of":
 * the whole name is one place ("Mocímboa da Praia", not Mocímboa and Praia, a city of Cape Verde).
 */
function extendsMatch(text: string, m: Span, matches: readonly Match[]): boolean {
  return matches.some(
    (g) => g.start === m.start && g.end < m.end && OF_WORD_RE.test(text.slice(g.end, m.end)),
  );
}

/** Toponyms in a document: NER locations and gazetteer matches, ordered by position. */
export function findToponyms(input: ToponymInput, gaz: Gazetteer): Toponym[] {
  const { text, nerMentions, datelineSpan } = input;
  const trusted = nerMentions.filter((m) => m.score >= TRUSTED_NER_SCORE);
  const nerTrusted = trusted.length > 0;
  const blocked: Span[] = trusted.filter((m) => m.label !== 'LOC');
  if (datelineSpan) blocked.push(datelineSpan);
  const matches = gazetteerMatches(input, gaz, blocked, nerTrusted);
  const out: Toponym[] = [];
  for (const m of nerMentions) {
    if (m.label !== 'LOC' || (datelineSpan && overlaps(m, datelineSpan))) continue;
    // The gazetteer knows a longer name around the mention ("Maguindanao del Sur" where the NER
    // stops at "Maguindanao"): the whole name is the place, not its first word.
    const wider = matches.find(
      (g) => g.start <= m.start && g.end >= m.end && g.end - g.start > m.end - m.start,
    );
    if (wider) {
      if (!out.some((t) => t.start === wider.start && t.end === wider.end))
        out.push(toponym(text, wider, wider.name, 'both'));
      continue;
    }
    // A name the gazetteer has under another spelling as an area ("Shabwa" for the province
    // Shabwah) is known too; a town so matched is too weak a sign.
    const name = placeNameOf(text.slice(m.start, m.end));
    const known =
      gaz.candidates(name).length > 0 ||
      gaz.sameSpelling(name).some((p) => p.featureClass !== 'city') ||
      extendsMatch(text, m, matches);
    if (!known && m.score < TRUSTED_NER_SCORE) continue;
    out.push(nerToponym(text, m, matches.some((g) => overlaps(g, m)) ? 'both' : 'ner'));
  }
  for (const m of matches) {
    if (!out.some((t) => overlaps(t, m))) out.push(toponym(text, m, m.name, 'gazetteer'));
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
