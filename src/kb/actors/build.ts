/** Builds the in-memory knowledge base: entries, an id index, and name indexes for lookup and matching. */
import { nameSkeleton, stripTitles } from '../names/index.js';
import type { ActorEntry, ActorKb, ActorName } from './types.js';

/** Name variants worth indexing: the name itself and, when it has one, the name without a parenthetical. */
function variants(name: string): string[] {
  const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return bare && bare !== name ? [name, bare] : [name];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Every name of an entry, as the matcher indexes it. */
export function namesOf(entry: ActorEntry): ActorName[] {
  const names: ActorName[] = [];
  for (const n of [entry.name, ...entry.aliases]) {
    for (const v of variants(n)) names.push({ surface: v, entryId: entry.id, acronym: false });
  }
  for (const a of entry.acronyms) names.push({ surface: a, entryId: entry.id, acronym: true });
  return names;
}

/** An ActorKb over the given entries. */
export function buildActorKb(entries: readonly ActorEntry[]): ActorKb {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const bySkeleton = new Map<string, ActorEntry[]>();
  const byAcronym = new Map<string, ActorEntry[]>();
  const names = entries.flatMap(namesOf);
  for (const n of names) {
    const entry = byId.get(n.entryId) as ActorEntry;
    if (n.acronym) push(byAcronym, n.surface, entry);
    else {
      const key = nameSkeleton(n.surface);
      if (key) push(bySkeleton, key, entry);
    }
  }
  return {
    entries,
    names,
    get: (id) => byId.get(id) ?? byId.get(`actor:${id}`),
    lookup(surface) {
      const s = surface.trim();
      const hits = [...(byAcronym.get(s) ?? [])];
      for (const form of new Set([s, stripTitles(s)])) {
        for (const e of bySkeleton.get(nameSkeleton(form)) ?? []) if (!hits.includes(e)) hits.push(e);
      }
      return hits;
    },
  };
}
