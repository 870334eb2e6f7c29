/** Imports a watch or sanctions list file into the user's knowledge-base folder, one JSON file per list. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SitrepError, messageOf } from '../../core/index.js';
import { defaultUserKbDir, loadActorKb, type ActorKb, type StoredActor } from '../actors/index.js';
import { parseUnConsolidatedXml } from './un-xml.js';
import { parseActorCsv } from './csv.js';
import { countryCode } from './countries.js';
import { linkToBuiltin, safeNames } from './link.js';
import type { ImportedActor } from './types.js';

export type ListFormat = 'un-xml' | 'csv';

/** What an import did: how many records, which were linked to built-in actors, where the list was written. */
export interface ImportSummary {
  readonly list: string;
  readonly format: ListFormat;
  readonly path: string;
  readonly total: number;
  readonly linked: readonly { readonly ref: string; readonly name: string; readonly to: string }[];
  readonly added: number;
}

/** Guesses the format: XML when the content starts with `<`, else CSV. */
export function detectFormat(file: string, content: string): ListFormat {
  if (/^\s*</.test(content) || extname(file).toLowerCase() === '.xml') return 'un-xml';
  return 'csv';
}

/** A list name from a file name: "UN_consolidated.xml" → "un-consolidated". */
export function listNameOf(file: string): string {
  const base = basename(file, extname(file));
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'list'
  );
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function toStored(kb: ActorKb, a: ImportedActor, list: string, refKey: string | null): StoredActor {
  const linked = linkToBuiltin(kb, a, refKey);
  const names = linked ? safeNames(kb, [a.name, ...a.aliases], linked) : a.aliases;
  return {
    id: slug(a.ref) || slug(a.name),
    name: a.name,
    type: a.type,
    aliases: linked ? names.filter((n) => n !== a.name) : names,
    acronyms: linked ? a.acronyms.filter((x) => kb.lookup(x).every((e) => e.id === linked.id)) : a.acronyms,
    country: countryCode(a.country),
    affiliations: [],
    source: `${list}${a.note ? `: ${a.note}` : ''}`,
    refs: { [refKey ?? list]: a.ref },
    sameAs: linked?.id ?? null,
  };
}

/** Parses `file` (UN consolidated XML or CSV), links its records to built-in actors and writes `<userDir>/<list>.json`. */
export function importActorList(
  file: string,
  opts: { list?: string; userDir?: string; format?: ListFormat } = {},
): ImportSummary {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SitrepError('unreadable', `${file}: ${messageOf(err)}`, { cause: err });
  }
  if (!content.trim()) throw new SitrepError('empty_input', `${file}: empty file`);
  const format = opts.format ?? detectFormat(file, content);
  const records = format === 'un-xml' ? parseUnConsolidatedXml(content, file) : parseActorCsv(content, file);
  if (records.length === 0) throw new SitrepError('empty_input', `${file}: no actors found`);
  const list = opts.list ?? listNameOf(file);
  const userDir = opts.userDir ?? defaultUserKbDir();
  const kb = loadActorKb({ userDir: null });
  const refKey = format === 'un-xml' ? 'un' : null;
  const actors = records.map((a) => toStored(kb, a, list, refKey));
  mkdirSync(userDir, { recursive: true });
  const path = join(userDir, `${slug(list)}.json`);
  writeFileSync(path, `${JSON.stringify({ list, format, imported: file, actors }, null, 1)}\n`);
  const linked = actors
    .filter((a) => a.sameAs)
    .map((a) => ({ ref: Object.values(a.refs ?? {})[0] ?? a.id, name: a.name, to: a.sameAs as string }));
  return { list, format, path, total: actors.length, linked, added: actors.length - linked.length };
}
