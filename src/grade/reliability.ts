/**
 * Source reliability (Admiralty A–F): a default per source kind, overridable per outlet and per
 * named source in a JSON file the user edits:
 *
 * ```json
 * { "kinds": { "anonymous": "D" },
 *   "outlets": { "Reuters": "B", "example-news.com": "D" },
 *   "sources": { "ISPR": "C" } }
 * ```
 * Outlet and source keys match case-insensitively as substrings of the outlet or source name.
 */
import { readFileSync } from 'node:fs';
import type { Reliability, SourceKind } from '../core/index.js';

import type { ReliabilityConfig } from '../extract/grading.js';

export type { ReliabilityConfig } from '../extract/grading.js';

/**
 * Defaults per kind. Why: state bodies and wire agencies usually are right about what they
 * report (B); outlets and eyewitnesses fairly often (C); anonymous sources and parties claiming
 * their own acts have an interest or cannot be checked (D); social-media accounts, unvetted (E);
 * an unclassified source cannot be judged (F).
 */
export const DEFAULT_KIND_RELIABILITY: Readonly<Record<SourceKind, Reliability>> = {
  official: 'B',
  agency: 'B',
  outlet: 'C',
  witness: 'C',
  anonymous: 'D',
  perpetrator_claim: 'D',
  social_media: 'E',
  unknown: 'F',
};

const GRADES = new Set(['A', 'B', 'C', 'D', 'E', 'F']);

function checkGrades(where: string, rec: unknown): Record<string, Reliability> {
  if (rec === undefined) return {};
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec))
    throw new Error(`${where} must be an object of name → grade`);
  for (const [k, v] of Object.entries(rec))
    if (!GRADES.has(v as string))
      throw new Error(`${where}.${k}: "${String(v)}" is not an Admiralty grade A–F`);
  return rec as Record<string, Reliability>;
}

/** Reads and checks a reliability config file (JSON); no path → the defaults. Throws with the offending key when invalid. */
export function loadReliabilityConfig(path?: string): ReliabilityConfig {
  if (!path) return {};
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const kinds = checkGrades('kinds', raw.kinds);
  for (const k of Object.keys(kinds))
    if (!(k in DEFAULT_KIND_RELIABILITY)) throw new Error(`kinds.${k}: unknown source kind`);
  const defaultOutlet = raw.defaultOutlet;
  if (defaultOutlet !== undefined && !GRADES.has(defaultOutlet as string))
    throw new Error(`defaultOutlet: ${JSON.stringify(defaultOutlet)} is not a grade A–F`);
  return {
    kinds,
    outlets: checkGrades('outlets', raw.outlets),
    sources: checkGrades('sources', raw.sources),
    ...(defaultOutlet ? { defaultOutlet: defaultOutlet as Reliability } : {}),
  };
}

function lookup(
  table: Readonly<Record<string, Reliability>> | undefined,
  name: string | null,
): Reliability | null {
  if (!table || !name) return null;
  const n = name.toLowerCase();
  for (const [k, v] of Object.entries(table)) if (n.includes(k.toLowerCase())) return v;
  return null;
}

/** Reliability of a source: a named override, else the outlet's when the source is an outlet, else its kind's. */
export function reliabilityFor(kind: SourceKind, text: string, config: ReliabilityConfig = {}): Reliability {
  return (
    lookup(config.sources, text) ??
    (kind === 'outlet' || kind === 'agency' ? lookup(config.outlets, text) : null) ??
    config.kinds?.[kind] ??
    DEFAULT_KIND_RELIABILITY[kind]
  );
}

/** Reliability of an outlet's own voice (C when nothing is known). */
export function outletReliability(outlet: string | null, config: ReliabilityConfig = {}): Reliability {
  return lookup(config.outlets, outlet) ?? config.defaultOutlet ?? 'C';
}
