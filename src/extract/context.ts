/**
 * What every extraction rule looks at: the text, its sentences and clauses, the resolved
 * entities with a sorted mention index, the time expressions and the quantities, all computed
 * once per document so the rules stay linear.
 */
import type { Entity, EntityType, FeatureClass, Span } from '../core/index.js';
import type { Sentence, Token } from '../nlp/types.js';
import {
  findRelativeShifts,
  findTimeExpressions,
  type RelativeShift,
  type TimeExpression,
} from '../nlp/time/index.js';
import { findQuantities, type Quantity } from '../nlp/numbers/index.js';
import { splitClauses, type Clause } from './clauses.js';

/** One mention of a resolved entity. */
export interface Mention extends Span {
  readonly entity: Entity;
}

export interface DocContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly clauses: readonly Clause[];
  readonly entities: readonly Entity[];
  readonly entityById: ReadonlyMap<string, Entity>;
  /** Mentions sorted by start. */
  readonly mentions: readonly Mention[];
  readonly times: readonly TimeExpression[];
  /** Dates told relative to another event ("two days after the ambush", "the next day"). */
  readonly shifts: readonly RelativeShift[];
  readonly quantities: readonly Quantity[];
  readonly published: string | null;
  readonly datelineSpan: Span | null;
}

/** Builds the shared context of one document. */
export function buildContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  entities: readonly Entity[],
  published: string | null,
  datelineSpan: Span | null,
): DocContext {
  const mentions: Mention[] = [];
  for (const entity of entities)
    for (const m of [...entity.mentions, ...(entity.references ?? [])])
      if (m.end <= text.length) mentions.push({ start: m.start, end: m.end, entity });
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // Lines before the dateline (a title, a byline) tell no facts of their own. Clauses keep their
  // sentence's index in `sentences`, which attributions are keyed by, title or no title.
  const inBody = (s: Sentence) => !datelineSpan || s.end > datelineSpan.end || s.start >= datelineSpan.end;
  return {
    text,
    tokens,
    sentences,
    clauses: sentences.flatMap((s, i) => (inBody(s) ? splitClauses(text, s, i) : [])),
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    mentions,
    times: findTimeExpressions(text, sentences, published),
    shifts: findRelativeShifts(text),
    quantities: findQuantities(text, tokens),
    published,
    datelineSpan,
  };
}

/** Index of the first item whose start is ≥ `pos` in a start-sorted array. */
export function lowerBound(items: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items of a start-sorted array that lie inside `[start, end)`. */
export function within<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, start); i < items.length; i++) {
    const it = items[i] as T;
    if (it.start >= end) break;
    if (it.end <= end) out.push(it);
  }
  return out;
}

/** Entity mentions inside a span, optionally of some types, outside the dateline. */
export function mentionsIn(
  ctx: DocContext,
  start: number,
  end: number,
  types?: readonly EntityType[],
): Mention[] {
  return within(ctx.mentions, start, end).filter(
    (m) =>
      (!types || types.includes(m.entity.type)) &&
      !(ctx.datelineSpan && m.start < ctx.datelineSpan.end && m.end > ctx.datelineSpan.start),
  );
}

/** The place named in the dateline ("MOGADISHU, Somalia —" → Mogadishu), which mentionsIn leaves out. */
export function datelinePlace(ctx: DocContext): Entity | null {
  const span = ctx.datelineSpan;
  if (!span) return null;
  return within(ctx.mentions, span.start, span.end).find((m) => m.entity.type === 'location')?.entity ?? null;
}

const ACTOR_TYPES: readonly EntityType[] = ['group', 'organization', 'person'];
/** Types that can act: armed groups, organisations, people. */
export const ACTORS = ACTOR_TYPES;

const RANK: Readonly<Record<FeatureClass, number>> = {
  facility: 7,
  city: 6,
  admin2: 5,
  admin1: 4,
  country: 3,
  region: 2,
  continent: 1,
};

/** How specific a location entity is (facility highest); unresolved names rank between districts and provinces. */
export function specificity(e: Entity): number {
  return e.geo ? RANK[e.geo.featureClass] : 5;
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const REACH_KM: Readonly<Record<FeatureClass, number>> = {
  facility: 5,
  city: 40,
  admin2: 120,
  admin1: 500,
  country: 2500,
  region: 4000,
  continent: 8000,
};

/** True when `inner` lies within `outer` (same entity, same country for countries, or close enough). */
export function locatedWithin(inner: Entity, outer: Entity): boolean {
  if (inner.id === outer.id) return true;
  const a = inner.geo;
  const b = outer.geo;
  if (!a || !b) return false;
  if (RANK[b.featureClass] >= RANK[a.featureClass]) return false;
  if (b.featureClass === 'country') return a.countryCode !== null && a.countryCode === b.countryCode;
  if (b.featureClass === 'admin1' && a.admin1 && b.admin1 && a.countryCode === b.countryCode)
    return a.admin1 === b.admin1;
  return distanceKm(a, b) <= REACH_KM[b.featureClass];
}

/** True when two locations can be the place of one incident (one contains the other). */
export function compatibleLocations(a: Entity | null, b: Entity | null): boolean {
  if (!a || !b) return true;
  return (
    a.id === b.id ||
    // One name in one report is one place, even when resolution split it into two entities.
    a.name.toLowerCase() === b.name.toLowerCase() ||
    locatedWithin(a, b) ||
    locatedWithin(b, a) ||
    (!!a.geo && !!b.geo && distanceKm(a.geo, b.geo) < 15)
  );
}

export type { Clause } from './clauses.js';
