/**
 * Feature extraction for the sequence labeller. Each token gets exactly NUM_TEMPLATES hashed
 * features (a template with no value hashes a "none" marker, which is itself informative), so
 * features for a document fit a flat Int32Array with a fixed stride. Strings are hashed once
 * per token; templates combine the hashes with integer mixing, so no feature strings are built.
 */
import { hashString, mix } from './hash.js';
import { gazetteerTags, mayContinue, type Lexicon } from './lexicon.js';

/** Number of feature templates (the stride of a feature array). */
export const NUM_TEMPLATES = 56;
/** Index of the first of the three templates that carry a first pass's document-level votes. */
export const STACK_FIRST = 53;
/**
 * Templates whose value depends on the word alone (see tokenFeatures): the bias, the word, its
 * lower case and shape, its prefixes and suffixes, its cluster. Their weights sum the same
 * wherever the word occurs, which the recogniser exploits (word-partials.ts).
 */
export const WORD_TEMPLATES: readonly number[] = [0, 1, 2, 3, 14, 15, 16, 17, 18, 19, 20, 21, 40];
const WORD_TEMPLATE_LIST = Int32Array.from(WORD_TEMPLATES);

const NONE = hashString('\u0000none');
const BOS = hashString('\u0000bos');
const EOS = hashString('\u0000eos');

/** Maps typographic characters to the ASCII forms of the training corpus. */
export function normalizeWord(w: string): string {
  if (/^[\x20-\x7e]*$/.test(w)) return w;
  return w
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[—–‐‑]/g, '-');
}

/** Word shape: X upper, x lower, d digit, other characters kept; runs longer than 3 cut to 3 ("Xxxx" → "Xxxx" for "Peshawar" is "Xxxx"). */
export function wordShape(w: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] ?? '';
    const c = ch === ch.toLowerCase() ? (ch === ch.toUpperCase() ? (/\d/.test(ch) ? 'd' : ch) : 'x') : 'X';
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run <= 3) out += c;
  }
  return out;
}

/** Short shape: runs collapsed to one character ("Peshawar" → "Xx", "U.S." → "X.X."). */
export function shortShape(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

/** What features need to know about a word type; computed once per distinct word and cached. */
interface WordInfo {
  readonly word: number;
  readonly lower: number;
  readonly shape: number;
  readonly short: number;
  readonly cluster: number;
  /** Hash of the title-cased form ("PESHAWAR" → "Peshawar"), for all-caps headlines. */
  readonly title: number;
  /** Prefix hashes of lengths 1–4 then suffix hashes of lengths 1–4 (NONE when too short). */
  readonly affixes: readonly number[];
  /** F_CAP and F_LOWER_VOCAB bits. */
  readonly flags: number;
  readonly lowerForm: string;
  /** Has a letter, and all its letters are upper case (for headline detection). */
  readonly hasLetter: boolean;
  readonly allUpper: boolean;
  /** The gazetteer's value for the word alone (0 when absent): the first lookup of every phrase match. */
  readonly gaz: number;
  /** May continue a gazetteer phrase (see Lexicon.continuations): 0 only when it cannot. */
  readonly cont: number;
  /** The finished hashes of the WORD_TEMPLATES, in that order (mixed once per word, not per token). */
  readonly wordFeats: Uint32Array;
}

const F_CAP = 1,
  F_LOWER_VOCAB = 2,
  F_SENT_START = 4,
  F_HEADLINE = 8,
  F_LOWER_IN_DOC = 16,
  F_CAP_MID_IN_DOC = 32;
const MAX_CACHE = 200_000;
/** Tag bits of the four corpus-harvested gazetteer channels (PER, ORG, LOC, MISC). */
const BASE_CHANNELS = 0xfff;
const caches = new WeakMap<Lexicon, Map<string, WordInfo>>();

function affix(w: string, n: number, suffix: boolean): number {
  if (w.length < n) return NONE;
  return hashString(suffix ? w.slice(w.length - n) : w.slice(0, n));
}

function computeWordInfo(w: string, lex: Lexicon): WordInfo {
  const lw = w.toLowerCase();
  const shape = wordShape(w);
  const cl = lex.clusters.get(lw);
  const cap = w !== lw;
  const hasLetter = /\p{L}/u.test(w);
  const word = hashString(w),
    lower = hashString(lw),
    shapeHash = hashString(shape),
    cluster = cl === undefined ? NONE : hashString(cl);
  const affixes = [1, 2, 3, 4]
    .map((n) => affix(w, n, false))
    .concat([1, 2, 3, 4].map((n) => affix(lw, n, true)));
  // template t holds its value mixed with t + 1, as in tokenFeatures
  const wordFeats = Uint32Array.from([
    mix(0, 1),
    mix(word, 2),
    mix(lower, 3),
    mix(shapeHash, 4),
    ...affixes.map((h, k) => mix(h, 15 + k)),
    mix(cluster, 41),
  ]);
  return {
    word,
    lower,
    shape: shapeHash,
    short: hashString(shortShape(shape)),
    cluster,
    title: hashString(lw.charAt(0).toUpperCase() + lw.slice(1)),
    affixes,
    flags: (cap ? F_CAP : 0) | (cap && lex.lowerVocab.has(lw) ? F_LOWER_VOCAB : 0),
    lowerForm: lw,
    hasLetter,
    allUpper: hasLetter && w === w.toUpperCase(),
    gaz: lex.gazetteer.get(w) ?? 0,
    cont: mayContinue(lex, w),
    wordFeats,
  };
}

/** Cached word information (the cache is per lexicon and bounded). */
function wordInfo(w: string, lex: Lexicon): WordInfo {
  let cache = caches.get(lex);
  if (!cache) caches.set(lex, (cache = new Map<string, WordInfo>()));
  let info = cache.get(w);
  if (!info) {
    if (cache.size >= MAX_CACHE) cache.clear();
    info = computeWordInfo(w, lex);
    cache.set(w, info);
  }
  return info;
}

/** Word infos per lexicon and words array, so the stacking pass reuses those of feature extraction. */
const docInfos = new WeakMap<Lexicon, WeakMap<readonly string[], WordInfo[]>>();

function infosOf(words: readonly string[], lex: Lexicon): WordInfo[] {
  let byWords = docInfos.get(lex);
  if (!byWords) docInfos.set(lex, (byWords = new WeakMap()));
  let infos = byWords.get(words);
  if (!infos) byWords.set(words, (infos = words.map((w) => wordInfo(w, lex))));
  return infos;
}

/**
 * One key per token that is the same object for every occurrence of a word (while the per-word
 * cache holds it), for callers that cache per-word results; opaque otherwise.
 */
export function wordKeys(words: readonly string[], lex: Lexicon): readonly object[] {
  return infosOf(words, lex);
}

/** A document's words and its sentences as `[firstToken, endToken)` pairs. */
export interface FeatureInput {
  readonly words: readonly string[];
  readonly sentences: readonly (readonly [number, number])[];
  /** BILOU labels from a first pass over the document (stacking); absent for the first pass itself. */
  readonly prior?: Uint8Array;
}

/** Per-token values of a document: word infos, token flags and gazetteer tags. */
interface DocInfo {
  readonly infos: WordInfo[];
  readonly flags: Int32Array;
  readonly gaz: Int32Array;
  /** Per token: hash of the word before the first capitalised occurrence of the same word in the document. */
  readonly firstPrev: Uint32Array;
}

function docInfo(input: FeatureInput, lex: Lexicon): DocInfo {
  const n = input.words.length;
  const infos = infosOf(input.words, lex);
  const flags = new Int32Array(n);
  const gaz = new Int32Array(n);
  const lowerInDoc = new Set<string>();
  for (let i = 0; i < n; i++) {
    const inf = infos[i] as WordInfo;
    flags[i] = inf.flags;
    if (!(inf.flags & F_CAP) && inf.hasLetter) lowerInDoc.add(inf.lowerForm);
  }
  for (let i = 0; i < n; i++)
    if (flags[i]! & F_CAP && lowerInDoc.has(infos[i]!.lowerForm)) flags[i]! |= F_LOWER_IN_DOC;
  const capMid = new Set<string>();
  const firstPrevOf = new Map<string, number>();
  const single = new Int32Array(n);
  const cont = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    single[i] = infos[i]!.gaz;
    cont[i] = infos[i]!.cont;
  }
  for (const [a, b] of input.sentences) {
    gazetteerTags(input.words, a, b, lex, gaz, caselessWords(input.words, infos, a, b), single, cont);
    const headline = isHeadline(infos, a, b);
    for (let i = a; i < b; i++) {
      flags[i] = flags[i]! | (i === a ? F_SENT_START : 0) | (headline ? F_HEADLINE : 0);
      const inf = infos[i] as WordInfo;
      if (!(inf.flags & F_CAP) || headline) continue;
      if (i > a) capMid.add(inf.lowerForm);
      if (!firstPrevOf.has(inf.lowerForm))
        firstPrevOf.set(inf.lowerForm, i > a ? (infos[i - 1] as WordInfo).lower : BOS);
    }
  }
  const firstPrev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const lf = infos[i]!.lowerForm;
    if (capMid.has(lf)) flags[i]! |= F_CAP_MID_IN_DOC;
    firstPrev[i] = firstPrevOf.get(lf) ?? NONE;
  }
  return { infos, flags, gaz, firstPrev };
}

/** Title-cased forms of a sentence's all-caps words (other words unchanged), or undefined when it has none. */
function caselessWords(
  words: readonly string[],
  infos: readonly WordInfo[],
  a: number,
  b: number,
): string[] | undefined {
  let any = false;
  for (let i = a; i < b && !any; i++) any = infos[i]!.allUpper && (words[i]?.length ?? 0) > 1;
  if (!any) return undefined;
  const out = words.slice();
  for (let i = a; i < b; i++) {
    const inf = infos[i] as WordInfo;
    if (inf.allUpper && (words[i]?.length ?? 0) > 1) out[i] = titleCase(inf.lowerForm);
  }
  return out;
}

/** "peshawar" → "Peshawar", "dera ismail-khan" → "Dera Ismail-Khan" (letters after a hyphen too, but not after "al-"). */
function titleCase(lw: string): string {
  return lw.replace(/(^|[\s-])(\p{L})/gu, (m, sep: string, ch: string, off: number) =>
    sep === '-' && /(^|-)(al|el|ad|ar|as|ash|at|az|ul|e|i|o)-$/.test(lw.slice(0, off + 1))
      ? m
      : sep + ch.toUpperCase(),
  );
}

/** True when most words of a sentence are upper case (headlines, datelines, sports tables). */
function isHeadline(infos: readonly WordInfo[], a: number, b: number): boolean {
  let upper = 0,
    letters = 0;
  for (let i = a; i < b; i++) {
    const inf = infos[i] as WordInfo;
    if (!inf.hasLetter) continue;
    letters++;
    if (inf.allUpper) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/**
 * Extracts features for a whole document: `out[i * NUM_TEMPLATES + t]` is the hash of template t
 * at token i. `buffer`, when long enough, is written instead of a new array (a caller that labels
 * document after document reuses one), and the result is a view of it.
 */
export function extractFeatures(input: FeatureInput, lex: Lexicon, buffer?: Uint32Array): Uint32Array {
  const doc = docInfo(input, lex);
  const size = input.words.length * NUM_TEMPLATES;
  // zeroed like a new array: tokens outside every sentence get no features below
  const out = buffer && buffer.length >= size ? buffer.subarray(0, size).fill(0) : new Uint32Array(size);
  for (const [a, b] of input.sentences) {
    for (let i = a; i < b; i++) tokenFeatures(doc, a, b, i, out);
  }
  setStackFeatures(out, input.words, input.prior, lex);
  return out;
}

/**
 * Writes the stacking templates: for each capitalised word, the entity type a first pass gave
 * the same word elsewhere in the document (by exact form, and by lower-case form so a headline's
 * "TALIBAN" votes with "Taliban"), and whether those other occurrences agree. Without a prior
 * the templates hold a constant marker.
 */
export function setStackFeatures(
  out: Uint32Array,
  words: readonly string[],
  prior: Uint8Array | undefined,
  lex: Lexicon,
): void {
  const n = words.length;
  const infos = infosOf(words, lex);
  const exact = prior ? typeVotes(words, infos, prior, false) : null;
  const lower = prior ? typeVotes(words, infos, prior, true) : null;
  for (let i = 0; i < n; i++) {
    const o = i * NUM_TEMPLATES + STACK_FIRST;
    const inf = infos[i] as WordInfo;
    const ve = exact && lower && inf.flags & F_CAP ? vote(exact, inf.word, prior![i]!) : 0;
    const vl = exact && lower && inf.hasLetter ? vote(lower, inf.lower, prior![i]!) : 0;
    out[o] = mix(ve, STACK_FIRST + 1);
    out[o + 1] = mix(vl, STACK_FIRST + 2);
    out[o + 2] = mix(mix(ve, inf.short), STACK_FIRST + 3);
  }
}

/** Entity type of a BILOU label for voting: 0 for O, 1 + type otherwise. */
function voteType(label: number): number {
  return label === 0 ? 0 : 1 + ((label - 1) >> 2);
}

/** Per word hash: counts of first-pass types (O, PER, ORG, LOC, MISC) over the document's occurrences. */
function typeVotes(
  words: readonly string[],
  infos: readonly WordInfo[],
  prior: Uint8Array,
  lowerCase: boolean,
): Map<number, number[]> {
  // plain arrays: a typed array per distinct word costs more to allocate than it saves
  const votes = new Map<number, number[]>();
  for (let i = 0; i < words.length; i++) {
    const inf = infos[i] as WordInfo;
    if (!inf.hasLetter || (!lowerCase && !(inf.flags & F_CAP))) continue;
    const key = lowerCase ? inf.lower : inf.word;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = [0, 0, 0, 0, 0]));
    v[voteType(prior[i]!)]!++;
  }
  return votes;
}

/** The vote of a word's other occurrences: 0 none, else 1 + majority type, + 8 when unanimous. */
function vote(votes: Map<number, number[]>, key: number, own: number): number {
  const v = votes.get(key);
  if (!v) return 0;
  const self = voteType(own);
  let total = 0,
    best = -1,
    bestCount = 0;
  for (let t = 0; t < 5; t++) {
    const c = v[t]! - (t === self ? 1 : 0);
    total += c;
    if (c > bestCount) {
      best = t;
      bestCount = c;
    }
  }
  if (total === 0) return 0;
  return 1 + best + (bestCount === total ? 8 : 0);
}

/** Stand-ins for the words before and after a sentence: every hash field is the boundary marker. */
const BOS_INFO = boundaryInfo(BOS);
const EOS_INFO = boundaryInfo(EOS);

function boundaryInfo(h: number): WordInfo {
  // same property order as computeWordInfo, so neighbour reads stay monomorphic
  const affixes = [h, h, h, h, h, h, h, h];
  return {
    word: h,
    lower: h,
    shape: h,
    short: h,
    cluster: h,
    title: h,
    affixes,
    flags: 0,
    lowerForm: '',
    hasLetter: false,
    allUpper: false,
    gaz: 0,
    cont: 1,
    wordFeats: new Uint32Array(WORD_TEMPLATES.length),
  };
}

/** Token i's word info, or the boundary stand-in outside the sentence `[a, b)`. */
function at(doc: DocInfo, i: number, a: number, b: number): WordInfo {
  return i < a ? BOS_INFO : i >= b ? EOS_INFO : (doc.infos[i] as WordInfo);
}

/** Gazetteer bits `(tag >>> shift) & mask` of token i, or a boundary marker outside the sentence. */
function gazAt(doc: DocInfo, i: number, a: number, b: number, shift: number, mask: number): number {
  return i < a ? BOS : i >= b ? EOS : (doc.gaz[i]! >>> shift) & mask;
}

function tokenFeatures(doc: DocInfo, a: number, b: number, i: number, out: Uint32Array): void {
  const inf = doc.infos[i] as WordInfo;
  const flags = doc.flags[i]!;
  const gaz = doc.gaz[i]!;
  const sh = inf.shape,
    ss = inf.short,
    L0 = inf.lower;
  const Lm1 = at(doc, i - 1, a, b).lower,
    Lp1 = at(doc, i + 1, a, b).lower;
  const Lm2 = at(doc, i - 2, a, b).lower,
    Lp2 = at(doc, i + 2, a, b).lower;
  const Sm1 = at(doc, i - 1, a, b).short,
    Sp1 = at(doc, i + 1, a, b).short;
  const capCtx = flags & (F_CAP | F_LOWER_VOCAB | F_SENT_START | F_LOWER_IN_DOC);
  const gaz0 = gaz & BASE_CHANNELS;
  const gm1 = gazAt(doc, i - 1, a, b, 0, BASE_CHANNELS),
    gp1 = gazAt(doc, i + 1, a, b, 0, BASE_CHANNELS);
  // channels from the project's own lists (KB, places, given names), kept apart from the corpus-harvested ones
  const ext = gaz >>> 12;
  const extM1 = gazAt(doc, i - 1, a, b, 12, 0xfff),
    extP1 = gazAt(doc, i + 1, a, b, 12, 0xfff);
  // template t (0-based) holds its value mixed with t + 1
  const o = i * NUM_TEMPLATES;
  const wf = inf.wordFeats;
  for (let k = 0; k < WORD_TEMPLATE_LIST.length; k++) out[o + WORD_TEMPLATE_LIST[k]!] = wf[k]!;
  out[o + 4] = mix(Lm1, 5);
  out[o + 5] = mix(Lp1, 6);
  out[o + 6] = mix(Lm2, 7);
  out[o + 7] = mix(Lp2, 8);
  out[o + 8] = mix(at(doc, i - 1, a, b).shape, 9);
  out[o + 9] = mix(at(doc, i + 1, a, b).shape, 10);
  out[o + 10] = mix(mix(Sm1, ss), 11);
  out[o + 11] = mix(mix(ss, Sp1), 12);
  out[o + 12] = mix(mix(Lm1, L0), 13);
  out[o + 13] = mix(mix(L0, Lp1), 14);
  out[o + 22] = mix(mix(mix(Sm1, ss), Sp1), 23);
  out[o + 23] = mix(mix(flags & (F_SENT_START | F_CAP), sh), 24);
  out[o + 24] = mix(mix(flags & F_HEADLINE, L0), 25);
  out[o + 25] = mix(mix(at(doc, i - 1, a, b).word, sh), 26);
  out[o + 26] = mix(mix(capCtx, ss), 27);
  out[o + 27] = mix(mix(capCtx, L0), 28);
  out[o + 28] = mix(gaz & 7, 29);
  out[o + 29] = mix((gaz >> 3) & 7, 30);
  out[o + 30] = mix((gaz >> 6) & 7, 31);
  out[o + 31] = mix((gaz >> 9) & 7, 32);
  out[o + 32] = mix(gaz0, 33);
  out[o + 33] = mix(mix(gm1, gaz0), 34);
  out[o + 34] = mix(mix(gaz0, gp1), 35);
  out[o + 35] = mix(mix(Lm1, sh), 36);
  out[o + 36] = mix(mix(Lp1, sh), 37);
  out[o + 37] = mix(mix(gaz0, ss), 38);
  out[o + 38] = mix(mix(Lm2, Lm1), 39);
  out[o + 39] = mix(mix(Lp1, Lp2), 40);
  out[o + 41] = mix(at(doc, i - 1, a, b).cluster, 42);
  out[o + 42] = mix(at(doc, i + 1, a, b).cluster, 43);
  out[o + 43] = mix(mix(flags & F_HEADLINE, sh), 44);
  out[o + 44] = mix(flags & F_HEADLINE || (i === a && inf.allUpper) ? inf.title : NONE, 45);
  out[o + 45] = mix(mix(flags & (F_CAP_MID_IN_DOC | F_SENT_START | F_HEADLINE | F_CAP), ss), 46);
  out[o + 46] = mix(mix(doc.firstPrev[i]!, flags & F_CAP), 47);
  out[o + 47] = mix(ext & 7, 48);
  out[o + 48] = mix((ext >> 3) & 7, 49);
  out[o + 49] = mix((ext >> 6) & 7, 50);
  out[o + 50] = mix((ext >> 9) & 7, 51);
  out[o + 51] = mix(mix(ext, ss), 52);
  out[o + 52] = mix(mix(mix(extM1, ext), extP1), 53);
}
