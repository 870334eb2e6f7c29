/**
 * Dictionary matching of actor names over a text. Names are compared word by word on their
 * transliteration-aware keys, so "Pakistan’s military", "Tehreek-E-Taliban Pakistan" and "al-Qaida"
 * hit "Pakistan's military", "Tehrik-i-Taliban Pakistan" and "al-Qaeda"; acronyms are compared
 * exactly and case-sensitively, so "ISI" never hits "Isi". The longest match at a position wins.
 */
import {
  fillerBefore,
  isCapitalized,
  isFillerWord,
  wordKey,
  wordSkeleton,
  wordsOf,
  type Word,
} from '../names/index.js';
import type { ActorEntry, ActorKb } from './types.js';

/** A name of one or more actors found in a text. */
export interface ActorMatch {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly entries: readonly ActorEntry[];
  readonly acronym: boolean;
}

interface Terminal {
  readonly entryIds: string[];
  /** Per content word: must the text's word be capitalised? */
  readonly caps: readonly boolean[];
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  readonly terminals: Terminal[];
}

interface Index {
  readonly root: TrieNode;
  readonly acronyms: Map<string, { surface: string; entryIds: string[] }[]>;
}

const indexes = new WeakMap<ActorKb, Index>();

function node(): TrieNode {
  return { next: new Map(), terminals: [] };
}

function addName(root: TrieNode, surface: string, entryId: string): void {
  const words = wordsOf(surface).filter((w) => !isFillerWord(w.raw, surface.slice(w.end)));
  if (words.length === 0) return;
  let at = root;
  for (const w of words) {
    const key = wordSkeleton(w.raw);
    let child = at.next.get(key);
    if (!child) at.next.set(key, (child = node()));
    at = child;
  }
  const caps = words.map((w) => isCapitalized(w.raw));
  const same = at.terminals.find((t) => t.caps.join() === caps.join());
  if (same) {
    if (!same.entryIds.includes(entryId)) same.entryIds.push(entryId);
  } else at.terminals.push({ entryIds: [entryId], caps });
}

function buildIndex(kb: ActorKb): Index {
  const root = node();
  const acronyms = new Map<string, { surface: string; entryIds: string[] }[]>();
  for (const n of kb.names) {
    if (!n.acronym) {
      addName(root, n.surface, n.entryId);
      continue;
    }
    const head = /^[\p{L}\p{N}]+/u.exec(n.surface)?.[0] ?? n.surface;
    const list = acronyms.get(head) ?? [];
    const same = list.find((x) => x.surface === n.surface);
    if (same) same.entryIds.push(n.entryId);
    else list.push({ surface: n.surface, entryIds: [n.entryId] });
    acronyms.set(head, list);
  }
  return { root, acronyms };
}

function indexOf(kb: ActorKb): Index {
  let idx = indexes.get(kb);
  if (!idx) indexes.set(kb, (idx = buildIndex(kb)));
  return idx;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** The gap between two words of one name: spaces, hyphens, a possessive, or an initial's period. */
function joinable(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t\u00a0\-‐‑'’ʼ&/]*$/.test(gap)) return true;
  return a.raw.length === 1 && /^\.[ \t\u00a0]?$/.test(gap);
}

function acronymAt(text: string, w: Word, idx: Index): { surface: string; entryIds: string[] } | null {
  let best: { surface: string; entryIds: string[] } | null = null;
  for (const cand of idx.acronyms.get(w.raw) ?? []) {
    if (!text.startsWith(cand.surface, w.start)) continue;
    const after = text.charAt(w.start + cand.surface.length);
    if (after && ALNUM.test(after)) continue;
    if (!best || cand.surface.length > best.surface.length) best = cand;
  }
  return best;
}

/** A text's words with their skeletons, and which of them are fillers where they stand. */
interface TextWords {
  readonly words: readonly Word[];
  readonly skeletons: readonly string[];
  readonly filler: Uint8Array;
}

function textWords(text: string, words: readonly Word[]): TextWords {
  const skeletons: string[] = new Array<string>(words.length);
  const filler = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const k = wordKey(w.raw);
    skeletons[i] = k.skeleton;
    if (fillerBefore(k, text.charCodeAt(w.end))) filler[i] = 1;
  }
  return { words, skeletons, filler };
}

/** The longest name match starting at content word `i`, as [last word index, terminal]. */
function nameAt(text: string, tw: TextWords, i: number, idx: Index): [number, Terminal] | null {
  const { words, skeletons, filler } = tw;
  // most words start no name: one look-up rules them out before any path is built
  let at: TrieNode | undefined = idx.root.next.get(skeletons[i] as string);
  if (!at) return null;
  let best: [number, Terminal] | null = null;
  const path: number[] = [];
  for (let j = i; j < words.length && at; j++) {
    const w = words[j] as Word;
    if (j > i) {
      if (!joinable(text, words[j - 1] as Word, w)) break;
      if (filler[j]) continue;
      at = at.next.get(skeletons[j] as string);
      if (!at) break;
    }
    path.push(j);
    for (const t of at.terminals) {
      const ok = t.caps.every(
        (needCap, k) => !needCap || isCapitalized((words[path[k] as number] as Word).raw),
      );
      if (ok) best = [j, t];
    }
  }
  return best;
}

/** Extends a match left over an attached Arabic article ("al-" in "al-Qaeda", "Al " in "Al Shabaab"). */
function withArticle(text: string, words: readonly Word[], i: number): number {
  const prev = words[i - 1];
  const w = words[i] as Word;
  if (!prev || !/^(al|el)$/i.test(prev.raw)) return w.start;
  return /^[-‐‑ ]$/.test(text.slice(prev.end, w.start)) ? prev.start : w.start;
}

/**
 * Every actor name in `text`, left to right, longest first at each position, not overlapping.
 * `words` are the text's words when the caller has them already.
 */
export function matchActorNames(
  kb: ActorKb,
  text: string,
  words: readonly Word[] = wordsOf(text),
): ActorMatch[] {
  const idx = indexOf(kb);
  const tw = textWords(text, words);
  const out: ActorMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (tw.filler[i]) continue;
    const acr = acronymAt(text, w, idx);
    const named = nameAt(text, tw, i, idx);
    const namedEnd = named ? (words[named[0]] as Word).end : -1;
    if (acr && w.start + acr.surface.length >= namedEnd) {
      const end = w.start + acr.surface.length;
      out.push(match(kb, text, w.start, end, acr.entryIds, true));
      while (i + 1 < words.length && (words[i + 1] as Word).start < end) i++;
    } else if (named) {
      out.push(match(kb, text, withArticle(text, words, i), namedEnd, named[1].entryIds, false));
      i = named[0];
    }
  }
  return out;
}

function match(
  kb: ActorKb,
  text: string,
  start: number,
  end: number,
  ids: readonly string[],
  acronym: boolean,
): ActorMatch {
  const entries = ids.map((id) => kb.get(id)).filter((e): e is ActorEntry => !!e);
  return { start, end, surface: text.slice(start, end), entries, acronym };
}
