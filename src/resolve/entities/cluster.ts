/**
 * Groups candidate mentions into entities with a union–find: same KB actor; same transliteration
 * key; acronym definitions and alias appositives; surname-only and title forms of one person
 * ("Ghafari", "Mr Ghafari"); variant spellings of a surname (Ghafari / Ghafri) when edit distance is
 * small, the context is shared and no other person fits. Ambiguous surnames ("Sheikh" with three
 * Sheikhs in the text) are dropped rather than guessed.
 */
import {
  editDistance,
  foldWord,
  isCapitalized,
  isFillerWord,
  nameSkeleton,
  wordSkeleton,
} from '../../kb/names/index.js';
import type { ActorEntry } from '../../kb/actors/index.js';
import type { Sentence } from '../../nlp/index.js';
import type { Candidate, PlaceMention } from './types.js';
import { surfaceWords } from './words.js';

/**
 * A place the gazetteer lacks, which the geoparser put at the nearest named town with no
 * confidence ("Dasht-e-Barchi" at Kabul): its own entity, not another name of that town.
 */
export function isStandIn(p: PlaceMention): boolean {
  return p.confidence === 0 && nameSkeleton(p.name) !== nameSkeleton(p.surface);
}

/** A union–find over candidate indexes. */
export class Clusters {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  /** The representative of i's cluster. */
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    this.parent[i] = r;
    return r;
  }
  /** Joins the clusters of a and b. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Picks one KB entry for an ambiguous name: the one whose country the document's places mention most. */
export function chooseEntry(
  entries: readonly ActorEntry[],
  countries: ReadonlyMap<string, number>,
): ActorEntry | null {
  if (entries.length <= 1) return entries[0] ?? null;
  const score = (e: ActorEntry) => (e.country ? (countries.get(e.country) ?? 0) : 0);
  const best = [...entries].sort((a, b) => score(b) - score(a))[0] as ActorEntry;
  return score(best) > 0 || entries.every((e) => e.country === null) ? best : (entries[0] as ActorEntry);
}

function isPersonish(c: Candidate): boolean {
  return c.label === 'PER' || c.entries[0]?.type === 'person';
}

/** Last words (keys) of multi-word person names, for surname linking. */
function personSurnames(cands: readonly Candidate[], cl: Clusters): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const [i, c] of cands.entries()) {
    if (!isPersonish(c) || c.kind === 'place') continue;
    const words = surfaceWords(c.surface);
    if (words.length < 2) continue;
    const key = wordSkeleton((words[words.length - 1] as { raw: string }).raw);
    const set = out.get(key) ?? new Set<number>();
    set.add(cl.find(i));
    out.set(key, set);
  }
  return out;
}

/** Index of the sentence holding `pos`. */
export function sentenceOf(sentences: readonly Sentence[], pos: number): number {
  const i = sentences.findIndex((s) => s.start <= pos && pos < s.end);
  return i < 0 ? 0 : i;
}

/** Links one-word names to the one person whose surname they are (or nearly are); returns candidates to drop. */
export function linkSurnames(
  text: string,
  cands: Candidate[],
  cl: Clusters,
  sentences: readonly Sentence[],
): Set<number> {
  const drop = new Set<number>();
  const surnames = personSurnames(cands, cl);
  for (const [i, c] of cands.entries()) {
    if (c.kind === 'place' && surnamePlace(text, c, surnames, cl, i)) continue;
    if (c.kind === 'place' || c.entries.length > 0) continue;
    // "al-Jubouri" is one surname with its attached article
    const words = surfaceWords(c.surface).filter(
      (w, k, all) => !(k < all.length - 1 && isFillerWord(w.raw, c.surface.slice(w.end, w.end + 1))),
    );
    if (words.length !== 1) continue;
    const key = wordSkeleton((words[0] as { raw: string }).raw);
    const exact = [...(surnames.get(key) ?? [])].filter((r) => r !== cl.find(i));
    if (exact.length === 1) cl.union(i, exact[0] as number);
    else if (exact.length > 1) drop.add(i);
    else linkVariant(cands, cl, sentences, i, surnames);
  }
  return drop;
}

/** Place kinds too big to be read as a person's surname ("Jordan", "Georgia"). */
const BIG_PLACE = new Set(['continent', 'region', 'country', 'admin1']);

/**
 * A small place whose name is the exact surname of one person of the document, used where no
 * preposition makes it a place ("Speaking in an interview, Sánchez said"): the person, again. The
 * candidate becomes a name mention of that person (its gazetteer reading is dropped).
 */
function surnamePlace(
  text: string,
  c: Candidate,
  surnames: Map<string, Set<number>>,
  cl: Clusters,
  i: number,
): boolean {
  if (!c.place || BIG_PLACE.has(c.place.geo.featureClass) || c.entries.length) return false;
  const words = surfaceWords(c.surface);
  if (words.length !== 1) return false;
  const owners = [...(surnames.get(wordSkeleton((words[0] as { raw: string }).raw)) ?? [])];
  if (owners.length !== 1) return false;
  const lead = text.slice(Math.max(0, c.start - 30), c.start);
  if (
    /\b(?:in|at|near|from|to|into|outside|inside|of|around|towards?|across|via|through)\s+(?:the\s+)?$/i.test(
      lead,
    )
  )
    return false;
  c.place = null;
  c.kind = 'ner';
  c.label = 'PER';
  cl.union(i, owners[0] as number);
  return true;
}

/** Surnames within a small edit distance (Ghafari / Ghafri), with shared context and a unique candidate. */
function linkVariant(
  cands: readonly Candidate[],
  cl: Clusters,
  sentences: readonly Sentence[],
  i: number,
  surnames: Map<string, Set<number>>,
): void {
  const c = cands[i] as Candidate;
  const word = foldWord(c.surface);
  if (word.length < 5 || !isCapitalized(c.surface)) return;
  const near = new Set<number>();
  for (const [j, other] of cands.entries()) {
    if (!isPersonish(other) || j === i) continue;
    const ws = surfaceWords(other.surface);
    if (ws.length < 2) continue;
    const last = foldWord((ws[ws.length - 1] as { raw: string }).raw);
    const limit = Math.min(word.length, last.length) >= 8 ? 2 : 1;
    if (last !== word && last.charAt(0) === word.charAt(0) && editDistance(last, word) <= limit)
      near.add(cl.find(j));
  }
  if (near.size !== 1 || surnames.size === 0) return;
  const target = [...near][0] as number;
  if (sharesContext(cands, cl, sentences, i, target)) cl.union(i, target);
}

/** True when an entity other than the two appears near the variant and near a mention of the target. */
function sharesContext(
  cands: readonly Candidate[],
  cl: Clusters,
  sentences: readonly Sentence[],
  i: number,
  target: number,
): boolean {
  const clustersNear = (pos: number) => {
    const s = sentenceOf(sentences, pos);
    const out = new Set<number>();
    for (const [k, x] of cands.entries())
      if (Math.abs(sentenceOf(sentences, x.start) - s) <= 1) out.add(cl.find(k));
    return out;
  };
  const mine = clustersNear((cands[i] as Candidate).start);
  mine.delete(cl.find(i));
  mine.delete(target);
  for (const [k, x] of cands.entries()) {
    if (cl.find(k) !== target) continue;
    for (const r of clustersNear(x.start)) if (mine.has(r)) return true;
  }
  return false;
}

/** Joins candidates naming the same KB actor, or sharing a transliteration key and a compatible label. */
export function linkByName(
  cands: readonly Candidate[],
  cl: Clusters,
  chosen: ReadonlyMap<number, ActorEntry | null>,
): void {
  const byKey = new Map<string, number>();
  for (const [i, c] of cands.entries()) {
    const entry = chosen.get(i);
    const key = entry
      ? `kb:${entry.id}`
      : c.place && !isStandIn(c.place)
        ? `place:${c.place.kbId}`
        : `name:${c.label === 'PER' ? 'p' : 'o'}:${nameSkeleton(c.surface)}`;
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, i);
    else cl.union(prev, i);
  }
}
