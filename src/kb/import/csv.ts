/** Reads a simple watch list in CSV: `name,type,aliases,country,note`, aliases separated by `;`. */
import { parse } from 'csv-parse/sync';
import { SitrepError, messageOf } from '../../core/index.js';
import { ACTOR_TYPES, type ActorType } from '../actors/index.js';
import type { ImportedActor } from './types.js';

const COLUMNS = ['name', 'type', 'aliases', 'country', 'note'];

function rows(csv: string, where: string): Record<string, string>[] {
  try {
    return parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    throw new SitrepError('unsupported_type', `${where}: not valid CSV (${messageOf(err)})`, { cause: err });
  }
}

/** A short form in the alias column ("TTP", "IS-K") goes to acronyms, matched exactly. */
function isAcronym(s: string): boolean {
  return /^[A-Z0-9][A-Za-z0-9\-&]{1,9}$/.test(s) && (s.match(/[A-Z]/g) ?? []).length >= 2;
}

/** Parses the CSV into imported actors; a missing header or bad type is an error naming the line. */
export function parseActorCsv(csv: string, where = 'input'): ImportedActor[] {
  const records = rows(csv, where);
  if (records.length > 0 && !('name' in (records[0] as object))) {
    throw new SitrepError(
      'unsupported_type',
      `${where}: the first line must be the header ${COLUMNS.join(',')}`,
    );
  }
  return records.map((r, i) => {
    const line = i + 2;
    const name = r.name ?? '';
    const type = (r.type || 'group').toLowerCase() as ActorType;
    if (!name) throw new SitrepError('unsupported_type', `${where}:${line}: empty name`);
    if (!ACTOR_TYPES.includes(type)) {
      throw new SitrepError(
        'unsupported_type',
        `${where}:${line}: type "${r.type}" must be group, organization or person`,
      );
    }
    const all = (r.aliases ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean);
    return {
      ref: `row${line}`,
      name,
      type,
      aliases: all.filter((a) => !isAcronym(a)),
      acronyms: all.filter(isAcronym),
      country: r.country || null,
      note: r.note ?? '',
    };
  });
}
