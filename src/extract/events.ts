/**
 * Events: triggers found per clause become incident drafts with their arguments; a clause that
 * continues the story (same date or place, a definite "the attack", or nothing new) is merged into
 * the incident it continues, while a clause with its own date or place starts a new one — so
 * background events with their own dates stay apart and follow-up sentences ("the toll rose to
 * nine") update the incident they belong to.
 */
import type { Count, DateRange, Entity, Event, Modality, Span } from '../core/index.js';
import { resolveGroup } from './anaphora.js';
import { combineCounts, findCasualties } from './casualties.js';
import {
  compatibleLocations,
  datelinePlace,
  locatedWithin,
  lowerBound,
  mentionsIn,
  specificity,
  within,
  type Clause,
  type DocContext,
} from './context.js';
import {
  dateIn,
  distinctTargets,
  isStatementDate,
  locationIn,
  perpetratorsIn,
  resolveType,
  targetDescription,
  targetsIn,
} from './event-arguments.js';
import { readTrigger } from './event-count.js';
import { shiftRange, type RelativeShift, type TimeExpression } from '../nlp/time/index.js';
import {
  ANAPHORIC_BEFORE,
  COMPARED_BEFORE,
  SINCE_BEFORE,
  TRIGGERS,
  UNSPECIFIED_BLAST_PRIORITY,
  type TriggerClass,
} from './lexicon/event-triggers.js';
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
  /** Told as a response to an earlier incident's perpetrators (see `COUNTER`). */
  counter: boolean;
  /** When a clause last told of this incident (clause order); the story's focus is the latest. */
  touched?: number;
  /** Heads of the triggers its clauses named ("arrested four men in a night raid" → arrest, raid). */
  heads?: Set<string>;
}

const COUNTER =
  /\b(?:pursued|chased|tracked down|engaged|repulsed|killed|killing|captured|arrested|neutrali[sz]ed)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?the\s+(?:attackers|assailants|gunmen|raiders|perpetrators)\b/i;

const REFERENCED_BEFORE =
  /\b(?:over|for|in connection with|after|following|in retaliation for|to avenge|blamed for|suspects? in|behind|responsibility for|claimed|claim|condemned|called)\s+(?:the\s+|last\s+\w+['’]s\s+|\w+['’]s\s+|a\s+|an\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+){0,3}$/i;
/** A reference that is itself the claim ("responsibility for the attack", "behind the raid"). */
const CLAIMING_BEFORE =
  /\b(?:responsibility for|claimed|claim|claiming|behind|carried out|conducted)\s+(?:the\s+|last\s+\w+['’]s\s+|\w+['’]s\s+|a\s+|an\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+){0,3}$/i;
const INDEFINITE_BEFORE = /\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$/i;
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

/** "… began", "… broke out": what started then goes on, and is told as news. */
const ONGOING_AFTER = /^\s+(?:(?:first|last|again)\s+)?(?:began|begun|started|erupted|broke out|flared)\b/i;

/** A month or longer: "this year" holds "November 4" without saying it is the same incident. */
function isBroadDate(d: DateRange): boolean {
  return d.precision === 'month' || d.precision === 'year' || (d.precision === 'range' && spanDays(d) > 7);
}

/** Longest period one incident of any kind is told over; a toll over a longer one is a running total. */
const MAX_INCIDENT_DAYS = 31;

function spanDays(d: DateRange): number {
  return d.start && d.end ? (Date.parse(d.end) - Date.parse(d.start)) / 86400000 : Infinity;
}

/** How two dates bear on one incident: same day(s), disjoint, or one broad period holding the other. */
function dateRelation(a: DateRange, b: DateRange): 'same' | 'differ' | 'none' {
  if (!daysOverlap(a, b)) return 'differ';
  return isBroadDate(a) !== isBroadDate(b) ? 'none' : 'same';
}

function isBroad(e: Entity | null): boolean {
  return !!e && specificity(e) <= 4;
}

interface ClauseFacts {
  /** Forces hitting back at the perpetrators of an incident told before ("killed two of the attackers"). */
  counter: boolean;
  clause: Clause;
  main: TriggerHit;
  date: { range: DateRange; weak: boolean } | null;
  location: Entity | null;
  anaphoric: boolean;
  /** The clause's date is attached to the trigger itself ("Tuesday's bombing", "the attack on Monday"). */
  dateAdjacent: boolean;
  hasCasualties: boolean;
  /** The noun a nominal trigger ends in ("the vehicle bomb" → "bomb"). */
  head: string | null;
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
  // "Police eventually cleared the building under heavy gunfire": shooting at a gathering.
  'armed_clash',
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

/** Gerunds that name an incident as a noun ("the bombing", "the shooting"), unlike verb forms. */
const NOMINAL_ING = /^(?:bombing|shooting|kidnapping|shelling|stabbing|beheading|hijacking|lynching)$/;

/** The noun stem a definite trigger ends in ("the vehicle bomb" → "bomb"); null for verbs. */
function headWord(trigger: string): string | null {
  const last = /([a-z]+)$/i.exec(trigger)?.[1]?.toLowerCase();
  if (!last || last.length < 4 || /ed$/.test(last) || (/ing$/.test(last) && !NOMINAL_ING.test(last)))
    return null;
  // "the bombing" → "bomb": the incident may have been told as "a suicide bomber killed …".
  return last.replace(/ing$|(?:es|s)$/, '');
}

/** Decides whether a clause's incident continues an earlier draft. */
function mergeTarget(
  drafts: readonly EventDraft[],
  c: ClauseFacts,
  exclude: ReadonlySet<EventDraft>,
): EventDraft | null {
  // The incident the story last spoke of, not merely the last one it introduced: after a
  // paragraph that returns to the main attack, "gunfire and explosions" are still of it.
  let recent: EventDraft | undefined;
  for (const d of drafts)
    if (
      !exclude.has(d) &&
      sameFamily(d.cls, c.draft.cls) &&
      (!recent || (d.touched ?? 0) >= (recent.touched ?? 0))
    )
      recent = d;
  // "the vehicle bomb" refers back to the incident whose telling named a bomb, not merely to the
  // latest one ("a vehicle loaded with explosives … a suicide bombing"; "Troops killed 17 militants").
  const head = c.anaphoric && !c.dateAdjacent ? c.head : null;
  if (head) {
    const named = [...drafts]
      .slice(-4)
      .reverse()
      .find(
        (d) =>
          !exclude.has(d) &&
          !(c.counter && !d.counter) &&
          ((sameFamily(d.cls, c.draft.cls) && d.words.some((w) => w.toLowerCase().includes(head))) ||
            // "arrested four men in a night raid … The raid was carried out on Wednesday": the
            // raid the arrest was told with, whatever its kind.
            !!d.heads?.has(head)),
      );
    if (named) return named;
  }
  for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - 4); i--) {
    const d = drafts[i] as EventDraft;
    if (exclude.has(d) || !sameFamily(d.cls, c.draft.cls)) continue;
    // "troops pursued the attackers and killed two of them in a clash": a response to the
    // incident told before is an incident of its own, with other actors.
    if (c.counter && !d.counter) continue;
    const ownDate = c.date && !c.date.weak ? c.date.range : null;
    const dateRel = !ownDate || !d.date || d.dateWeak ? 'none' : dateRelation(ownDate, d.date);
    const locRel =
      !c.location || !d.location ? 'none' : compatibleLocations(c.location, d.location) ? 'same' : 'differ';
    if (c.anaphoric && !c.dateAdjacent && (d === recent || dateRel !== 'differ')) return d;
    if (dateRel === 'differ') continue;
    // An incident dated only by inheritance or by its statement is still not one told on another day.
    if (ownDate && d.date && d.dateWeak && !c.anaphoric && !daysOverlap(ownDate, d.date)) continue;
    if (c.anaphoric && (d === recent || dateRel === 'same')) return d;
    // "Seven of them were killed when a convoy … was ambushed on Friday": a toll of its own on a
    // day of its own within a longer incident ("last week's assault") is an incident of its own.
    if (
      ownDate?.precision === 'day' &&
      d.date &&
      d.date.precision !== 'day' &&
      c.hasCasualties &&
      (d.fatalities || d.injured)
    )
      continue;
    if (ownDate && !d.date && locRel !== 'same') continue;
    // "17 militants were killed in Darazinda, while four others were killed near Kulachi": a
    // sibling told in the same sentence at another place is an incident of its own, and so is
    // this one, not a part of an earlier incident.
    if (locRel === 'differ' && c.hasCasualties && d.evidence.some((e) => e.start >= c.clause.sentenceStart))
      return null;
    if (locRel === 'differ') continue;
    // "A wave of attacks … killed at least seven. … a second officer died when a device blew up
    // in Villa Rica": one attack of a series told at a place of its own is an incident of its
    // own; the series' toll stays with the series.
    if (
      SERIES.test(d.words[0] ?? '') &&
      c.location &&
      !isBroad(c.location) &&
      (!d.location || isBroad(d.location))
    )
      continue;
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

/** "the group said its fighters had captured …": a group's account of its own deeds. */
const OWN_ACCOUNT =
  /\b(?:said|says|claimed|claims|announced|boasted)\b[^.;]{0,40}\b(?:its|their) (?:fighters|men|militants|mujahideen|soldiers)\b/i;

/**
 * True when one source told both tolls ("…, the defence ministry said" … "the ministry said,
 * adding that the army had neutralised about 60 assailants"): its figures for the two sides are
 * parts of one account, not rival claims, and add up across sentences. A party's account of its
 * own deed never counts as such a source.
 */
function sameSpeaker(ctx: DocContext, a: Iterable<Attribution>, b: Iterable<Attribution>): boolean {
  const heads = (atts: Iterable<Attribution>): Set<string> | null => {
    const out = new Set<string>();
    for (const x of atts) {
      if (x.selfClaim || x.kind === 'perpetrator_claim') return null;
      // An actor named in the phrase identifies it; else its head noun ("the ministry").
      const key =
        x.entity?.id ?? /([a-z]+)\W*$/i.exec(ctx.text.slice(x.span.start, x.span.end))?.[1]?.toLowerCase();
      if (key) out.add(key);
    }
    return out;
  };
  const ha = heads(a);
  const hb = heads(b);
  if (!ha || !hb) return false;
  for (const h of hb) if (ha.has(h)) return true;
  return false;
}

/** Merges a clause's draft into the incident it continues; tolls of both sides add up within one sentence or one source's account. */
function absorb(into: EventDraft, from: EventDraft, sameSentence: boolean): void {
  // A perpetrator's or an alleger's account does not re-type an incident others told
  // ("its fighters had captured the military airport" in a raid on the airport).
  const ownAccount =
    from.modality === 'claimed' ||
    (from.claimedBy.size > 0 && from.modality !== 'asserted') ||
    OWN_ACCOUNT.test(from.words.join(' '));
  // A reference to an incident told as another kind ("the raid" of an arrest) does not re-type it.
  // Gunfire at a gathering is how it was put down, not a battle (the protest keeps its type).
  const crowdShot =
    from.cls === 'armed_clash' &&
    (into.cls === 'protest' ||
      into.cls === 'riot' ||
      /\b(?:protest|demonstrat|rioter|crowds?\b)/i.test(into.words.join(' ')));
  // Others who told only of "explosions" did not say what went off; the claimant's weapon does.
  const unspecified =
    into.priority <= UNSPECIFIED_BLAST_PRIORITY && into.cls === 'remote_explosive_landmine_ied';
  if (
    from.priority > into.priority &&
    (!ownAccount || unspecified) &&
    sameFamily(into.cls, from.cls) &&
    !crowdShot
  ) {
    into.cls = from.cls;
    into.priority = from.priority;
  }
  into.evidence.push(...from.evidence);
  // "last weekend's grenade attack" … "the grenade was thrown on Sunday": the day told later
  // narrows the period told first.
  const narrower =
    !!from.date &&
    !!into.date &&
    !from.dateWeak &&
    ((isBroadDate(into.date) && !isBroadDate(from.date)) ||
      (into.date.precision === 'range' && from.date.precision === 'day')) &&
    daysOverlap(from.date, into.date);
  if (from.date && (!into.date || (into.dateWeak && !from.dateWeak) || narrower)) {
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
  // A perpetrator's own figure does not replace a toll others told.
  const ownFigure = from.claimedBy.size > 0 && from.modality === 'claimed';
  if (!(ownFigure && (into.fatalities || into.injured))) {
    into.fatalities = combineCounts(into.fatalities, from.fatalities, sameSentence);
    into.injured = combineCounts(into.injured, from.injured, sameSentence);
  }
  into.words.push(...from.words);
  if (from.heads) for (const h of from.heads) (into.heads ??= new Set()).add(h);
  for (const a of from.attributions) into.attributions.add(a);
  into.statePerpetrator ||= from.statePerpetrator;
  into.counter &&= from.counter;
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

const TOTAL_WORDS =
  /\bsince\b|\bso far\b|\bto date\b|\ba total of\b|\bin total\b|\baltogether\b|\bcumulative\b|\bin the (?:conflict|war|insurgency|violence|unrest|fighting|crisis)\b/i;

/**
 * A toll summed over a period ("143 people have been killed in attacks … so far this year",
 * "since January, more than 300 people have been killed"): an aggregate, not one incident. Needs
 * both a totalling word and a period longer than a day (or none at all).
 */
function isRunningTotal(words: string, date: DateRange | null): boolean {
  if (!TOTAL_WORDS.test(words)) return false;
  if (
    date?.precision === 'range' &&
    /\bsince\b|\bin the (?:conflict|war|insurgency|violence|unrest|fighting)\b/i.test(words)
  )
    return true;
  // "since June 2021, when attackers killed 160 people" dates one incident; a total is told in
  // the perfect ("have been killed") or named as one ("a total of", "to date").
  if (!TOTAL_TENSE.test(words)) return false;
  return !date || date.precision === 'range' || date.precision === 'month' || date.precision === 'year';
}
const TOTAL_TENSE =
  /\b(?:have|has)\s+(?:now\s+|so far\s+|reportedly\s+)?(?:been\s+killed|died|been\s+left\s+dead|lost\s+their\s+lives|perished)\b|\ba total of\b|\bin total\b|\bto date\b|\baltogether\b|\bcumulative\b/i;

function newDraft(
  ctx: DocContext,
  clause: Clause,
  span: Span,
  hit: TriggerHit,
  atts: readonly Attribution[],
  stmt: ReadonlySet<number>,
  /** Parts of the clause that tell another incident (a referenced one): their dates are not this one's. */
  others: readonly Span[] = [],
  /** The span is one of two incidents a shift splits a clause into ("X, a day after Y"). */
  splitPart = false,
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
  // "The arrests come after troops foiled a bid, killing two militants": the tolls of a
  // referenced incident told inside the span are that incident's.
  const casStart = Math.max(span.start, ...others.filter((o) => o.end <= hit.start).map((o) => o.end));
  const casEnd = Math.min(span.end, ...others.filter((o) => o.start >= hit.end).map((o) => o.start));
  const cas = findCasualties(ctx, casStart, casEnd);
  const date =
    dateIn(ctx, span, hit.start, stmt, others) ??
    (span.start !== clause.sentenceStart
      ? dateIn(ctx, { start: clause.sentenceStart, end: clause.sentenceEnd }, hit.start, stmt, others)
      : null);
  const hasCasualties = !!(cas.fatalities || cas.injured);
  // "air strikes … killed four people overnight": plural, but one night's strikes with one toll
  const oneDay =
    !!date &&
    !date.weak &&
    (date.range.precision === 'day' || (date.range.precision === 'range' && spanDays(date.range) <= 1));
  if (reading.aggregate && !crowd && !(hasCasualties && oneDay)) return null;
  // A toll summed over months is no incident whatever the words name ("220 people have been
  // killed in ethnic clashes … since May last year"); over days it may be one operation's.
  if (
    (hit.cls === 'killing' ||
      hit.cls === 'violent' ||
      hit.priority === 0 ||
      (!!date && spanDays(date.range) > MAX_INCIDENT_DAYS)) &&
    isRunningTotal(ctx.text.slice(clause.start, clause.end), date?.range ?? null)
  )
    return null;
  const location = locationIn(ctx, span, hit.start);
  const perps = perpetratorsIn(ctx, { start: clause.sentenceStart, end: clause.sentenceEnd });
  const denial = DENIAL_WORDS.test(ctx.text.slice(clause.start, clause.end));
  // "the Houthis said they had fired …, a day after an agency reported explosions": a statement
  // in one part of a split clause speaks for that part only.
  const governing = splitPart
    ? atts.filter(
        (a) =>
          (a.verb.start >= span.start && a.verb.start < span.end) ||
          a.verb.start < clause.start ||
          a.verb.start >= clause.end,
      )
    : atts;
  // "said they had detained some suspects in the bombing": the speaker claims its own act (the
  // arrests), not an incident its statement only refers to; "claimed the bombing" claims it.
  const before = ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 60), hit.start);
  const mentionedOnly = REFERENCED_BEFORE.test(before) && !CLAIMING_BEFORE.test(before);
  const claimed = governing.filter(
    (a) =>
      a.selfClaim &&
      !mentionedOnly &&
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
  // "arrested three suspected members of the Islamic State group": a group named only after the
  // arrest is the side arrested, a target ("Taliban forces arrested …" keeps its agent).
  const arrested: string[] = [];
  const namedAfter = (id: string): boolean =>
    mentionsIn(ctx, hit.end, clause.end, ['group']).some((m) => m.entity.id === id) &&
    !mentionsIn(ctx, clause.sentenceStart, hit.start, ['group']).some((m) => m.entity.id === id);
  for (const p of perps) {
    if (hit.cls === 'arrests' && p.entity.type === 'group' && namedAfter(p.entity.id))
      arrested.push(p.entity.id);
    else perpetrators.set(p.entity.id, p.how);
  }
  const claimedBy = new Set<string>();
  for (const a of claimed) {
    const e = a.entity as Entity;
    claimedBy.add(e.id);
    if (!perpetrators.has(e.id)) perpetrators.set(e.id, 'claimed');
  }
  const presupposed = REFERENCED_BEFORE.test(
    ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 60), hit.start),
  );
  const framed = frameFor(ctx.text, governing, hit.start);
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
  for (const id of arrested) if (!targets.includes(id)) targets.unshift(id);
  for (const v of cas.victims) {
    const desc = targetDescription(v.text);
    if (desc && !targets.includes(desc) && targets.length < 6) targets.push(desc);
  }
  const words = ctx.text.slice(span.start, span.end);
  // "the attack", "that raid" refer back; "the militants captured" is a subject and its verb.
  const verbTrigger = /^\w+ed\b/i.test(ctx.text.slice(hit.start, hit.end));
  const anaphoric =
    (!verbTrigger &&
      (ANAPHORIC_BEFORE.test(ctx.text.slice(Math.max(span.start, hit.start - 30), hit.start)) ||
        // A trigger that holds its own article ("the grenade") refers back just the same.
        /^(?:the|that|this)\s/i.test(ctx.text.slice(hit.start, hit.end)))) ||
    (REFERENCED_BEFORE.test(ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 60), hit.start)) &&
      // "claimed an attack on a mosque in Kabul": an indefinite description tells a new incident.
      !INDEFINITE_BEFORE.test(ctx.text.slice(Math.max(clause.sentenceStart, hit.start - 40), hit.start)));
  const statePerpetrator =
    [...perpetrators.keys()].some((id) => {
      const e = ctx.entityById.get(id);
      return (
        !!e &&
        (e.type === 'organization' || e.type === 'location') &&
        STATE_ACTOR.test(e.name + ' ' + e.aliases.join(' '))
      );
    }) ||
    /^\s*(?:(?:the|security|government|federal)\s+)?(?:troops|soldiers|security forces|police|army|the military)\b|^\s*(?:the\s+)?(?:government|state|armed|federal|national)\s+forces\b/i.test(
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
    counter: COUNTER.test(ctx.text.slice(span.start, span.end)),
  };
  const dateAdjacent = within(
    ctx.times,
    Math.max(clause.start, hit.start - 30),
    Math.min(clause.end, hit.end + 20),
  ).some(
    (t) => (t.end <= hit.start && hit.start - t.end <= 12) || (t.start >= hit.end && t.start - hit.end <= 8),
  );
  return {
    clause,
    main: hit,
    date,
    location,
    anaphoric,
    dateAdjacent,
    hasCasualties,
    head: headWord(ctx.text.slice(hit.start, hit.end)),
    draft,
    counter: draft.counter,
  };
}

/** Facts in a clause without a trigger that still belong to the current incident. */
function attachLooseFacts(
  ctx: DocContext,
  clause: Clause,
  current: EventDraft,
  atts: readonly Attribution[],
): void {
  const cas = findCasualties(ctx, clause.start, clause.end);
  // A perpetrator's own figure ("the Islamic State said its fighters had killed 30 Christians")
  // does not replace a toll already told by others.
  const selfClaimed = atts.some(
    (a) => a.selfClaim && a.verb.start >= clause.start && a.verb.start < clause.end,
  );
  if ((cas.fatalities || cas.injured) && !(selfClaimed && (current.fatalities || current.injured))) {
    // Tolls of the two sides add up when one sentence or one source tells both; across sources
    // they are often rival claims ("the army killed 20 assailants"; "JNIM said it killed dozens of
    // soldiers").
    const sameSentence =
      current.evidence.some((e) => e.start >= clause.sentenceStart && e.end <= clause.sentenceEnd) ||
      sameSpeaker(ctx, current.attributions, atts);
    current.fatalities = combineCounts(current.fatalities, cas.fatalities, sameSentence);
    current.injured = combineCounts(current.injured, cas.injured, sameSentence);
    current.evidence.push({ start: clause.start, end: clause.end });
  }
  looseDate(ctx, clause, current);
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

/** Words that date an incident only vaguely: a later clause that gives its days is better. */
const VAGUE_DATE = /^(?:overnight|recently|in recent (?:days|weeks))$/i;

/**
 * "The assailants arrived after dark on Saturday and went from house to house until the early
 * hours of Sunday": a clause that goes on telling the incident dates it when the incident has no
 * date, only an inherited or a vague one. The days it names (not statement dates) are taken when
 * they lie within three days of each other.
 */
function looseDate(ctx: DocContext, clause: Clause, current: EventDraft): void {
  if (current.date && !current.dateWeak && !VAGUE_DATE.test(current.date.text ?? '')) return;
  const days = within(ctx.times, clause.start, clause.end).filter(
    (t) => t.range.precision === 'day' && !!t.range.start && !isStatementDate(ctx.text, t),
  );
  if (!days.length) return;
  const start = days.map((t) => t.range.start as string).sort()[0] as string;
  const end = days.map((t) => t.range.end as string).sort()[days.length - 1] as string;
  if (Date.parse(end) - Date.parse(start) > 3 * 86400000) return;
  const text = ctx.text.slice(
    (days[0] as TimeExpression).start,
    (days[days.length - 1] as TimeExpression).end,
  );
  current.date = { start, end, precision: start === end ? 'day' : 'range', text };
  current.dateWeak = false;
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
  /\bthe same (?:\w+ )?(?:town|city|village|area|district|cantonment|base|garrison|market|camp|compound|checkpoint|post|region|province|place|site|neighbourhood|neighborhood|mosque|church|school|hospital)\b|\bnearby\b|\b(?:at|near) the scene\b|\bin the (?:same )?vicinity\b|\b(?:in|at|near) the (?:district|town|city|village|province|area|region|camp|base)\b(?! of\b)/i;

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
  // An unplaced incident in the same week as a placed one belongs to that story's place ("Seven
  // of them were killed when a convoy … was ambushed on Friday" in a report on the assault on Palma).
  if (!d.location && d.date && !d.dateWeak && !isBroadDate(d.date)) {
    const near = [...drafts]
      .reverse()
      .find(
        (x) =>
          x.location &&
          x.date &&
          !x.dateWeak &&
          !isBroadDate(x.date) &&
          withinDays(x.date, d.date as DateRange, 7),
      );
    if (near) d.location = near.location;
  }
  // "A wave of coordinated attacks …, blamed on the EMC. A sniper shot and killed a police
  // officer in Caloto.": a part of a series told before, on its days, has the series' authors.
  if (!d.perpetrators.size && !d.counter && d.date) {
    const date = d.date;
    const series = drafts.find(
      (x) =>
        x.perpetrators.size > 0 &&
        !!x.date &&
        !isBroadDate(x.date) &&
        daysOverlap(x.date, date) &&
        SERIES.test(x.words[0] ?? ''),
    );
    if (series) for (const [k, v] of series.perpetrators) d.perpetrators.set(k, v);
  }
  return d;
}

/** "after two days of (heavy) fighting", "following fierce clashes": the fight that won a place. */
const FIGHT_LEADING_TO =
  /\b(?:after|following)\s+(?:(?:several|two|three|four|five|days|weeks|hours|of|heavy|fierce|intense|days-long|weeks-long|a|an|the)\s+){0,4}$/i;

const CROWD = String.raw`(?:supporters|protesters|protestors|demonstrators|rioters|crowds?|mobs?|students|marchers|youths)`;
const CROWD_BEFORE = new RegExp(String.raw`\b${CROWD}\b[^.;]{0,80}$`, 'i');
const CROWD_AFTER = new RegExp(String.raw`^\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,2}${CROWD}\b`, 'i');

/**
 * "Thousands of supporters of Imran Khan clashed with police", "police clashed with stone-throwing
 * protesters": a crowd on one side makes a clash a violent demonstration, not a battle.
 */
function isCrowdClash(text: string, h: TriggerHit): boolean {
  if (h.cls !== 'armed_clash' || !/^clash/i.test(text.slice(h.start, h.end))) return false;
  const sentenceStart = Math.max(text.lastIndexOf('. ', h.start), text.lastIndexOf('\n', h.start), 0);
  return (
    CROWD_BEFORE.test(text.slice(Math.max(sentenceStart, h.start - 100), h.start)) ||
    CROWD_AFTER.test(text.slice(h.end, h.end + 60))
  );
}

/** "Separately, …", "In another incident, …", "Elsewhere, …": the sentence opens a new incident. */
const SEPARATE_INCIDENT =
  /^\s*(?:separately\b|elsewhere\b|in (?:a |an )?(?:separate|another|other|unrelated|second) (?:incident|attack|development|case|operation|raid)s?\b)/i;

/** An incident told as a series of attacks that later sentences tell one by one. */
const SERIES =
  /\b(?:wave|series|string|spate|campaign|coordinated|simultaneous)\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:attacks|assaults|bombings|blasts|explosions|raids|strikes)\b/i;

/** True when two bounded ranges lie within `days` of each other. */
function withinDays(a: DateRange, b: DateRange, days: number): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return false;
  const gap =
    Math.max(Date.parse(a.start), Date.parse(b.start)) - Math.min(Date.parse(a.end), Date.parse(b.end));
  return gap <= days * 86400000;
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
  const words = ctx.text.slice(clause.start, clause.end);
  // "a hospital spokesperson said 23 wounded people had been brought in": a count of wounded
  // told with no incident yet is of one all the same.
  const dead =
    !!cas.fatalities &&
    /\b(?:killed|dead|died|bodies|toll|succumbed|perished|slain|lost (?:their|his|her) lives)\b/i.test(words);
  const hurt = !!cas.injured && /\b(?:wounded|injured|hurt)\b/i.test(words);
  if (!dead && !hurt) return null;
  const anchor = { start: clause.start, end: clause.start, cls: 'killing' as TriggerClass, priority: 0 };
  const facts = newDraft(ctx, clause, clause, anchor, atts, stmt);
  return facts?.draft ?? null;
}

/**
 * "the Islamic State said its fighters had killed 30 Christians in the village": a perpetrator's
 * own account, with no date or place of its own, is of the report's main incident.
 */
function claimTarget(ctx: DocContext, drafts: readonly EventDraft[], c: ClauseFacts): EventDraft | null {
  // A date the claim was published on ("in a claim published on Monday") is the claim's, not the act's.
  if (!c.draft.claimedBy.size || (c.date && !c.date.weak)) return null;
  return (
    drafts.find(
      (d) =>
        d.date &&
        !d.dateWeak &&
        isRecent(d.date, ctx.published) &&
        sameFamily(d.cls, c.draft.cls) &&
        compatibleLocations(c.location, d.location) &&
        // A claim is made on or after the act it claims.
        !(c.date?.range.end && d.date.start && c.date.range.end < d.date.start),
    ) ?? null
  );
}

/** "claimed the attack", "claimed responsibility for Tuesday's bombing": a definite reference in a claim. */
const CLAIM_OF_BEFORE =
  /\b(?:claimed|claims?|claiming|responsibility for)\s+(?:the|this|that|these|those|its|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w-]+\s+){0,3}$/i;

/**
 * "ISMP claimed the attack on Sunday in a statement on Amaq": a claim of responsibility that
 * refers back to an incident is about the nearest one told before of a compatible kind, whatever
 * day the claim was made; the claim adds its author, it is no new incident.
 */
function claimedIncident(
  ctx: DocContext,
  drafts: readonly EventDraft[],
  clause: Clause,
  inClause: readonly TriggerHit[],
): { draft: EventDraft; ref: TriggerHit } | null {
  if (!drafts.length) return null;
  const ref = inClause.find((h) =>
    CLAIM_OF_BEFORE.test(ctx.text.slice(Math.max(clause.sentenceStart, h.start - 60), h.start)),
  );
  if (!ref) return null;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i] as EventDraft;
    if ((d.evidence[0]?.start ?? 0) >= clause.sentenceStart) continue;
    if (sameFamily(d.cls, ref.cls) || (VIOLENT_FAMILY.has(d.cls) && GENERIC_CLASSES.has(ref.cls)))
      return { draft: d, ref };
  }
  return null;
}

/** A clause cut at "X, a day after Y" / "Two days after Y, …, X": two incidents a shift apart. */
interface ShiftSplit {
  readonly shift: RelativeShift;
  /** The parts in text order; `main` is the one the shift dates from the other. */
  readonly first: Span;
  readonly second: Span;
  readonly main: Span;
}

/**
 * Finds a governing shift in a clause with triggers on both sides of its complement. A trailing
 * shift ("killed two militants on Monday, a day after a soldier was shot dead") governs the rest
 * of the clause; a leading one ("Two days after the ambush, which took place on Tuesday, the army
 * launched …") governs up to the last comma before the next incident's trigger.
 */
function shiftSplit(ctx: DocContext, clause: Clause, hits: readonly TriggerHit[]): ShiftSplit | null {
  const shift =
    within(ctx.shifts, clause.start, clause.end).find((x) => x.governs) ?? sinceShift(ctx, clause);
  if (!shift) return null;
  const after = hits.filter((h) => h.start >= shift.end);
  if (!after.length) return null;
  if (hits.some((h) => h.end <= shift.start)) {
    const main = { start: clause.start, end: shift.start };
    return { shift, first: main, second: { start: shift.end, end: clause.end }, main };
  }
  const governed = after[0] as TriggerHit;
  for (const h of after.slice(1)) {
    const gap = ctx.text.slice(governed.end, h.start);
    const comma = gap.lastIndexOf(', ');
    if (comma < 0) continue;
    const cut = governed.end + comma;
    const main = { start: cut + 2, end: clause.end };
    return { shift, first: { start: shift.end, end: cut }, second: main, main };
  }
  return null;
}

const SINCE_EVENT =
  /\b(?:deadliest|worst|biggest|largest|heaviest|bloodiest|first|most serious)\b[^.;]{0,60}?\bsince\b(?= (?:the |a |an |its |their |it |they |[\w-]+ (?:[\w-]+ )?(?:overthrew|seized|took|killed|attacked|stormed|was|were)\b))/gi;

/**
 * "The ambush is the deadliest since soldiers overthrew the president on July 26": the clause
 * after "since" tells an earlier incident of its own, with its own date (a shift of 0 days that
 * dates nothing: each part keeps what it says).
 */
function sinceShift(ctx: DocContext, clause: Clause): RelativeShift | null {
  SINCE_EVENT.lastIndex = 0;
  const m = SINCE_EVENT.exec(ctx.text.slice(clause.start, clause.end));
  if (!m) return null;
  const end = clause.start + m.index + m[0].length;
  return { start: end - 5, end, text: 'since', days: 0, governs: true };
}

/** Dates the two incidents of a shift split from each other when only one of them has its own date. */
function datePair(
  ctx: DocContext,
  split: ShiftSplit,
  span: Span,
  facts: ClauseFacts,
  stmt: ReadonlySet<number>,
  partner: EventDraft | null,
): void {
  const isMain = span.start === split.main.start;
  const other = span === split.first ? split.second : split.first;
  const own = dateIn(ctx, span, facts.main.start, stmt);
  let range: DateRange | null = own && !own.weak ? own.range : null;
  if (!range && split.shift.days === 0) return;
  if (!range) {
    const theirs = dateIn(ctx, other, other.start, stmt);
    const base = theirs && !theirs.weak ? theirs.range : (partner?.date ?? null);
    const days = isMain ? split.shift.days : -split.shift.days;
    range = base ? shiftRange(base, days, split.shift.text) : null;
  }
  setDate(facts, range);
}

/** "the next day the army killed two of the attackers": dated from the incident told before. */
function datedAfterPrevious(
  ctx: DocContext,
  span: Span,
  facts: ClauseFacts,
  drafts: readonly EventDraft[],
): void {
  const shift = within(ctx.shifts, span.start, span.end).find((x) => !x.governs);
  if (!shift) return;
  if (within(ctx.times, span.start, span.end).some((t) => t.end <= shift.start || t.start >= shift.end))
    return;
  const prev = [...drafts].reverse().find((d) => d.date && !d.dateWeak);
  const range = prev?.date ? shiftRange(prev.date, shift.days, shift.text) : null;
  if (!range || !prev) return;
  setDate(facts, range);
  // The story goes on where it was: "the next day the army killed two of the attackers".
  if (!facts.location && prev.location) facts.draft.location = prev.location;
}

function setDate(facts: ClauseFacts, range: DateRange | null): void {
  facts.date = range ? { range, weak: false } : null;
  facts.draft.date = range;
  facts.draft.dateWeak = false;
}

/** "the suspects were A, B and C", "the attackers were identified as …": names that follow are suspects. */
const SUSPECTS_NAMED =
  /\b(?:the (?:three |two |four |five )?(?:suspects?|accused|attackers|assailants|bombers?|gunmen)\s+(?:were|was|are|is|have been|had been)\s+(?:identified as\s+|named as\s+)?|identified (?:the|them|him|her) (?:\w+ )?as\s+|named the (?:\w+ )?suspects? as\s+)/i;

/**
 * Names a clause calls the suspects of an incident told before are its alleged perpetrators; the
 * incident is the latest one that is not itself an arrest (the arrest is of them, not by them).
 */
function attachSuspects(ctx: DocContext, clause: Clause, drafts: readonly EventDraft[]): void {
  const m = SUSPECTS_NAMED.exec(ctx.text.slice(clause.start, clause.end));
  if (!m) return;
  const target = [...drafts].reverse().find((d) => d.cls !== 'arrests' && !d.counter);
  if (!target) return;
  const from = clause.start + m.index + m[0].length;
  const names = mentionsIn(ctx, from, Math.min(clause.end, from + 160), ['person']);
  for (const n of names)
    if (!target.perpetrators.has(n.entity.id)) target.perpetrators.set(n.entity.id, 'alleged');
}

const DENIES_ALLEGATION =
  /^\s+(?:(?:has|have|had|also|again|strongly|categorically|flatly|firmly)\s+){0,2}(?:denied|deny|denies|rejected|reject|rejects|dismissed|dismiss|dismisses)\s+(?:the|these|this|those|such|all)\s+(?:[\w-]+\s+){0,2}?(?:accusations?|allegations?|charges?|claims?|reports?)\b/i;

/**
 * "The Malian Armed Forces categorically deny these allegations": an actor denying the
 * allegations just told is the one they accuse. It is an alleged perpetrator of the latest
 * alleged incident that names none, and that incident is denied by it.
 */
function attachDenials(ctx: DocContext, clause: Clause, drafts: readonly EventDraft[]): void {
  const target = drafts[drafts.length - 1];
  if (!target || target.modality !== 'alleged') return;
  for (const m of mentionsIn(ctx, clause.start, clause.end, ['group', 'organization'])) {
    if (!DENIES_ALLEGATION.test(ctx.text.slice(m.end, Math.min(clause.end, m.end + 80)))) continue;
    target.denied.set(m.entity.id, { start: clause.start, end: clause.end });
    if (!target.perpetrators.size) target.perpetrators.set(m.entity.id, 'alleged');
  }
}

const PARTICIPLE_AFTER = /^,\s+(?:killing|wounding|injuring|leaving)\b/i;
/** A list of places after "in": "in Kisumu and Mombasa", "in Kano, Kaduna and Zaria". */
const PLACE_LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)$/;

/**
 * "Smaller demonstrations in Kisumu and Mombasa passed off peacefully": gatherings told in the
 * plural at a list of places are one gathering per place. Copies of the draft for the places
 * after the first, which the draft itself keeps.
 */
function perPlace(ctx: DocContext, d: EventDraft, hit: TriggerHit, span: Span): EventDraft[] {
  if ((d.cls !== 'protest' && d.cls !== 'riot') || !/s$/i.test(ctx.text.slice(hit.start, hit.end))) return [];
  const lead = /^\s+(?:were\s+held\s+|took\s+place\s+)?in\s+/i.exec(ctx.text.slice(hit.end, span.end));
  if (!lead) return [];
  const places: Entity[] = [];
  let pos = hit.end + lead[0].length;
  for (const m of mentionsIn(ctx, pos, span.end, ['location'])) {
    if (m.start !== pos && !PLACE_LIST_GAP.test(ctx.text.slice(pos, m.start))) break;
    if (!places.some((p) => p.id === m.entity.id)) places.push(m.entity);
    pos = m.end;
  }
  if (places.length < 2 || places[0]?.id !== d.location?.id) return [];
  return places.slice(1).map((location) => ({
    ...d,
    location,
    evidence: [...d.evidence],
    perpetrators: new Map(d.perpetrators),
    claimedBy: new Set(d.claimedBy),
    denied: new Map(d.denied),
    targets: [...d.targets],
    words: [...d.words],
    attributions: new Set(d.attributions),
    heads: new Set(d.heads),
  }));
}

/** True when the clause's place is named within a short phrase after its trigger ("the attack in Kabul"). */
function placedNear(ctx: DocContext, facts: ClauseFacts): boolean {
  const place = facts.location;
  if (!place) return false;
  return mentionsIn(ctx, facts.main.end, facts.main.end + 60, ['location']).some(
    (m) =>
      m.entity.id === place.id &&
      /\b(?:in|at|near|outside|on|around)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i.test(
        ctx.text.slice(facts.main.end, m.start),
      ),
  );
}

const WEAPON_OF =
  /\b(?:the|that|this)\s+(?:[\w-]+\s+)?(?:aircraft|drones?|missiles?|rockets?|vessels?|boats?|vehicles?|devices?|bombs?)\s+(?:had\s+)?(?:belonged|belongs|belonging)\s+to\s+/i;

/**
 * "the aircraft belonged to the Iran-backed Houthi movement": whose weapon it was, told after the
 * incident it was used in (or brought down in), names that incident's alleged perpetrator.
 */
function attachOwners(ctx: DocContext, clause: Clause, drafts: readonly EventDraft[]): void {
  const m = WEAPON_OF.exec(ctx.text.slice(clause.start, clause.end));
  let target: EventDraft | undefined;
  for (const d of drafts) if (!target || (d.touched ?? 0) >= (target.touched ?? 0)) target = d;
  if (!m || !target) return;
  const from = clause.start + m.index + m[0].length;
  const owner = mentionsIn(ctx, from, Math.min(clause.end, from + 60), ['group', 'organization']).find(
    (o) => !/^[-\s]?(?:linked|allied|backed|affiliated|inspired)\b/i.test(ctx.text.slice(o.end, o.end + 12)),
  );
  if (owner && !target.perpetrators.has(owner.entity.id)) target.perpetrators.set(owner.entity.id, 'alleged');
}

/** Between a date and the trigger it is fused to: "last weekend's grenade attack", "Sunday's bombing". */
const POSSESSIVE_GAP = /^['’]s\s+(?:[\w-]+\s+){0,2}$/;

/** Builds incident drafts for the whole document. */
export function draftEvents(
  ctx: DocContext,
  attributions: readonly Attribution[],
  statementStarts: ReadonlySet<number>,
): EventDraft[] {
  const hits = findTriggers(ctx.text).map((h) =>
    isCrowdClash(ctx.text, h) ? { ...h, cls: 'riot' as const } : h,
  );
  const drafts: EventDraft[] = [];
  for (const [clauseIndex, clause] of ctx.clauses.entries()) {
    const atts = attributionsOf(attributions, clause.sentence);
    attachSuspects(ctx, clause, drafts);
    attachDenials(ctx, clause, drafts);
    attachOwners(ctx, clause, drafts);
    // "one of the deadliest strikes in months" compares the incident with others: no trigger.
    const inClause = within(hits, clause.start, clause.end).filter((h) => {
      const before = ctx.text.slice(Math.max(clause.start, h.start - 48), h.start);
      return (
        !COMPARED_BEFORE.test(before) &&
        // "since the fighting began" still tells of fighting going on; "since the truce took effect" dates
        !(SINCE_BEFORE.test(before) && !ONGOING_AFTER.test(ctx.text.slice(h.end, h.end + 24)))
      );
    });
    const referenced = inClause.filter(
      (h) =>
        REFERENCED_BEFORE.test(ctx.text.slice(Math.max(clause.start, h.start - 60), h.start)) &&
        h.cls !== 'killing',
    );
    // "seized the town after two days of fighting": the fighting is how the town was taken, one
    // incident with the capture, not an earlier one.
    if (inClause.some((h) => h.cls === 'territory' && !referenced.includes(h)))
      for (let i = referenced.length - 1; i >= 0; i--) {
        const r = referenced[i] as TriggerHit;
        if (
          (r.cls === 'armed_clash' || r.cls === 'violent') &&
          FIGHT_LEADING_TO.test(ctx.text.slice(Math.max(clause.start, r.start - 40), r.start))
        )
          referenced.splice(i, 1);
      }
    let own = inClause.filter((h) => !referenced.includes(h));
    if (referenced.length && own.every((h) => h.cls === 'killing')) {
      own = [...own, ...referenced];
      referenced.length = 0;
    }
    const groups: { span: Span; hits: TriggerHit[] }[] = [];
    const referencedSpans: Span[] = [];
    const split = shiftSplit(ctx, clause, inClause);
    if (split)
      for (const span of [split.first, split.second]) {
        const hs = within(inClause, span.start, span.end);
        if (hs.length) groups.push({ span, hits: rankTriggers(ctx, hs, clause) });
      }
    else {
      const refGroups: { span: Span; hits: TriggerHit[] }[] = [];
      for (const r of referenced) {
        // "behind a roadside bomb and gun attack that killed nine policemen": triggers joined in
        // one referenced phrase name one incident.
        const joined = refGroups.find((g) => r.start >= g.span.start && r.end <= g.span.end);
        if (joined) {
          joined.hits = rankTriggers(ctx, [...joined.hits, r], clause);
          continue;
        }
        const rest = ctx.text.slice(r.end, clause.end);
        const tail = /[,;]|\s(?:alleging|saying|who|which)\s/.exec(rest);
        let end = tail ? r.end + tail.index : clause.end;
        // "after troops foiled an infiltration bid …, killing two militants": a participle after
        // the comma tells what the referenced act did, not the clause's own incident.
        if (PARTICIPLE_AFTER.test(ctx.text.slice(end, clause.end))) {
          const next = /[;]|,\s(?!killing|wounding|injuring|leaving)/.exec(
            ctx.text.slice(end + 1, clause.end),
          );
          end = next ? end + 1 + next.index : clause.end;
        }
        refGroups.push({ span: { start: r.start, end }, hits: [r] });
      }
      // The clause's own triggers that lie in a referenced phrase belong to that incident.
      for (const g of refGroups) {
        const inside = own.filter((h) => h.start >= g.span.start && h.end <= g.span.end);
        if (inside.length) g.hits = rankTriggers(ctx, [...g.hits, ...inside], clause);
      }
      const mine = own.filter((h) => !refGroups.some((g) => h.start >= g.span.start && h.end <= g.span.end));
      if (mine.length) groups.push({ span: clause, hits: rankTriggers(ctx, mine, clause) });
      groups.push(...refGroups);
      // "arrested three men on Friday over last weekend's grenade attack": the referenced
      // incident's span and the date fused to it as a possessive are not the clause's own.
      for (const g of refGroups) {
        const fused = within(ctx.times, clause.start, g.span.start).find((t) =>
          POSSESSIVE_GAP.test(ctx.text.slice(t.end, g.span.start)),
        );
        referencedSpans.push({ start: fused?.start ?? g.span.start, end: g.span.end });
      }
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
    const separate =
      clause.start === clause.sentenceStart &&
      SEPARATE_INCIDENT.test(ctx.text.slice(clause.start, clause.end));
    const claimed = split ? null : claimedIncident(ctx, drafts, clause, inClause);
    let partner: EventDraft | null = null;
    for (const g of groups) {
      let facts: ClauseFacts | null = null;
      for (const hit of g.hits) {
        facts = newDraft(
          ctx,
          clause,
          g.span,
          hit,
          atts,
          statementStarts,
          referencedSpans.filter((x) => hit.start < x.start || hit.start >= x.end),
          !!split,
        );
        if (
          facts &&
          !(
            facts.draft.cls === 'killing' &&
            !facts.draft.fatalities &&
            // "shot and wounded two labourers": a shooting that only wounded is still one.
            !(facts.draft.injured && /^shot\b/i.test(ctx.text.slice(hit.start, hit.end))) &&
            !/^(?:killings?|beheadings?|assassination)/i.test(ctx.text.slice(hit.start, hit.end))
          )
        )
          break;
        facts = null;
      }
      if (!facts) continue;
      // "attacked a police station in Tank and a checkpoint in Lakki Marwat, killing five
      // policemen in the two attacks": a counted plural of the same kind tells how many
      for (const h of g.hits) {
        if (h.start === facts.main.start || !sameFamily(h.cls, facts.draft.cls)) continue;
        const n = readTrigger(ctx, clause.start, h);
        if (!n.aggregate && !n.hypothetical && n.count > facts.draft.count) facts.draft.count = n.count;
      }
      facts.draft.heads = new Set(
        g.hits.map((h) => headWord(ctx.text.slice(h.start, h.end))).filter((h): h is string => !!h),
      );
      if (split) datePair(ctx, split, g.span, facts, statementStarts, partner);
      else datedAfterPrevious(ctx, g.span, facts, drafts);
      // The two parts of a split are two incidents, even when the first continued an earlier one.
      const exclude: ReadonlySet<EventDraft> =
        split && partner ? new Set([...fromClause, partner]) : fromClause;
      const into: EventDraft | null =
        // The claim's own clause, and a group the claim names ("its fighters had killed …").
        (claimed && (facts.main === claimed.ref || facts.draft.claimedBy.size) ? claimed.draft : null) ??
        claimTarget(ctx, drafts, facts) ??
        (separate ? null : mergeTarget(drafts, facts, exclude));
      if (into) {
        const sameSentence =
          into.evidence.some((e) => e.start >= clause.sentenceStart && e.end <= clause.sentenceEnd) ||
          sameSpeaker(ctx, into.attributions, facts.draft.attributions);
        // "Envoys of Britain, the United States, Germany … were troubled by the violence during
        // the demonstrations": a reference to a told incident is placed in a whole country only
        // by a country named next to it; countries elsewhere in its clause are actors.
        if (
          facts.anaphoric &&
          !into.location &&
          facts.draft.location &&
          specificity(facts.draft.location) <= 3 &&
          !placedNear(ctx, facts)
        )
          facts.draft.location = null;
        absorb(into, facts.draft, sameSentence);
        into.touched = clauseIndex;
        partner = into;
      } else {
        facts.draft.touched = clauseIndex;
        drafts.push(inheritContext(ctx, facts.draft, drafts, clause));
        fromClause.add(facts.draft);
        partner = facts.draft;
        for (const copy of perPlace(ctx, facts.draft, facts.main, g.span)) {
          drafts.push(copy);
          fromClause.add(copy);
        }
      }
    }
  }
  joinClaimsToIncidents(ctx, drafts);
  return drafts;
}

/**
 * "The Houthis said on Wednesday they had fired two missiles at a bulk carrier …, a day after a
 * maritime agency reported explosions near a merchant vessel": a perpetrator's undated account of
 * an act and the dated incident others observed at the same place are one attack, whichever was
 * told first. The claim joins the observed incident only when exactly one fits (recent, of a
 * compatible kind and place, nobody else's deed), so a group's tally of older attacks stays apart.
 */
function joinClaimsToIncidents(ctx: DocContext, drafts: EventDraft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const claim = drafts[i] as EventDraft;
    if (!claim.claimedBy.size || claim.modality !== 'claimed' || (claim.date && !claim.dateWeak)) continue;
    const fits = drafts.filter(
      (d) =>
        d !== claim &&
        d.modality === 'asserted' &&
        !d.counter &&
        !!d.date &&
        !d.dateWeak &&
        isRecent(d.date, ctx.published) &&
        sameFamily(d.cls, claim.cls) &&
        !!claim.location &&
        !!d.location &&
        compatibleLocations(claim.location, d.location) &&
        [...d.claimedBy].every((k) => claim.claimedBy.has(k)) &&
        [...d.perpetrators.keys()].every((k) => claim.claimedBy.has(k) || claim.perpetrators.has(k)),
    );
    if (fits.length !== 1) continue;
    const incident = fits[0] as EventDraft;
    absorb(incident, claim, false);
    // The joined incident keeps the place in the story of whichever was told first.
    const at = drafts.indexOf(incident);
    if (at < i) drafts.splice(i--, 1);
    else {
      drafts.splice(at, 1);
      drafts[i] = incident;
    }
  }
}

/** Turns drafts into contract events; drafts too thin to be an incident are dropped. */
export function finalizeEvents(
  ctx: DocContext,
  drafts: readonly EventDraft[],
  sourceIdOf: (a: Attribution) => string | null,
): { events: Event[]; kept: EventDraft[] } {
  const events: Event[] = [];
  const kept: EventDraft[] = [];
  const dateline = datelinePlace(ctx);
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
      // "an official said the ship might have hit a mine": a source's guess at a specific kind of
      // act is an incident of uncertain truth, not nothing.
      !(d.attributions.size && !GENERIC_CLASSES.has(d.cls)) &&
      !d.location &&
      !d.fatalities &&
      !d.injured &&
      d.perpetrators.size === 0 &&
      !d.date
    )
      return;
    const location = d.location ?? (i === 0 ? dateline : null);
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
      for (const a of d.attributions) {
        // Only a force speaks of its own strike or arrest: a monitor or an agency reporting the
        // toll ("the Syrian Observatory for Human Rights said two people were killed") did not act.
        if (
          a.entity &&
          (a.entity.type === 'organization' || a.entity.type === 'group') &&
          SPEAKING_FORCE.test([a.entity.name, ...a.entity.aliases].join(' '))
        )
          perpetrators.push(a.entity.id);
        // "U.S. Central Command spokesman Navy Capt. Bill Urban said an unmanned aircraft had hit
        // …": a spokesman speaks for the force named before him, which carried out the strike.
        else if (a.entity?.type === 'person') {
          const speaker = firstMentionIn(a.entity, a.span) ?? a.span.end;
          const force = mentionsIn(ctx, a.span.start, speaker, ['organization'])[0];
          if (force && SPEAKING_FORCE.test([force.entity.name, ...force.entity.aliases].join(' ')))
            perpetrators.push(force.entity.id);
        }
      }
    }
    // "The Congolese army … rejected that criticism. Its spokesman said troops had pursued the
    // attackers": state forces told by a common noun are the state force named just before.
    if (
      !perpetrators.length &&
      d.evidence[0] &&
      (d.statePerpetrator || (d.counter && STATE_NOUN.test(d.words.join(' '))))
    ) {
      const force = stateForceBefore(ctx, d.evidence[0].start);
      if (force) perpetrators.push(force.id);
    }
    events.push({
      id,
      category,
      type,
      count: d.count,
      date: d.date ?? { start: null, end: null, precision: 'unknown', text: null },
      location: location?.id ?? null,
      perpetrators: [...new Set(perpetrators)],
      targets: distinctTargets(d.targets.filter((t) => !d.perpetrators.has(t))),
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

/** The last state force (army, police, …) named within a few sentences before `pos`. */
function stateForceBefore(ctx: DocContext, pos: number): Entity | null {
  for (let i = lowerBound(ctx.mentions, pos) - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (!m || pos - m.end > 400) break;
    const e = m.entity;
    if (e.type === 'organization' && STATE_FORCE.test([e.name, ...e.aliases].join(' '))) return e;
  }
  return null;
}
/** A force a spokesman can speak for when it strikes or arrests. */
const SPEAKING_FORCE =
  /\b(?:army|armed forces|military|police|gendarmerie|security forces|defen[cs]e|command|navy|air force|counter[- ]?terror\w*|intelligence|rangers|frontier corps|national guard|coast guard|special forces|task force|joint operations)\b/i;

/** Where an entity is first mentioned inside a span. */
function firstMentionIn(e: Entity, s: Span): number | null {
  return e.mentions.find((m) => m.start >= s.start && m.end <= s.end)?.start ?? null;
}

const STATE_NOUN = /\b(?:troops|soldiers|security forces|the army|the military|policemen|police officers)\b/i;
const STATE_FORCE =
  /\b(?:army|armed forces|military|police|gendarmerie|security forces|defen[cs]e forces)\b/i;

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
