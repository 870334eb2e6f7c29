/**
 * Checker for the team-written sentence cases (test/fixtures/sentences/*.jsonl; format in its
 * README): runs the whole pipeline on each case's text and checks the expectations with the
 * scorer's name normalisation. Returns the failed checks of one case.
 */
import type { Entity, Event, Extraction } from '../../src/core/index.js';

export interface SentenceCase {
  readonly id: string;
  readonly text: string;
  readonly published: string;
  readonly expect: {
    readonly events?: readonly ExpectedEvent[];
    readonly noEvents?: boolean;
    readonly noAssertedEvents?: boolean;
    readonly relations?: readonly Record<string, unknown>[];
    readonly sources?: readonly { text: string; kind: string | string[] }[];
    readonly forbid?: readonly { assertedDeathOf: string | string[] }[];
  };
}

type OneOrMany = string | readonly string[];
type Bounds = { min?: number | null; max?: number | null } | 'none';
export interface ExpectedEvent {
  readonly category?: OneOrMany;
  readonly type?: OneOrMany;
  readonly fatalities?: Bounds;
  readonly injured?: Bounds;
  readonly perpetrator?: OneOrMany;
  readonly claimedBy?: OneOrMany;
  readonly target?: OneOrMany;
  readonly location?: OneOrMany;
  readonly date?: { start: string; end: string };
  readonly modality?: OneOrMany;
  readonly count?: number;
}

/** The scorer's name normalisation (../shared/eval/score.mjs). */
export function norm(s: string | null | undefined): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const list = (v: OneOrMany): readonly string[] => (typeof v === 'string' ? [v] : v);

function countOk(got: Event['fatalities'], want: Bounds | undefined): boolean {
  if (want === undefined) return true;
  if (want === 'none') return !got || got.min === null || got.min === 0;
  if (!got) return false;
  if ('min' in want && want.min !== got.min) return false;
  if ('max' in want && want.max !== got.max) return false;
  return true;
}

/** Checks one case against an extraction; returns descriptions of what failed. */
export function checkCase(c: SentenceCase, doc: Extraction): string[] {
  const fails: string[] = [];
  const byId = new Map<string, Entity | Event>([...doc.entities, ...doc.events].map((x) => [x.id, x]));
  const namesOf = (e: Entity | Event | undefined): Set<string> =>
    e && 'name' in e ? new Set([e.name, ...e.aliases].map(norm)) : new Set();
  const isName = (id: string | null, names: OneOrMany): boolean =>
    !!id && list(names).some((n) => namesOf(byId.get(id)).has(norm(n)));
  const anyName = (ids: readonly string[], names: OneOrMany): boolean => ids.some((id) => isName(id, names));
  const targetOk = (ids: readonly string[], names: OneOrMany): boolean =>
    ids.some((id) =>
      byId.has(id) ? isName(id, names) : list(names).some((n) => norm(id).includes(norm(n))),
    );
  const oneOf = (v: string, want: OneOrMany | undefined): boolean => !want || list(want).includes(v);
  const satisfies = (e: Event, x: ExpectedEvent): boolean =>
    oneOf(e.category, x.category) &&
    oneOf(e.type, x.type) &&
    countOk(e.fatalities, x.fatalities) &&
    countOk(e.injured, x.injured) &&
    (!x.perpetrator || anyName(e.perpetrators, x.perpetrator)) &&
    (!x.claimedBy || anyName(e.claimedBy, x.claimedBy)) &&
    (!x.target || targetOk(e.targets, x.target)) &&
    (!x.location || isName(e.location, x.location)) &&
    (!x.date ||
      (!!e.date.start && !!e.date.end && e.date.start >= x.date.start && e.date.end <= x.date.end)) &&
    oneOf(e.modality, x.modality) &&
    (x.count === undefined || e.count === x.count);
  const expected = c.expect.events ?? [];
  if (!assign(expected, doc.events, satisfies))
    fails.push(`events: no one-to-one match for ${JSON.stringify(expected)}`);
  if (c.expect.noEvents && doc.events.length) fails.push(`noEvents: got ${doc.events.length}`);
  if (c.expect.noAssertedEvents && doc.events.some((e) => e.modality === 'asserted'))
    fails.push('noAssertedEvents: an asserted event');
  for (const r of c.expect.relations ?? []) {
    const ok = doc.relations.some(
      (x) =>
        oneOf(x.type, r.type as OneOrMany | undefined) &&
        (!r.subject || isName(x.subject, r.subject as OneOrMany)) &&
        (!r.object || isName(x.object, r.object as OneOrMany)) &&
        (!r.objectEvent ||
          isName((byId.get(x.object) as Event | undefined)?.location ?? null, r.objectEvent as OneOrMany)) &&
        oneOf(x.modality, r.modality as OneOrMany | undefined),
    );
    if (!ok) fails.push(`relation: ${JSON.stringify(r)}`);
  }
  for (const s of c.expect.sources ?? []) {
    const ok = doc.sources.some(
      (x) =>
        (norm(x.text).includes(norm(s.text)) ||
          (norm(x.text).length > 8 && norm(s.text).includes(norm(x.text)))) &&
        list(s.kind).includes(x.kind),
    );
    if (!ok) fails.push(`source: ${JSON.stringify(s)}`);
  }
  for (const f of c.expect.forbid ?? []) {
    const bad = doc.events.some(
      (e) =>
        e.modality === 'asserted' && (e.fatalities?.min ?? 0) > 0 && targetOk(e.targets, f.assertedDeathOf),
    );
    if (bad) fails.push(`forbid: asserted death of ${JSON.stringify(f.assertedDeathOf)}`);
  }
  return fails;
}

/** True when every expectation can be given a different event (small bipartite matching). */
function assign<X, E>(wants: readonly X[], events: readonly E[], ok: (e: E, x: X) => boolean): boolean {
  const owner = new Array<number>(events.length).fill(-1);
  const tryAssign = (w: number, seen: boolean[]): boolean => {
    for (let e = 0; e < events.length; e++) {
      if (seen[e] || !ok(events[e] as E, wants[w] as X)) continue;
      seen[e] = true;
      if (owner[e] === -1 || tryAssign(owner[e] as number, seen)) {
        owner[e] = w;
        return true;
      }
    }
    return false;
  };
  return wants.every((_, w) => tryAssign(w, new Array<boolean>(events.length).fill(false)));
}
