/**
 * Links imported list records to built-in actors, so a listed actor is one entry, not two:
 * first by the list's reference number when the built-in entry carries it, then by a full name or
 * alias that names exactly one built-in actor of a compatible type. Acronyms alone never link
 * (short forms are ambiguous across lists and regions).
 */
import type { ActorEntry, ActorKb } from '../actors/index.js';
import type { ImportedActor } from './types.js';

function compatible(a: ImportedActor, e: ActorEntry): boolean {
  return (a.type === 'person') === (e.type === 'person');
}

/** The built-in entry the record stands for, or null. `refKey` is the refs key of the list ("un"). */
export function linkToBuiltin(kb: ActorKb, a: ImportedActor, refKey: string | null): ActorEntry | null {
  if (refKey) {
    const byRef = kb.entries.find((e) => e.refs?.[refKey] === a.ref && compatible(a, e));
    if (byRef) return byRef;
  }
  const hits = new Set<ActorEntry>();
  for (const name of [a.name, ...a.aliases]) {
    for (const e of kb.lookup(name)) if (compatible(a, e) && e.lists.includes('builtin')) hits.add(e);
  }
  return hits.size === 1 ? ([...hits][0] as ActorEntry) : null;
}

/** The record's names that would not also name another built-in actor (safe to add to the linked entry). */
export function safeNames(kb: ActorKb, names: readonly string[], linked: ActorEntry): string[] {
  return names.filter((n) => kb.lookup(n).every((e) => e.id === linked.id));
}
