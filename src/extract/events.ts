/**
 * Events: triggers found per clause become incident drafts with their arguments; a clause that
 * continues the story (same date or place, a definite "the attack", or nothing new) is merged into
 * the incident it continues, while a clause with its own date or place starts a new one — so
 * background events with their own dates stay apart and follow-up sentences ("the toll rose to
 * nine") update the incident they belong to.
 */
import type { Count, DateRange, Entity, Event, Modality, Span } from '../core/index.js';
import { resolveGroup } from './anaphora.js';
import { findCasualties } from './casualties.js';
import {
  compatibleLocations,
  locatedWithin,
  mentionsIn,
  specificity,
  within,
  type Clause,
  type DocContext,
} from './context.js';
import { dateIn, locationIn, perpetratorsIn, resolveType, targetsIn } from './event-arguments.js';
import { readTrigger } from './event-count.js';
import { ANAPHORIC_BEFORE, TRIGGERS, type TriggerClass } from './lexicon/event-triggers.js';
import { modalityOf } from './modality.js';
import type { Attribution } from './source-attribution.js';

interface TriggerHit extends Span {
  readonly cls: TriggerClass;
  readonly priority: number;
}

/** An event while it is being assembled. */
export interface EventDraft {
  cls: TriggerClass;
  priority: number;
  evidence: Span[];
  date: DateRange | null;
  dateWeak: boolean;
  location: Entity | null;
  perpetrators: Map<string, 'agent' | 'alleged' | 'claimed'>;
  claimedBy: Set<string>;
  denied: Map<string, Span>;
  targets: string[];
  fatalities: Count | null;
  injured: Count | null;
  modality: Modality;
  count: number;
  words: string[];
  attributions: Set<Attribution>;
  statePerpetrator: boolean;
}

const REFERENCED_BEFORE =
  /\b(?:over|for|in connection with|after|following|in retaliation for|to avenge|blamed for|suspects? in|behind|responsibility for|claimed|claim|condemned|called)\s+(?:the\s+|last\s+\w+['’]s\s+|\w+['’]s\s+|a\s+|an\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+){0,3}$/i;
const DENIAL_WORDS =
  /\b(?:denied|denies|deny|rejected (?:the )?(?:claims?|allegations?|responsibility))\b|\b(?:it|they|we|the group|the organi[sz]ation|the movement)\s+(?:had|has|have|was|were)\s+(?:no (?:part|role|hand|involvement) in|nothing to do with|not (?:involved|behind|responsible))/i;
const STATE_ACTOR =
  /\b(?:army|military|police|forces|troops|soldiers|government|ministry|command|air force|navy|gendarmerie|security forces|united states|u\.s\.)\b/i;

function findTriggers(text: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const rule of TRIGGERS) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text))
      hits.push({ start: m.index, end: m.index + m[0].length, cls: rule.cls, priority: rule.priority });
  }
  hits.sort((a, b) => a.start - b.start || b.priority - a.priority);
  const kept: TriggerHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

function daysOverlap(a: DateRange, b: DateRange): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return false;
  if (a.precision === 'day' && b.precision === 'day') return a.start === b.start;
  const aInB = a.start >= b.start && a.end <= b.end;
  const bInA = b.start >= a.start && b.end <= a.end;
  return aInB || bInA;
}

function isBroad(e: Entity | null): boolean {
  return !!e && specificity(e) <= 4;
}

interface ClauseFacts {
  clause: Clause;
  main: TriggerHit;
  date: { range: DateRange; weak: boolean } | null;
  location: Entity | null;
  anaphoric: boolean;
  /** The clause's date is attached to the trigger itself ("Tuesday's bombing", "the attack on Monday"). */
  dateAdjacent: boolean;
  hasCasualties: boolean;
  draft: EventDraft;
}

const VIOLENT_FAMILY = new Set<TriggerClass>([
  'suicide_bomb',
  'grenade',
  'air_drone_strike',
  'remote_explosive_landmine_ied',
  'shelling_artillery_missile_attack',
  'armed_clash',
  'violent',
  'killing',
  'territory',
  'abduction_forced_disappearance',
  'sexual_violence',
  'looting_property_destruction',
]);
const CROWD_FAMILY = new Set<TriggerClass>([
  'protest',
  'riot',
  'killing',
  'violent',
  'looting_property_destruction',
]);

/** True when two trigger classes can describe one incident (a bombing and its gunfight; a protest and its shootings). */
function sameFamily(a: TriggerClass, b: TriggerClass): boolean {
  return (
    a === b ||
    (VIOLENT_FAMILY.has(a) && VIOLENT_FAMILY.has(b)) ||
    (CROWD_FAMILY.has(a) && CROWD_FAMILY.has(b))
  );
}

/** Decides whether a clause's incident continues an earlier draft. */
function mergeTarget(
  drafts: readonly EventDraft[],
  c: ClauseFacts,
  exclude: ReadonlySet<EventDraft>,
): EventDraft | null {
  const recent = [...drafts].reverse().find((d) => !exclude.has(d) && sameFamily(d.cls, c.draft.cls));
  for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 4); i--) {
    const d = drafts[i] as EventDraft;
    if (exclude.has(d) || !sameFamily(d.cls, c.draft.cls)) continue;
    const ownDate = c.date && !c.date.weak ? c.date.range : null;
    const dateRel =
      !ownDate || !d.date || d.dateWeak ? 'none' : daysOverlap(ownDate, d.date) ? 'same' : 'differ';
    const locRel =
      !c.location || !d.location ? 'none' : compatibleLocations(c.location, d.location) ? 'same' : 'differ';
    if (c.anaphoric && !c.dateAdjacent && (d === recent || dateRel !== 'differ')) return d;
    if (dateRel === 'differ') continue;
    if (c.anaphoric && (d === recent || dateRel === 'same')) return d;
    if (ownDate && !d.date && locRel !== 'same') continue;
    if (locRel === 'differ') continue;
    const split =
      c.hasCasualties &&
      (d.fatalities || d.injured) &&
      c.location &&
      d.location &&
      c.location.id !== d.location.id &&
      (isBroad(d.location) || !locatedWithin(c.location, d.location));
    if (split) continue;
    if (
      c.location &&
      d.location &&
      c.location.id !== d.location.id &&
      c.hasCasualties &&
      (d.fatalities || d.injured) &&
      dateRel !== 'same'
    )
      continue;
    if (dateRel === 'same' || locRel === 'same') return d;
    if (d === recent && dateRel === 'none' && locRel === 'none') return d;
  }
  return null;
}

function better(a: Count | null, b: Count | null): Count | null {
  if (!b) return a;
  if (!a) return b;
  return (b.min ?? b.max ?? 0) > (a.min ?? a.max ?? 0) ? b : a;
}

function absorb(into: EventDraft, from: EventDraft): void {
  if (from.priority > into.priority) {
    into.cls = from.cls;
    into.priority = from.priority;
  }
  into.evidence.push(...from.evidence);
  if (from.date && (!into.date || (into.dateWeak && !from.dateWeak))) {
    into.date = from.date;
    into.dateWeak = from.dateWeak;
  }
  if (
    !into.location ||
    (from.location && isBroad(into.location) && locatedWithin(from.location, into.location))
  )
    into.location = from.location ?? into.location;
  for (const [k, v] of from.perpetrators)
    if (!into.perpetrators.has(k) || v === 'agent') into.perpetrators.set(k, v);
  for (const k of from.claimedBy) into.claimedBy.add(k);
  for (const [k, v] of from.denied) into.denied.set(k, v);
  for (const t of from.targets) if (!into.targets.includes(t)) into.targets.push(t);
  into.fatalities = better(into.fatalities, from.fatalities);
  into.injured = better(into.injured, from.injured);
  into.words.push(...from.words);
  for (const a of from.attributions) into.attributions.add(a);
  into.statePerpetrator ||= from.statePerpetrator;
}

function attributionsOf(attributions: readonly Attribution[], sentence: number): Attribution[] {
  return attributions.filter((a) => a.sentence === sentence);
}

/** Frame modality for a fact at `pos`: claims, allegations and denials that govern it. */
function frameFor(text: string, atts: readonly Attribution[], pos: number): Modality {
  let frame: Modality = 'asserted';
  for (const a of atts) {
    if (a.verb.start > pos && !a.selfClaim) continue;
    if (
      /\b(?:not|no|never)\s+(?:\w+\s+)?$|n't\s+$/i.test(
        text.slice(Math.max(0, a.verb.start - 16), a.verb.start),
      )
    )
      continue;
    if (/^(?:no|none)\b/i.test(text.slice(a.span.start, a.span.end))) continue;
    if (a.selfClaim) frame = 'claimed';
    else if (
      /^(?:alleged|alleges|claimed|claims|suggested|denied|denies)$/i.test(a.verbText) &&
      frame === 'asserted'
    )
      frame = a.frame;
  }
  return frame;
}

function newDraft(
  ctx: DocContext,
  clause: Clause,
  span: Span,
  hit: TriggerHit,
  atts: readonly Attribution[],
  stmt: ReadonlySet<number>,
): ClauseFacts | null {
  const crowd = hit.cls === 'protest' || hit.cls === 'riot';
  const reading = readTrigger(ctx, clause.start, hit);
  if (
    reading.hypothetical &&
    !(
      crowd &&
      !/\b(?:plan|planned|planning|threaten|threatened|will|would|call(?:ed)? for)\b/i.test(
        ctx.text.slice(clause.start, hit.start),
      )
    )
  )
    return null;
  const cas = findCasualties(ctx, span.start, span.end);
  const date =
    dateIn(ctx, span, hit.start, stmt) ??
    (span.start !== clause.sentenceStart
      ? dateIn(ctx, { start: clause.sentenceStart, end: clause.sentenceEnd }, hit.start, stmt)
      : null);
  const hasCasualties = !!(cas.fatalities || cas.injured);
  if (reading.aggregate && !crowd && !(hasCasualties && date && !date.weak && date.range.precision === 'day'))
    return null;
  if (
    date &&
    date.range.precision === 'range' &&
    /\bsince\b|\bin the (?:conflict|war|insurgency|violence|unrest|fighting)\b/i.test(
      ctx.text.slice(clause.start, clause.end),
    ) &&
    (hit.cls === 'killing' || hit.cls === 'violent' || hit.priority === 0)
  )
    return null;
  const location = locationIn(ctx, span, hit.start);
  const perps = perpetratorsIn(ctx, { start: clause.sentenceStart, end: clause.sentenceEnd });
  const denial = DENIAL_WORDS.test(ctx.text.slice(clause.start, clause.end));
  const claimed = atts.filter(
    (a) =>
      a.selfClaim &&
      a.entity &&
      !denial &&
      !/\b(?:no|not|never)\b[^,]*$/i.test(ctx.text.slice(clause.sentenceStart, a.verb.start)),
  );
  const denied = new Map<string, Span>();
  if (denial)
    for (const a of atts)
      if (a.entity && a.entity.type !== 'location')
        denied.set(a.entity.id, { start: clause.start, end: clause.end });
  const perpetrators = new Map<string, 'agent' | 'alleged' | 'claimed'>();
  for (const p of perps) perpetrators.set(p.entity.id, p.how);
  const claimedBy = new Set<string>();
  for (const a of claimed) {
    const e = a.entity as Entity;
    claimedBy.add(e.id);
    if (!perpetrators.has(e.id)) perpetrators.set(e.id, 'claimed');
  }
  const presupposed = REFERENCED_BEFORE.test(
    ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 60), hit.start),
  );
  const framed = frameFor(ctx.text, atts, hit.start);
  const ownCount =
    /\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:at least |more than |about |some )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)/i.test(
      ctx.text.slice(clause.start, clause.end).replace(/\bsaying\b.*$/i, ''),
    );
  const frame = presupposed && framed === 'claimed' && ownCount ? 'asserted' : framed;
  const modality = modalityOf(ctx.text, span.start, hit.start, Math.max(hit.end, cas.lastCue), frame);
  const exclude = new Set(perpetrators.keys());
  const targets = [
    ...cas.victims.flatMap((v) =>
      mentionsIn(ctx, v.start, v.end, ['group', 'organization', 'person']).map((m) => m.entity.id),
    ),
    ...targetsIn(ctx, span, exclude),
  ];
  for (const v of cas.victims) if (!targets.includes(v.text) && targets.length < 6) targets.push(v.text);
  const words = ctx.text.slice(span.start, span.end);
  const anaphoric =
    ANAPHORIC_BEFORE.test(ctx.text.slice(Math.max(span.start, hit.start - 30), hit.start)) ||
    REFERENCED_BEFORE.test(ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 60), hit.start));
  const statePerpetrator =
    [...perpetrators.keys()].some((id) => {
      const e = ctx.entityById.get(id);
      return (
        !!e &&
        (e.type === 'organization' || e.type === 'location') &&
        STATE_ACTOR.test(e.name + ' ' + e.aliases.join(' '))
      );
    }) ||
    /^\s*(?:(?:the|security|government|federal)\s+)?(?:troops|soldiers|security forces|police|army|the military)\b/i.test(
      words,
    );
  const draft: EventDraft = {
    cls: hit.cls,
    priority: hit.priority,
    evidence: [{ start: clause.start, end: clause.end }],
    date: date?.range ?? null,
    dateWeak: date?.weak ?? false,
    location,
    perpetrators,
    claimedBy,
    denied,
    targets: [...new Set(targets)].slice(0, 6),
    fatalities: cas.fatalities,
    injured: cas.injured,
    modality,
    count: reading.count,
    words: [words],
    attributions: new Set(atts),
    statePerpetrator,
  };
  const dateAdjacent = within(
    ctx.times,
    Math.max(clause.start, hit.start - 30),
    Math.min(clause.end, hit.end + 20),
  ).some(
    (t) => (t.end <= hit.start && hit.start - t.end <= 12) || (t.start >= hit.end && t.start - hit.end <= 8),
  );
  return { clause, main: hit, date, location, anaphoric, dateAdjacent, hasCasualties, draft };
}

/** Facts in a clause without a trigger that still belong to the current incident. */
function attachLooseFacts(
  ctx: DocContext,
  clause: Clause,
  current: EventDraft,
  atts: readonly Attribution[],
): void {
  const cas = findCasualties(ctx, clause.start, clause.end);
  if (cas.fatalities || cas.injured) {
    current.fatalities = better(current.fatalities, cas.fatalities);
    current.injured = better(current.injured, cas.injured);
    current.evidence.push({ start: clause.start, end: clause.end });
  }
  for (const a of atts) {
    if (a.verb.start < clause.start || a.verb.start >= clause.end || !a.entity) continue;
    const lead = ctx.text.slice(clause.sentenceStart, a.verb.start);
    if (/\b(?:no|not|never)\b/i.test(lead)) continue;
    if (a.frame === 'denied' || DENIAL_WORDS.test(ctx.text.slice(a.verb.end, clause.end))) {
      current.denied.set(a.entity.id, { start: clause.start, end: clause.end });
      continue;
    }
    if (
      a.selfClaim &&
      /\b(?:responsib|behind|claim|carried out|its fighters|their fighters)/i.test(
        ctx.text.slice(a.verb.start, clause.end),
      )
    ) {
      current.claimedBy.add(a.entity.id);
      if (!current.perpetrators.has(a.entity.id)) current.perpetrators.set(a.entity.id, 'claimed');
      current.evidence.push({ start: clause.start, end: clause.end });
    }
  }
  for (const p of perpetratorsIn(ctx, clause)) {
    if (
      p.how !== 'alleged' ||
      !/\b(?:attack|bombing|blast|assault|raid|massacre|killings?|offensive|violence|ambush)\b/i.test(
        ctx.text.slice(clause.start, clause.end),
      )
    )
      continue;
    if (!current.perpetrators.has(p.entity.id)) current.perpetrators.set(p.entity.id, 'alleged');
  }
}

/** Trigger classes too vague to stand as an incident without any argument. */
const GENERIC_CLASSES = new Set<TriggerClass>([
  'violent',
  'killing',
  'protest',
  'riot',
  'armed_clash',
  'looting_property_destruction',
  'change_to_group_activity',
  'non_violent_transfer_of_territory',
]);

const SAME_PLACE =
  /\bthe same (?:\w+ )?(?:town|city|village|area|district|cantonment|base|garrison|market|camp|compound|checkpoint|post|region|province|place|site|neighbourhood|neighborhood|mosque|church|school|hospital)\b/i;

/**
 * A new incident told without its own date or place takes them from the story so far: an undated
 * sub-incident of a report happened on the report's day ("a second officer died when a device blew
 * up"), and "the same cantonment" is the place of the earlier incident.
 */
function inheritContext(
  ctx: DocContext,
  d: EventDraft,
  drafts: readonly EventDraft[],
  clause: Clause,
): EventDraft {
  const prev = [...drafts].reverse().find((x) => x.date && !x.dateWeak);
  if (!d.date && prev?.date && isRecent(prev.date, ctx.published)) {
    d.date = prev.date;
    d.dateWeak = true;
  }
  if (!d.location && SAME_PLACE.test(ctx.text.slice(clause.start, clause.end)))
    d.location = [...drafts].reverse().find((x) => x.location)?.location ?? null;
  return d;
}

/** True when a date lies within a month before publication (the report's own news). */
function isRecent(date: DateRange, published: string | null): boolean {
  if (!published || !date.end) return false;
  const pub = Date.parse(published);
  const end = Date.parse(date.end);
  return end <= pub + 86400000 && pub - end <= 31 * 86400000;
}

/**
 * The incident a clause without a trigger speaks of: a claim of responsibility goes to the report's
 * main (first recent) incident; a toll to the latest incident that already has casualties; anything
 * else to the latest incident.
 */
function looseTarget(
  ctx: DocContext,
  drafts: readonly EventDraft[],
  clause: Clause,
  atts: readonly Attribution[],
): EventDraft {
  const current = drafts[drafts.length - 1] as EventDraft;
  const words = ctx.text.slice(clause.start, clause.end);
  const claim =
    atts.some((a) => a.selfClaim && a.verb.start >= clause.start && a.verb.start < clause.end) ||
    /\bresponsibility\b/i.test(words);
  if (claim) return drafts.find((d) => d.date && !d.dateWeak && isRecent(d.date, ctx.published)) ?? current;
  const cas = findCasualties(ctx, clause.start, clause.end);
  if ((cas.fatalities || cas.injured) && !current.fatalities && !current.injured) {
    for (let i = drafts.length - 2; i >= 0; i--)
      if (drafts[i]?.fatalities || drafts[i]?.injured) return drafts[i] as EventDraft;
  }
  return current;
}

/** Triggers of a clause, best first: priority, with arrests first when nobody was hurt and a defusal over the bomb it defused. */
function rankTriggers(ctx: DocContext, own: readonly TriggerHit[], clause: Clause): TriggerHit[] {
  const hurt = /\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|hurt)\b/i.test(
    ctx.text.slice(clause.start, clause.end),
  );
  const disrupted = own.find((h) => h.cls === 'disrupted_weapons_use');
  const score = (h: TriggerHit): number => {
    if (h.cls === 'arrests') return hurt ? 1 : 11.5;
    if (h.cls === 'protest' && hurt) return 9.5;
    if (
      disrupted &&
      h === disrupted &&
      !hurt &&
      own.some((x) => x !== h && Math.abs(x.start - h.end) < 40 && VIOLENT_FAMILY.has(x.cls))
    )
      return 30;
    return h.priority;
  };
  return [...own].sort((a, b) => score(b) - score(a));
}

/** A clause that counts dead with no incident told yet ("Three people died …, bringing the toll to five"). */
function casualtyOnlyDraft(
  ctx: DocContext,
  clause: Clause,
  atts: readonly Attribution[],
  stmt: ReadonlySet<number>,
): EventDraft | null {
  const cas = findCasualties(ctx, clause.start, clause.end);
  if (
    !cas.fatalities ||
    !/\b(?:killed|dead|died|bodies|toll|succumbed)\b/i.test(ctx.text.slice(clause.start, clause.end))
  )
    return null;
  const anchor = { start: clause.start, end: clause.start, cls: 'killing' as TriggerClass, priority: 0 };
  const facts = newDraft(ctx, clause, clause, anchor, atts, stmt);
  return facts?.draft ?? null;
}

/** Builds incident drafts for the whole document. */
export function draftEvents(
  ctx: DocContext,
  attributions: readonly Attribution[],
  statementStarts: ReadonlySet<number>,
): EventDraft[] {
  const hits = findTriggers(ctx.text);
  const drafts: EventDraft[] = [];
  for (const clause of ctx.clauses) {
    const atts = attributionsOf(attributions, clause.sentence);
    const inClause = within(hits, clause.start, clause.end);
    const referenced = inClause.filter(
      (h) =>
        REFERENCED_BEFORE.test(ctx.text.slice(Math.max(clause.start, h.start - 60), h.start)) &&
        h.cls !== 'killing',
    );
    let own = inClause.filter((h) => !referenced.includes(h));
    if (referenced.length && own.every((h) => h.cls === 'killing')) {
      own = [...own, ...referenced];
      referenced.length = 0;
    }
    const groups: { span: Span; hits: TriggerHit[] }[] = [];
    if (own.length) groups.push({ span: clause, hits: rankTriggers(ctx, own, clause) });
    for (const r of referenced) {
      const tail = /[,;]|\s(?:alleging|saying|who|which)\s/.exec(ctx.text.slice(r.end, clause.end));
      groups.push({ span: { start: r.start, end: tail ? r.end + tail.index : clause.end }, hits: [r] });
    }
    if (!groups.length) {
      const current = drafts[drafts.length - 1];
      if (current) attachLooseFacts(ctx, clause, looseTarget(ctx, drafts, clause, atts), atts);
      else {
        const orphan = casualtyOnlyDraft(ctx, clause, atts, statementStarts);
        if (orphan) drafts.push(orphan);
      }
      continue;
    }
    const fromClause = new Set<EventDraft>();
    for (const g of groups) {
      let facts: ClauseFacts | null = null;
      for (const hit of g.hits) {
        facts = newDraft(ctx, clause, g.span, hit, atts, statementStarts);
        if (
          facts &&
          !(
            facts.draft.cls === 'killing' &&
            !facts.draft.fatalities &&
            !/^(?:killings?|beheadings?|assassination)/i.test(ctx.text.slice(hit.start, hit.end))
          )
        )
          break;
        facts = null;
      }
      if (!facts) continue;
      const into = mergeTarget(drafts, facts, fromClause);
      if (into) absorb(into, facts.draft);
      else {
        drafts.push(inheritContext(ctx, facts.draft, drafts, clause));
        fromClause.add(facts.draft);
      }
    }
  }
  return drafts;
}

/** Turns drafts into contract events; drafts too thin to be an incident are dropped. */
export function finalizeEvents(
  ctx: DocContext,
  drafts: readonly EventDraft[],
  sourceIdOf: (a: Attribution) => string | null,
): { events: Event[]; kept: EventDraft[] } {
  const events: Event[] = [];
  const kept: EventDraft[] = [];
  const datelinePlace = ctx.datelineSpan
    ? (ctx.mentions.find(
        (m) =>
          m.entity.type === 'location' &&
          m.start >= (ctx.datelineSpan?.start ?? 0) &&
          m.end <= (ctx.datelineSpan?.end ?? 0),
      )?.entity ?? null)
    : null;
  drafts.forEach((d, i) => {
    const thin =
      !d.date &&
      !d.location &&
      !d.fatalities &&
      !d.injured &&
      d.perpetrators.size === 0 &&
      d.claimedBy.size === 0;
    if (thin && GENERIC_CLASSES.has(d.cls) && d.modality === 'asserted') return;
    if (
      d.modality === 'uncertain' &&
      !d.location &&
      !d.fatalities &&
      !d.injured &&
      d.perpetrators.size === 0 &&
      !d.date
    )
      return;
    const location = d.location ?? (i === 0 && datelinePlace ? datelinePlace : null);
    const type = resolveType(
      d.cls,
      d.words.join(' '),
      d.statePerpetrator,
      [...d.targets.filter((t) => !ctx.entityById.has(t)), d.fatalities?.text ?? ''].join(' '),
    );
    const category = categoryOf(type);
    const id = `ev${events.length + 1}`;
    const sources = [...new Set([...d.attributions].map(sourceIdOf).filter((s): s is string => !!s))];
    const perpetrators = [...d.perpetrators.keys()];
    if (!perpetrators.length && (type === 'arrests' || type === 'air_drone_strike')) {
      for (const a of d.attributions)
        if (
          a.entity &&
          (a.entity.type === 'organization' || /\b(?:army|military|police|command)/i.test(a.entity.name))
        )
          perpetrators.push(a.entity.id);
    }
    events.push({
      id,
      category,
      type,
      count: d.count,
      date: d.date ?? { start: null, end: null, precision: 'unknown', text: null },
      location: location?.id ?? null,
      perpetrators: [...new Set(perpetrators)],
      targets: d.targets.filter((t) => !d.perpetrators.has(t)),
      claimedBy: [...d.claimedBy],
      fatalities: d.fatalities,
      injured: d.injured,
      modality: d.modality,
      sources,
      evidence: dedupeSpans(d.evidence),
    });
    kept.push(d);
  });
  return { events, kept };
}

function dedupeSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

import { EVENT_TYPES, type EventCategory, type EventType } from '../core/index.js';

/** Sub-event type → its first ACLED category in EVENT_TYPES, built on first use. */
let categoryIndex: Map<string, EventCategory> | null = null;

/** The ACLED category of a sub-event type. */
export function categoryOf(type: EventType): EventCategory {
  if (!categoryIndex) {
    categoryIndex = new Map();
    for (const [cat, types] of Object.entries(EVENT_TYPES) as [EventCategory, readonly string[]][])
      for (const t of types) if (!categoryIndex.has(t)) categoryIndex.set(t, cat);
  }
  return categoryIndex.get(type) ?? 'strategic_developments';
}

export { resolveGroup };
