/** Reads the UN Security Council consolidated sanctions list XML (INDIVIDUAL and ENTITY records with aliases). */
import { XMLParser } from 'fast-xml-parser';
import { SitrepError, messageOf } from '../../core/index.js';
import type { ImportedActor } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

function asList(v: unknown): Node[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, ' ').trim() : '';
}

/** "ISLAMIC STATE … (ISIL-K)" → name without the parenthetical, and the acronym inside it. */
function splitAcronym(name: string): { name: string; acronyms: string[] } {
  const m = /^(.*?)\s*\(([A-Z][A-Za-z0-9\-–. ]{1,14})\)\s*$/.exec(name);
  if (!m?.[1] || !m[2]) return { name, acronyms: [] };
  return { name: m[1], acronyms: [m[2].replace(/\s*[-–]\s*/g, '-')] };
}

/** Upper-case list names read better in title case: "SANAULLAH GHAFARI" → "Sanaullah Ghafari". */
function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’(/])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

function aliasesOf(record: Node, tag: string): { aliases: string[]; acronyms: string[] } {
  const aliases: string[] = [];
  const acronyms: string[] = [];
  for (const a of asList(record[tag])) {
    const name = text(a.ALIAS_NAME);
    if (!name || text(a.QUALITY).toLowerCase() === 'low') continue;
    const split = splitAcronym(name);
    if (/^[A-Z0-9][A-Z0-9-]{1,9}$/.test(split.name) && !split.name.includes(' ')) acronyms.push(split.name);
    else aliases.push(titleCase(split.name));
    acronyms.push(...split.acronyms);
  }
  return { aliases, acronyms };
}

function individual(r: Node): ImportedActor | null {
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => text(r[k]))
    .filter(Boolean);
  if (parts.length === 0) return null;
  const { aliases } = aliasesOf(r, 'INDIVIDUAL_ALIAS');
  const original = text(r.NAME_ORIGINAL_SCRIPT);
  const nationality = asList((r.NATIONALITY as Node | undefined)?.VALUE).map(text)[0] ?? null;
  return {
    ref: text(r.REFERENCE_NUMBER) || text(r.DATAID),
    name: titleCase(parts.join(' ')),
    type: 'person',
    aliases: original ? [...aliases, original] : aliases,
    acronyms: [],
    country: nationality,
    note: text(r.COMMENTS1).slice(0, 300),
  };
}

function entity(r: Node): ImportedActor | null {
  const raw = text(r.FIRST_NAME);
  if (!raw) return null;
  const split = splitAcronym(raw);
  const { aliases, acronyms } = aliasesOf(r, 'ENTITY_ALIAS');
  const address =
    asList(r.ENTITY_ADDRESS)
      .map((a) => text(a.COUNTRY))
      .find(Boolean) ?? null;
  return {
    ref: text(r.REFERENCE_NUMBER) || text(r.DATAID),
    name: titleCase(split.name),
    type: 'group',
    aliases,
    acronyms: [...split.acronyms, ...acronyms],
    country: address,
    note: text(r.COMMENTS1).slice(0, 300),
  };
}

/** Parses a UN consolidated list XML document into imported actors. Throws a clear error on malformed input. */
export function parseUnConsolidatedXml(xml: string, where = 'input'): ImportedActor[] {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw new SitrepError('unsupported_type', `${where}: not well-formed XML (${messageOf(err)})`, {
      cause: err,
    });
  }
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root || typeof root !== 'object') {
    throw new SitrepError(
      'unsupported_type',
      `${where}: not a UN consolidated list (no CONSOLIDATED_LIST element)`,
    );
  }
  const people = asList((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL).map(individual);
  const entities = asList((root.ENTITIES as Node | undefined)?.ENTITY).map(entity);
  return [...people, ...entities].filter((x): x is ImportedActor => x !== null);
}
