/**
 * Word lists the NER uses as features: a gazetteer of names by type, and the words seen in
 * lower case in running text (so a capitalised common word at a sentence start is recognised
 * as such). Built by scripts/train-ner.ts and shipped with the model.
 */
import { TYPES } from './labels.js';

/**
 * Gazetteer channels, 3 bits each in a token's gazetteer tag. The first four hold names by
 * CoNLL type harvested from other corpora; the rest are lists from the project's own data
 * (reference-KB groups/organisations and persons, gazetteer places, given names). Separate
 * channels let the model learn how far to trust each source.
 */
export const CHANNELS = [...TYPES, 'KB_ORG', 'KB_PER', 'PLACE', 'GIVEN'] as const;

/** Bit set on a gazetteer key that is a proper prefix of a longer entry. */
export const PREFIX_BIT = 1 << 8;

/** Gazetteer and vocabulary lookups. */
export interface Lexicon {
  /** Phrase (tokens joined by single spaces) → bit mask of channels, plus PREFIX_BIT. */
  readonly gazetteer: Map<string, number>;
  /** Lower-case words seen in lower case in running text. */
  readonly lowerVocab: Set<string>;
  /** Word → cluster id (a bit string such as "0110"), when clusters were learnt. */
  readonly clusters: Map<string, string>;
  /**
   * Every word that follows another in some gazetteer phrase: a phrase match can only go on
   * through one of these, so the others end it without building and looking up the longer key.
   * Absent, no match ends early.
   */
  readonly continuations?: Set<string>;
}

/** The serialised form of a lexicon (JSON). */
export interface LexiconData {
  readonly gazetteer: Record<string, string[]>;
  readonly lowerVocab: string[];
  readonly clusters?: Record<string, string>;
}

/** The longest phrase the gazetteer matches, in tokens. */
export const MAX_PHRASE = 6;

/** Builds lookups from serialised lists. */
export function lexiconFromData(data: LexiconData): Lexicon {
  const gazetteer = new Map<string, number>();
  const continuations = new Set<string>();
  CHANNELS.forEach((channel, k) => {
    for (const phrase of data.gazetteer[channel] ?? []) addPhrase(gazetteer, continuations, phrase, 1 << k);
  });
  return {
    gazetteer,
    lowerVocab: new Set(data.lowerVocab),
    clusters: new Map(Object.entries(data.clusters ?? {})),
    continuations,
  };
}

function addPhrase(
  gazetteer: Map<string, number>,
  continuations: Set<string>,
  phrase: string,
  bit: number,
): void {
  // prefixes by slicing at spaces, not split/join: loading ~200k phrases is on the model's load path
  let words = 1;
  for (let k = phrase.indexOf(' '); k >= 0; k = phrase.indexOf(' ', k + 1)) words++;
  if (words > MAX_PHRASE) return;
  let space = phrase.indexOf(' ');
  while (space >= 0) {
    const prefix = phrase.slice(0, space);
    gazetteer.set(prefix, (gazetteer.get(prefix) ?? 0) | PREFIX_BIT);
    const next = phrase.indexOf(' ', space + 1);
    continuations.add(phrase.slice(space + 1, next < 0 ? phrase.length : next));
    space = next;
  }
  gazetteer.set(phrase, (gazetteer.get(phrase) ?? 0) | bit);
}

/** An empty lexicon (for tests and for models trained without lists). */
export function emptyLexicon(): Lexicon {
  return { gazetteer: new Map(), lowerVocab: new Set(), clusters: new Map(), continuations: new Set() };
}

/**
 * Gazetteer tags per token: for each channel, 0 none, else 1 + BILOU part of the longest match
 * of that channel covering the token. Packed 3 bits per channel into one number per token.
 * `caseless`, when given, holds title-cased forms of all-caps words ("PESHAWAR" → "Peshawar"),
 * so headlines and datelines match too. `single`, when given, holds each word's own gazetteer
 * value (0 when absent), and `cont` whether it is in `lex.continuations` (1) or not (0), both
 * known from a per-word cache: most tokens start no phrase and most phrase prefixes are not
 * followed by a continuation, and the lookups that show it are then not repeated in a table too
 * large for the caches.
 */
export function gazetteerTags(
  words: readonly string[],
  start: number,
  end: number,
  lex: Lexicon,
  out: Int32Array,
  caseless?: readonly string[],
  single?: Int32Array,
  cont?: Uint8Array,
): void {
  for (let i = start; i < end; i++) out[i] = 0;
  if (lex.gazetteer.size === 0) return;
  matchPhrases(words, start, end, lex, out, single, cont);
  if (!caseless) return;
  if (!single || !cont) {
    matchPhrases(caseless, start, end, lex, out);
    return;
  }
  // Only the title-cased words differ from the pass above: the others keep their own values, and
  // a phrase of theirs alone marks again what it marked then, which changes nothing.
  if (caselessScratch.single.length < end) {
    caselessScratch.single = new Int32Array(end * 2);
    caselessScratch.cont = new Uint8Array(end * 2);
  }
  const { single: s2, cont: c2 } = caselessScratch;
  for (let i = start; i < end; i++) {
    const w = caseless[i] ?? '';
    const same = w === words[i];
    s2[i] = same ? single[i]! : (lex.gazetteer.get(w) ?? 0);
    c2[i] = same ? cont[i]! : mayContinue(lex, w);
  }
  matchPhrases(caseless, start, end, lex, out, s2, c2);
}

/** Per-word values of a sentence's title-cased forms (reused: tagging is synchronous). */
const caselessScratch = { single: new Int32Array(0), cont: new Uint8Array(0) };

/**
 * 1 when `w` may continue a gazetteer phrase, 0 when it cannot (see Lexicon.continuations). A
 * word holding a space could complete a key across its own space: never ruled out.
 */
export function mayContinue(lex: Lexicon, w: string): number {
  return !lex.continuations || lex.continuations.has(w) || w.includes(' ') ? 1 : 0;
}

function matchPhrases(
  words: readonly string[],
  start: number,
  end: number,
  lex: Lexicon,
  out: Int32Array,
  single?: Int32Array,
  cont?: Uint8Array,
): void {
  for (let i = start; i < end; i++) {
    if (single && single[i] === 0) continue;
    let key = words[i] ?? '';
    for (let j = i + 1; j <= end && j - i <= MAX_PHRASE; j++) {
      const m = single && j === i + 1 ? single[i]! : lex.gazetteer.get(key);
      if (m === undefined) break;
      if (m & 0xff) markMatch(m, i, j, out);
      if (!(m & PREFIX_BIT) || j === end || (cont && cont[j] === 0)) break;
      key += ' ' + (words[j] ?? '');
    }
  }
}

function markMatch(mask: number, i: number, j: number, out: Int32Array): void {
  for (let k = 0; k < CHANNELS.length; k++) {
    if (!(mask & (1 << k))) continue;
    for (let t = i; t < j; t++) {
      const p = j - i === 1 ? 4 : t === i ? 1 : t === j - 1 ? 3 : 2;
      const cur = ((out[t] ?? 0) >> (3 * k)) & 7;
      // prefer the longer match: B/I/L of a phrase beat U of a single word
      if (cur === 0 || (cur === 4 && p !== 4)) out[t] = ((out[t] ?? 0) & ~(7 << (3 * k))) | (p << (3 * k));
    }
  }
}
