/**
 * In-document entity resolution: turns NER mentions, gazetteer places and actor-dictionary matches
 * into contract entities (e1, e2 … in order of first mention) with aliases, KB links, stable keys,
 * and the relations their appositions state.
 */
import { stableId, nameKey, type Entity, type EntityType } from '../../core/index.js';
import type { ActorEntry, ActorKb } from '../../kb/actors/index.js';
import { nameSkeleton } from '../../kb/names/index.js';
import { collectCandidates } from './candidates.js';
import { Clusters, chooseEntry, isStandIn, linkByName, linkSurnames } from './cluster.js';
import { typeFromContext } from './context-typing.js';
import { resolveCoreference, type CorefTarget } from './coref.js';
import { withDefinedAcronyms } from './defined-acronyms.js';
import { filterCandidates } from './filters.js';
import { buildMentionIndex } from './mention-index.js';
import { acronymPairs, aliasPairs, appositiveRelations } from './patterns.js';
import { joinSplitNames } from './split-names.js';
import { surnameCandidates } from './surnames.js';
import { typeOfUnknown } from './typing.js';
import type {
  Candidate,
  EntityResolution,
  EntityResolutionInput,
  RelationHint,
  ResolvedMention,
} from './types.js';

export type {
  EntityResolution,
  EntityResolutionInput,
  MentionIndex,
  MentionKind,
  PlaceMention,
  RelationHint,
  ResolvedMention,
} from './types.js';

/** How often each country appears among the document's places and unambiguous actors. */
function documentCountries(input: EntityResolutionInput, cands: readonly Candidate[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (cc: string | null) => cc && out.set(cc, (out.get(cc) ?? 0) + 1);
  for (const p of input.places) add(p.geo.countryCode);
  for (const c of cands) if (c.entries.length === 1) add((c.entries[0] as ActorEntry).country);
  return out;
}

/** Joins the pairs the text states, unless the KB says the two are different actors. */
function unionPairs(
  pairs: readonly [Candidate, Candidate][],
  index: Map<Candidate, number>,
  chosen: Map<number, ActorEntry | null>,
  cl: Clusters,
): void {
  for (const [a, b] of pairs) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    const ea = chosen.get(ia);
    const eb = chosen.get(ib);
    if (ea && eb && ea.id !== eb.id) continue;
    cl.union(ia, ib);
  }
}

interface Group {
  readonly members: Candidate[];
  readonly entry: ActorEntry | null;
}

function entityType(text: string, g: Group, all: readonly Candidate[]): EntityType {
  if (g.entry) return g.entry.type;
  const fromContext = typeFromContext(text, g.members, all);
  if (fromContext) return fromContext;
  if (g.members.some((c) => c.place)) return 'location';
  if (g.members.some((c) => c.label === 'PER')) return 'person';
  const longest = [...g.members].sort((a, b) => b.surface.length - a.surface.length)[0] as Candidate;
  const label = g.members.find((c) => c.label)?.label ?? null;
  return typeOfUnknown(label, longest.surface);
}

function fullestForm(members: readonly Candidate[]): string {
  const words = (s: string) => s.split(/\s+/).length;
  const best = [...members].sort((a, b) => {
    const acrA = /^[A-Z0-9-]+$/.test(a.surface) ? 1 : 0;
    const acrB = /^[A-Z0-9-]+$/.test(b.surface) ? 1 : 0;
    return acrA - acrB || words(b.surface) - words(a.surface) || b.surface.length - a.surface.length;
  })[0] as Candidate;
  return best.surface;
}

/**
 * The entry's acronyms and short names the text writes inside a longer mention ("M23" in "M23
 * rebels", "Amaq" in "Amaq news agency"): the actor is called by that name in this document, so
 * later documents and searches find it by it. A short name counts only at the mention's start.
 */
function namesWritten(g: Group): string[] {
  if (!g.entry) return [];
  const forms = writtenForms(g.entry);
  return forms
    .filter(([name, re]) => g.members.some((c) => c.surface !== name && re.test(c.surface)))
    .map(([name]) => name);
}

const formCache = new WeakMap<ActorEntry, [string, RegExp][]>();
const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An entry's acronyms (anywhere in a mention) and one-word aliases (at its start), compiled once per entry. */
function writtenForms(entry: ActorEntry): [string, RegExp][] {
  let forms = formCache.get(entry);
  if (!forms) {
    forms = [
      ...entry.acronyms.map((a): [string, RegExp] => [
        a,
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(a)}(?![\\p{L}\\p{N}])`, 'u'),
      ]),
      ...entry.aliases
        .filter((a) => !/\s/.test(a))
        .map((a): [string, RegExp] => [a, new RegExp(`^${escapeRe(a)}(?=\\s)`, 'u')]),
    ];
    formCache.set(entry, forms);
  }
  return forms;
}

function buildEntity(text: string, id: string, g: Group, all: readonly Candidate[]): Entity {
  const type = entityType(text, g, all);
  const place = type === 'location' ? (g.members.find((c) => c.place)?.place ?? null) : null;
  // A stand-in keeps its own name and no KB id; its geo is the approximate one the geoparser gave.
  const standIn = !!place && isStandIn(place);
  const name = g.entry?.name ?? (place && !standIn ? place.name : null) ?? fullestForm(g.members);
  const seen = new Set([nameKey(name)]);
  const aliases: string[] = [];
  for (const form of [...g.members.map((c) => c.surface), ...namesWritten(g)]) {
    const k = nameKey(form);
    if (!seen.has(k)) aliases.push(form);
    seen.add(k);
  }
  const kbId = g.entry?.id ?? (standIn ? null : place?.kbId) ?? null;
  const confidence = g.entry ? 0.95 : Math.max(...g.members.map((c) => c.confidence));
  return {
    id,
    type,
    name,
    aliases,
    mentions: g.members.map((c) => ({ start: c.start, end: c.end })),
    kbId,
    ...(type === 'location' ? { geo: place?.geo ?? null } : {}),
    key: kbId ?? stableId('ent', type, nameSkeleton(name) || nameKey(name)),
    confidence: Math.round(confidence * 1000) / 1000,
  };
}

/** Resolves the names of one document into entities linked to the knowledge base. */
export function resolveEntities(input: EntityResolutionInput, kb: ActorKb): EntityResolution {
  const { text, sentences } = input;
  const cands = joinSplitNames(
    text,
    filterCandidates(text, sentences, withDefinedAcronyms(text, collectCandidates(input, kb))),
  );
  cands.push(...surnameCandidates(text, cands));
  const acronyms = acronymPairs(text, cands);
  const aliases = aliasPairs(text, cands);
  cands.sort((a, b) => a.start - b.start);
  const index = new Map(cands.map((c, i) => [c, i]));
  const countries = documentCountries(input, cands);
  const chosen = new Map(cands.map((c, i) => [i, chooseEntry(c.entries, countries)]));
  const cl = new Clusters(cands.length);
  linkByName(cands, cl, chosen);
  unionPairs([...acronyms, ...aliases], index, chosen, cl);
  const dropped = linkSurnames(text, cands, cl, sentences);

  const groups = new Map<number, Group>();
  for (const [i, c] of cands.entries()) {
    if (dropped.has(i)) continue;
    const root = cl.find(i);
    const g = groups.get(root) ?? { members: [], entry: null };
    const entry = g.entry ?? chosen.get(i) ?? null;
    groups.set(root, { members: [...g.members, c], entry });
  }
  // Surname scans stand only when they joined a named person.
  for (const [root, g] of groups) if (g.members.every((c) => c.kind === 'surname')) groups.delete(root);

  const ordered = [...groups.values()].sort(
    (a, b) => (a.members[0] as Candidate).start - (b.members[0] as Candidate).start,
  );
  const entities = ordered.map((g, i) => buildEntity(text, `e${i + 1}`, g, cands));
  const idOf = new Map<Candidate, string>();
  ordered.forEach((g, i) => g.members.forEach((c) => idOf.set(c, `e${i + 1}`)));

  const hints = relationHints(text, cands, idOf);
  const mentions: ResolvedMention[] = [...idOf].map(([c, entityId]) => ({
    start: c.start,
    end: c.end,
    entityId,
    kind: c.kind,
  }));
  const coref = corefMentions(text, input, entities, ordered, mentions, hints);
  const withCoref = attachMentions(entities, coref);
  const all = [...mentions, ...coref];
  return { entities: withCoref, relationHints: hints, mentionIndex: buildMentionIndex(withCoref, all) };
}

function relationHints(
  text: string,
  cands: readonly Candidate[],
  idOf: ReadonlyMap<Candidate, string>,
): RelationHint[] {
  const out: RelationHint[] = [];
  for (const r of appositiveRelations(text, cands)) {
    const subject = idOf.get(r.subject);
    const object = idOf.get(r.object);
    if (!subject || !object || subject === object) continue;
    if (out.some((h) => h.type === r.type && h.subject === subject && h.object === object)) continue;
    out.push({
      type: r.type,
      subject,
      object,
      modality: 'asserted',
      evidence: { start: r.start, end: r.end },
    });
  }
  return out;
}

function corefMentions(
  text: string,
  input: EntityResolutionInput,
  entities: readonly Entity[],
  ordered: readonly Group[],
  mentions: readonly ResolvedMention[],
  hints: readonly RelationHint[],
): ResolvedMention[] {
  const targets: CorefTarget[] = entities.map((e) => ({
    id: e.id,
    type: e.type,
    starts: e.mentions.map((m) => m.start),
  }));
  const leaderOf = new Map<string, string>();
  for (const h of hints) if (h.type === 'leader_of') leaderOf.set(h.object, h.subject);
  const byKb = new Map(entities.filter((e) => e.kbId).map((e) => [e.kbId as string, e.id]));
  ordered.forEach((g, i) => {
    for (const a of g.entry?.affiliations ?? []) {
      const group = byKb.get(a.target);
      if (a.type === 'leader_of' && group && !leaderOf.has(group)) leaderOf.set(group, `e${i + 1}`);
    }
  });
  const typeOf = new Map<string, EntityType>();
  for (const e of entities) if (!typeOf.has(e.id)) typeOf.set(e.id, e.type);
  const groupMentions = mentions.filter((m) => typeOf.get(m.entityId) === 'group');
  const taken = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
  return resolveCoreference(text, input.sentences, targets, groupMentions, leaderOf, taken);
}

/** Pronominal and nominal mentions ("he", "the group") go to `references`: evidence of the link, not names. */
function attachMentions(entities: readonly Entity[], extra: readonly ResolvedMention[]): Entity[] {
  const byEntity = new Map<string, { start: number; end: number }[]>();
  for (const m of extra) {
    const list = byEntity.get(m.entityId) ?? [];
    if (list.length === 0) byEntity.set(m.entityId, list);
    list.push({ start: m.start, end: m.end });
  }
  return entities.map((e) => {
    const more = [...(byEntity.get(e.id) ?? [])];
    if (more.length === 0) return e;
    return { ...e, references: more.sort((a, b) => a.start - b.start || a.end - b.end) };
  });
}
