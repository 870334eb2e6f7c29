/** Loads the built-in actor files and the user's imported lists into one knowledge base. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SitrepError, messageOf } from '../../core/index.js';
import { buildActorKb } from './build.js';
import { builtinKbDir, defaultUserKbDir } from './paths.js';
import type { ActorEntry, ActorKb } from './types.js';
import { validateActorFile, type StoredActor } from './validate.js';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new SitrepError('bad_request', `${path}: not valid JSON (${messageOf(err)})`, { cause: err });
  }
}

function jsonFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .sort()
    .map((f) => join(dir, f));
}

/** The stored record without its link field, which the loaded entry does not carry. */
function withoutSameAs(a: StoredActor): Omit<StoredActor, 'sameAs'> {
  const copy: StoredActor = { ...a };
  delete (copy as { sameAs?: unknown }).sameAs;
  return copy;
}

function builtinEntry(a: StoredActor): ActorEntry {
  return {
    ...withoutSameAs(a),
    id: `actor:${a.id}`,
    affiliations: a.affiliations.map((f) => ({ type: f.type, target: `actor:${f.target}` })),
    lists: ['builtin'],
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** An imported list file: `{ list, actors }` where an actor with `sameAs` enriches that built-in entry. */
function readUserList(path: string): { list: string; actors: StoredActor[] } {
  const raw = readJson(path) as { list?: unknown };
  const list = typeof raw.list === 'string' ? raw.list : path;
  return { list, actors: validateActorFile(raw, path) };
}

/** Adds an imported list: linked entries enrich their built-in entry, the rest become entries of their own. */
function mergeList(entries: Map<string, ActorEntry>, list: string, actors: readonly StoredActor[]): void {
  for (const a of actors) {
    const target = a.sameAs ? entries.get(a.sameAs) : undefined;
    if (target) {
      entries.set(target.id, {
        ...target,
        aliases: union(target.aliases, [a.name, ...a.aliases]),
        acronyms: union(target.acronyms, a.acronyms),
        lists: target.lists.includes(list) ? target.lists : [...target.lists, list],
        refs: { ...(target.refs ?? {}), ...(a.refs ?? {}) },
      });
      continue;
    }
    const id = `list:${list}:${a.id}`;
    entries.set(id, { ...withoutSameAs(a), id, lists: [list] });
  }
}

/**
 * Loads the built-in actors (data/kb/actors-*.json) and every list imported into `userDir`
 * (default: `SITREP_KB_DIR`, else `./sitrep-kb`; null for built-in entries only).
 */
export function loadActorKb(opts: { userDir?: string | null; builtinDir?: string } = {}): ActorKb {
  const entries = new Map<string, ActorEntry>();
  for (const file of jsonFiles(opts.builtinDir ?? builtinKbDir(), 'actors')) {
    for (const a of validateActorFile(readJson(file), file)) entries.set(`actor:${a.id}`, builtinEntry(a));
  }
  // userDir null: built-in entries only (used when linking a list being imported).
  const userDir = opts.userDir === null ? null : (opts.userDir ?? defaultUserKbDir());
  for (const file of userDir ? jsonFiles(userDir) : []) {
    const { list, actors } = readUserList(file);
    mergeList(entries, list, actors);
  }
  return buildActorKb([...entries.values()]);
}
