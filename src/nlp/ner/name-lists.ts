/**
 * Builds the NER's gazetteer channels from the project's own data: reference-KB actors
 * (data/kb/*.json), gazetteer places (data/gazetteer/places.tsv) and given names harvested from
 * person names of other corpora. Phrases are tokenised with this package's tokenizer, so they
 * match the words the recogniser sees at run time.
 */
import { tokenize } from '../tokenize.js';
import { spansFromTags, type ConllDocument } from './conll.js';
import { normalizeWord } from './features.js';
import { MAX_PHRASE } from './lexicon.js';

/** The fields of a KB actor the NER uses. */
export interface KbActorNames {
  readonly type: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly acronyms?: readonly string[];
}

/** A phrase as the recogniser sees it: tokens normalised and joined by single spaces ('' when too long). */
export function phraseKey(text: string): string {
  const words = tokenize(text).map((t) => normalizeWord(t.text));
  return words.length > 0 && words.length <= MAX_PHRASE ? words.join(' ') : '';
}

/** "al-Qaeda" → also "Al-Qaeda" (sentence-initial form). */
function withCapitalised(key: string): string[] {
  const cap = key.charAt(0).toUpperCase() + key.slice(1);
  return cap === key ? [key] : [key, cap];
}

/** Names, aliases and acronyms of KB actors: groups and organisations, and persons. */
export function kbNames(actors: readonly KbActorNames[]): { org: string[]; per: string[] } {
  const org = new Set<string>(),
    per = new Set<string>();
  for (const a of actors) {
    const target = a.type === 'person' ? per : a.type === 'group' || a.type === 'organization' ? org : null;
    if (!target) continue;
    for (const text of [a.name, ...(a.aliases ?? []), ...(a.acronyms ?? [])]) {
      const key = phraseKey(text);
      // one-letter acronyms and lower-case aliases ("the group") would fire on common words
      if (key.length < 2 || !/\p{Lu}/u.test(key)) continue;
      for (const k of withCapitalised(key)) target.add(k);
    }
  }
  return { org: [...org].sort(), per: [...per].sort() };
}

/** Strips diacritics ("Goïta" → "Goita"), for a second, ASCII form of a name. */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Place names from the gazetteer's places.tsv (`id name lat lon cc adm1 adm2 class code population`):
 * countries, admin areas and admin seats of any size, other populated places of at least `minPopulation`.
 */
export function placeNames(tsv: string, minPopulation: number): string[] {
  const out = new Set<string>();
  for (const line of tsv.split('\n')) {
    const cols = line.split('\t');
    const name = cols[1],
      cls = cols[7],
      pop = Number(cols[9] ?? 0);
    // seats of provinces and districts count whatever their recorded population (often 0)
    const seat = /^PPL(A|C)/.test(cols[8] ?? '');
    if (!name || (cls === 'P' && !seat && !(pop >= minPopulation))) continue;
    for (const form of new Set([name, foldDiacritics(name)])) {
      const key = phraseKey(form);
      if (key && /^\p{Lu}/u.test(key)) out.add(key);
    }
  }
  return [...out].sort();
}

/** Given names: first words of multi-word person names seen at least `minCount` times, plus KB persons' first words. */
export function givenNames(
  docs: readonly ConllDocument[],
  kbPersons: readonly string[],
  minCount: number,
): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const [a, b] of doc.sentences) {
      for (const s of spansFromTags(doc.tags, a, b)) {
        const first = doc.words[s.start] ?? '';
        if (s.type === 0 && s.end - s.start >= 2 && /^\p{Lu}\p{Ll}+$/u.test(first))
          counts.set(first, (counts.get(first) ?? 0) + 1);
      }
    }
  }
  const out = new Set([...counts].filter(([, c]) => c >= minCount).map(([w]) => w));
  for (const name of kbPersons) {
    const first = name.split(' ')[0] ?? '';
    if (name.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(first)) out.add(first);
  }
  return [...out].sort();
}
