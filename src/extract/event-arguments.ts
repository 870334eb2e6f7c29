/**
 * Arguments of an incident from its clause and sentence: the most specific place, the date
 * (not the date a statement was made), perpetrators ("by ISKP cadres", "JNIM fighters attacked",
 * "blamed on al-Shabab"), targets ("on a police patrol", "TTP functionaries") and the event
 * type for triggers whose type depends on who was hit.
 */
import type { DateRange, Entity, EventType, Span } from '../core/index.js';
import type { TimeExpression } from '../nlp/time/index.js';
import { resolveGroup } from './anaphora.js';
import { datelinePlace, mentionsIn, specificity, within, type DocContext, type Mention } from './context.js';
import type { TriggerClass } from './lexicon/event-triggers.js';

const POSSESSIVE_ACTOR =
  /^['’]s\s+(?:government|military|army|president|forces|police|intelligence|security|foreign|prime|defen[cs]e|interior|ministry|troops|armed|navy|air force)/i;

const SPEAKER_AFTER =
  /^\s+(?:has |had |also |later )?(?:said|says|told|claimed|announced|reported|confirmed|denied|warned|blamed|accused)\b/i;
/** "a Chinook helicopter", "a Dubai-flagged ship": a name modifying a craft is no place. */
const CRAFT_AFTER =
  /^\s+(?:helicopters?|aircraft|planes?|jets?|drones?|tanks?|vessels?|ships?|tankers?|missiles?|rockets?|rifles?)\b/i;
const ROAD_AFTER = /^\s+(?:road|highway|motorway|expressway|route|axis|corridor)\b/i;

/**
 * "Iran-backed", "Afghanistan-based", "Kabul-led": a place fused into a compound adjective
 * describes an actor, it is not where the incident happened.
 */
const COMPOUND_MODIFIER_AFTER =
  /^[-‐‑]\s?(?:based|backed|funded|sponsored|supported|linked|led|aligned|allied|armed|trained|born|headquartered|registered|inspired|affiliated|flagged|made|owned|run|controlled)\b|^\s+based\b/i;
/** "its Az-Zallaqa media outlet", "the Kabul bureau": a name heading a medium or an office. */
const MEDIUM_AFTER =
  /^\s+(?:media|outlet|news agency|agency|channel|broadcaster|radio|television|TV|website|newspaper|bureau)\b/i;
const IN_AFTER = /^,?\s+in\s+(?:the\s+)?\p{Lu}/u;
const FIRED_INTO_BEFORE =
  /\b(?:fired|firing|shelled|shelling|launched|lobbed|rockets?|mortars?|shells?|missiles?|artillery)\b[^.;]{0,40}\binto\s+(?:the\s+)?$/i;

/** "Yemen's Houthi rebels", "Somalia's al-Shabaab": a place owning an actor's name describes the actor. */
function isPossessorOfActor(ctx: DocContext, m: Mention): boolean {
  if (!/^['’]s\s/.test(ctx.text.slice(m.end, m.end + 3))) return false;
  return mentionsIn(ctx, m.end + 3, m.end + 40, ['group', 'organization']).some((n) => n.start <= m.end + 4);
}

/** An all-capitals place opening a line and followed by a comma or dash: a dateline the ingester did not mark. */
function isDatelineLike(text: string, start: number, end: number): boolean {
  const lineStart = start === 0 || text[start - 1] === '\n';
  return (
    lineStart &&
    /^[\p{Lu}\s.'’-]+$/u.test(text.slice(start, end)) &&
    /^\s*(?:,|—|–|-|:)/.test(text.slice(end, end + 4))
  );
}

/** The most specific location named in a span, skipping "-based" modifiers and actor possessives. */
export function locationIn(
  ctx: DocContext,
  span: Span,
  anchor: number,
  exclude: readonly Span[] = [],
): Entity | null {
  let best: Mention | null = null;
  let bestScore = -Infinity;
  for (const m of mentionsIn(ctx, span.start, span.end, ['location'])) {
    if (exclude.some((x) => m.start >= x.start && m.end <= x.end)) continue;
    if (within(ctx.times, m.start - 40, m.end + 40).some((t) => t.start < m.end && m.start < t.end)) continue;
    const after = ctx.text.slice(m.end, m.end + 24);
    if (COMPOUND_MODIFIER_AFTER.test(after) || POSSESSIVE_ACTOR.test(after) || CRAFT_AFTER.test(after))
      continue;
    if (MEDIUM_AFTER.test(after) || isPossessorOfActor(ctx, m)) continue;
    // "the Line of Control" read as "Line": a name cut short before "of" and a capital is no place.
    if (/^ of \p{Lu}/u.test(after) && /^\p{Lu}[\p{L}]*$/u.test(ctx.text.slice(m.start, m.end))) continue;
    if (isDatelineLike(ctx.text, m.start, m.end)) continue;
    const before = ctx.text.slice(Math.max(span.start, m.start - 24), m.start);
    // "its Az-Zallaqa media outlet", "their Kabul office": a name owned by someone is no scene.
    if (/\b(?:its|their|his|her)\s+$/i.test(before)) continue;
    // "Pakistan said …" names a speaker, but "a rescue worker in Mogadishu told …" and "a vessel
    // 60 miles west of Hodeidah had reported …" a place.
    if (
      SPEAKER_AFTER.test(after) &&
      !/\b(?:in|at|near|outside|inside|off|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?(?:\S+\s+){0,1}$/i.test(
        before,
      )
    )
      continue;
    if (
      /\b(?:from|to|into|with|of origin|towards)\s+(?:the\s+)?$/i.test(before) &&
      !/\b(?:arrested|detained)\b.*from\s+$/i.test(before) &&
      // "fired across the border into Kurram": where fire lands is the scene.
      !FIRED_INTO_BEFORE.test(ctx.text.slice(Math.max(span.start, m.start - 60), m.start))
    )
      continue;
    const prep =
      /\b(?:in|at|near|outside|on|inside|around|across|outskirts of)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i.test(
        before,
      )
        ? 0.5
        : 0;
    const route =
      /\bbetween\s+(?:the\s+)?(?:\S+\s+){0,2}$/i.test(before) ||
      (/^\s+and\s+\S+/.test(after) && /\bbetween\b/i.test(before)) ||
      /\bbetween\s+\S+(?:\s+\S+)?\s+and\s+$/i.test(before)
        ? 1
        : 0;
    // "the Maiduguri-Damboa road": a route between two places is no more specific than its province.
    const road = /-/.test(ctx.text.slice(m.start, m.end)) && ROAD_AFTER.test(after) ? 1 : 0;
    // "Yelwata in Benue state": a place told as lying in another of its country is the narrower.
    const inOther =
      IN_AFTER.test(after) &&
      !!m.entity.geo?.countryCode &&
      mentionsIn(ctx, m.end, m.end + 16, ['location']).some(
        (o) => o.entity.id !== m.entity.id && o.entity.geo?.countryCode === m.entity.geo?.countryCode,
      )
        ? 1
        : 0;
    // "Tondobi, a village about 10 kilometres south of Djibo": the town measured from is no scene
    // when the place measured is named before it
    const measuredFrom =
      RELATIVE_ANCHOR_BEFORE.test(before) &&
      mentionsIn(ctx, span.start, m.start, ['location']).some((o) => o.entity.id !== m.entity.id)
        ? 1.5
        : 0;
    const score =
      specificity(m.entity) +
      prep +
      inOther -
      2 * route -
      2 * road -
      measuredFrom -
      Math.abs(m.start - anchor) / 200;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return (best && capitalFromDateline(ctx, best)) ?? best?.entity ?? null;
}

const CAPITAL_AFTER = /^['’]s\s+capital\b/i;
/** "10 kilometres south of", "30 km from", "north-east of": what comes next is a reference point. */
const RELATIVE_ANCHOR_BEFORE =
  /\b(?:(?:kilomet(?:er|re)s?|km|miles?)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from)|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:town|city|village|district)\s+of\s+)?$/i;

/**
 * "near the presidential palace in Somalia's capital" in a story datelined MOGADISHU: the scene
 * is the dateline's city when it lies in the country whose capital the text names.
 */
function capitalFromDateline(ctx: DocContext, m: Mention): Entity | null {
  const cc = m.entity.geo?.countryCode;
  if (m.entity.geo?.featureClass !== 'country' || !cc) return null;
  if (!CAPITAL_AFTER.test(ctx.text.slice(m.end, m.end + 12))) return null;
  const place = datelinePlace(ctx);
  return place?.geo?.featureClass === 'city' && place.geo.countryCode === cc ? place : null;
}

/** The time expression that dates an incident in `span`: the nearest one that is not a statement's date. */
export function dateIn(
  ctx: DocContext,
  span: Span,
  anchor: number,
  statementStarts: ReadonlySet<number>,
  skip: readonly Span[] = [],
): { range: DateRange; weak: boolean } | null {
  const times = within(ctx.times, span.start, span.end).filter(
    (t) => !skip.some((x) => t.start >= x.start && t.end <= x.end),
  );
  // Dates that read as a statement's ("On Monday, AQAP said …") give way to any other date in
  // the span, but are still the act's best date when they are the only one ("Last week, the
  // Taliban said their forces had killed three ISKP members").
  const saidDates = times.filter((t) => isStatementDate(ctx.text, t));
  const others = times.length > saidDates.length;
  let best: TimeExpression | null = null;
  for (const t of times) {
    if (statementStarts.has(t.start) || (t.range.precision === 'unknown' && !ctx.published)) continue;
    if (others && saidDates.includes(t)) continue;
    if (ctx.datelineSpan && t.start < ctx.datelineSpan.end + 2 && t.end > ctx.datelineSpan.start) continue;
    if (!best || Math.abs(t.start - anchor) < Math.abs(best.start - anchor)) best = t;
  }
  // A statement's date standing alone dates the act only weakly: a claim published on Monday
  // may be of an act told before on another day.
  if (best) return { range: best.range, weak: saidDates.includes(best) };
  const stated = times.find((t) => statementStarts.has(t.start));
  return stated ? { range: stated.range, weak: true } : null;
}

const BY_RE =
  /\b(?:by|blamed (?:\w+ ){0,3}on|attributed (?:\w+ ){0,3}to|attribute to|(?:the )?work of|carried out by|pointed the finger at|sent by|suspected|suspect|accused|blamed|blaming|suspicion (?:fell|falls|has fallen) on|(?:bore|bears|had|has) the hallmarks of|hallmarks of)\s+/gi;
const ALLEGING_BY =
  /^(?:blamed|blaming|attributed|attribute|pointed|sent|suspect|accused|work|suspicion|bore|bears|had|has|hallmarks)/i;
const BEHIND_AFTER =
  /^\s+(?:is|was|were|are|had been|has been)?\s*(?:\w+\s+){0,2}?(?:to (?:have been|be)\s+)?behind\b/i;
const ACTOR_VERB =
  /^\s*(?:(?:suicide\s+)?(?:fighters|militants|gunmen|members|cadres|insurgents|rebels|jihadists|troops|soldiers|forces|police|officers|men|bombers?|attackers?|jets|warplanes|drones?)\s+)?(?:had\s+|have\s+|has\s+|also\s+|then\s+|allegedly\s+|reportedly\s+)*(?:attacked|stormed|killed|ambushed|overran|laid siege|shot|opened fire|carried out|launched|struck|seized|captured|abducted|kidnapped|detained|arrested|bombed|shelled|raided|targeted|hit|fired|set off|blew|mounted|staged|clashed|fought|battled|engaged|executed|beheaded|burned|torched|retook|recaptured)\b/i;

/** A relative clause or an appositive between an actor and its verb ("the ADF, an armed group of …, had carried out"). */
const RELATIVE_AFTER = /^(?:\s*\([^()]{1,20}\))?\)?,\s+(?:which|who|that|an?|the)\b/i;
const RELATIVE_REACH = 160;
/** A person's possessive before the noun that acts ("Khan's party", "Baghdadi's men"). */
const POSSESSOR_OF_NOUN =
  /^['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:party|men|supporters|followers|loyalists|fighters|forces|movement|group|faction|militia|bodyguards|guards|son|brother|family|government|administration|campaign)\b/;
const FOLLOWERS_OF_BEFORE =
  /\b(?:supporters|followers|loyalists|backers|sympathi[sz]ers|devotees|fans|admirers)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;

/**
 * True when a relative clause or appositive right after an actor ends in a comma followed by the
 * actor's verb: "IS Sahel Province, which is active in the area where Niger, Mali and Burkina
 * Faso meet, carried out …". The clause may hold commas of its own, so each comma is tried.
 */
function verbAfterRelative(text: string, from: number, end: number): boolean {
  const window = text.slice(from, Math.min(end, from + RELATIVE_REACH));
  if (!RELATIVE_AFTER.test(window)) return false;
  const open = window.indexOf(',');
  for (let c = window.indexOf(',', open + 1); c >= 0; c = window.indexOf(',', c + 1)) {
    if (/[.;]/.test(window.slice(open, c))) return false;
    if (ACTOR_VERB.test(text.slice(from + c + 1, end))) return true;
  }
  return false;
}

/** "findings suggested the ADF had carried out …": an actor told under a hedge is alleged. */
const HEDGE_BEFORE =
  /\b(?:suggest(?:s|ed)?|believe[sd]?|suspect(?:s|ed)?|think|thought|alleged(?:ly)?|allege[sd]?|accuse[sd]?|likely|probably|possibly|may|might|could)\b/i;

const SAID_AFTER =
  /^,?\s+(?:(?:[\w'’.-]+\s+){0,4}(?:also\s+)?(?:said|says|claimed|announced|reported|told|stated|confirmed|denied))\b/i;
const SAID_BEFORE =
  /\b(?:said|says|claimed|announced|reported|stated|confirmed|denied|published|released|issued|posted|broadcast)\s+(?:on\s+)?$|\b(?:claimed|denied|condemned)\s+(?:responsibility\s+for\s+)?(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|raids?|assaults?|ambush|killings?|strikes?|operation)\s+(?:on\s+)?$/i;

/**
 * "On Monday, AQAP said it had carried out …", "said on Tuesday that …", "claimed the attack on
 * Sunday": the date of a statement, not of the act.
 */
export function isStatementDate(text: string, t: Span): boolean {
  const before = text.slice(Math.max(0, t.start - 70), t.start);
  // Only a date that opens its sentence governs the "said" after it; "… on Tuesday, the
  // military said" dates the act.
  return (
    (SENTENCE_OPENING.test(before) && SAID_AFTER.test(text.slice(t.end, t.end + 50))) ||
    SAID_BEFORE.test(before)
  );
}
const SENTENCE_OPENING = /(?:^|[.!?;]["”’]?\s+|\n)(?:(?:also|and|earlier|later|then|but)\s+)?(?:on\s+)?$/i;

export interface Perpetrator {
  readonly entity: Entity;
  /** How the text ties them to the act. */
  readonly how: 'agent' | 'alleged';
}

const MEMBERS_AFTER =
  /^\s+(?:members?|fighters?|militants?|operatives?|commanders?|leaders?|cadres?|insurgents?|rebels?|hideouts?|positions?|suspects?)\b/i;
/** "carried by", "published by", "relayed by": the actor after "by" passed a message on. */
const RELAYED_BEFORE =
  /\b(?:carried|published|released|relayed|posted|broadcast|aired|reported|circulated|shared|quoted|cited|issued|distributed)\s+$/i;
const NOT_AGENT_BEFORE =
  /\b(?:took place|takes place|happened|occurred|located|situated|stationed|parked|lying|lies|lay|stood|standing|stands|investigation|investigated|probe|probed|inquiry|examined|reviewed|condemned|critici[sz]ed|denounced|(?:a|an|the|its|their)\s+(?:[\w-]+\s+){1,2}(?:used|owned|run|operated|held|controlled|occupied|built|frequented|managed|manned|guarded|escorted|inhabited|dominated|dug|set up))\s+$/i;
/** Names of news media: they carry a claim, they never carry out the act. */
const MEDIA_NAME = /\b(?:news|press|media|radio|television|broadcast\w*|newspaper|gazette|channel)\b|\bTV\b/;
function isMediaOutlet(e: Entity): boolean {
  return (
    e.type !== 'person' &&
    [e.name, ...e.aliases].some((n) => MEDIA_NAME.test(n.toLowerCase().replace(/\btv\b/, 'TV')))
  );
}
/**
 * "the Islamic State's Amaq news agency", "ISWAP, the Islamic State's West Africa branch": a
 * possessor naming whom a body or branch belongs to is not one more actor of the act.
 */
const PARENT_OF_AFTER =
  /^['’]s\s+(?:[\w-]+\s+){0,3}?(?:affiliate|branch|ally|province|wing|franchise|arm|offshoot|faction|news agency|agency|media|outlet|channel|mouthpiece|propaganda)\b/i;
function isParentOfNamed(ctx: DocContext, m: Mention, limit: number): boolean {
  const rest = ctx.text.slice(m.end, Math.min(limit, m.end + 60));
  if (PARENT_OF_AFTER.test(rest)) return true;
  // "X's Y" where Y is another actor mention: X only describes Y.
  if (!/^['’]s\s/.test(rest)) return false;
  const next = mentionsIn(ctx, m.end, Math.min(limit, m.end + 4 + 40), ['group', 'organization']);
  return next.some((n) => n.start <= m.end + 4 && n.entity.id !== m.entity.id);
}

/** "clashes between X and Y", "fighting between X and Y": a battle whose sides follow "between". */
const BATTLE_BETWEEN =
  /\b(?:clash(?:es)?|fighting|fights?|battles?|gun ?battles?|gun ?fights?|fire ?fights?|skirmish(?:es)?|exchanges? of fire|hostilities|confrontations?|combat)\s+(?:[\w-]+\s+){0,4}?between\s+/gi;
/** Where the second side's phrase ends: a clause break, a place, a time or the verb of the battle. */
const SIDES_END =
  /[.;:]|,\s|\s(?:in|on|at|near|over|around|across|along|since|after|before|during|when|which|who|that|killed|left|leaving|has|have|had|was|were|erupted|broke)\s/;

/**
 * The sides of a battle told as "clashes between X and Y": both are its actors, as in ACLED's
 * actor 1 and actor 2, though neither is the subject of an attack verb.
 */
function battleSides(ctx: DocContext, span: Span): Mention[] {
  const out: Mention[] = [];
  const chunk = ctx.text.slice(span.start, span.end);
  BATTLE_BETWEEN.lastIndex = 0;
  for (let m = BATTLE_BETWEEN.exec(chunk); m; m = BATTLE_BETWEEN.exec(chunk)) {
    const from = span.start + m.index + m[0].length;
    const rest = ctx.text.slice(from, Math.min(span.end, from + 140));
    const and = /\s(?:and|&)\s/.exec(rest);
    if (!and) continue;
    const second = from + and.index + and[0].length;
    const stop = SIDES_END.exec(ctx.text.slice(second, Math.min(span.end, second + 90)));
    let end = stop ? second + stop.index : Math.min(span.end, second + 90);
    // A name holding a stop word ("Islamic State in Somalia") is read whole.
    for (const n of mentionsIn(ctx, from, Math.min(span.end, end + 40), ['group', 'organization']))
      if (n.start < end && n.end > end) end = n.end;
    for (const a of mentionsIn(ctx, from, end, ['group', 'organization']))
      if (!isParentOfNamed(ctx, a, end)) out.push(a);
  }
  return out;
}

/** Perpetrators named in a span: agents of attack verbs, "by X", and attributions ("blamed on X"). */
export function perpetratorsIn(ctx: DocContext, span: Span): Perpetrator[] {
  const out: Perpetrator[] = [];
  const chunk = ctx.text.slice(span.start, span.end);
  const add = (entity: Entity | null, how: Perpetrator['how']): void => {
    if (entity && !isMediaOutlet(entity) && !out.some((p) => p.entity.id === entity.id))
      out.push({ entity, how });
  };
  BY_RE.lastIndex = 0;
  for (let m = BY_RE.exec(chunk); m; m = BY_RE.exec(chunk)) {
    // "a statement carried by the Islamic State's Amaq news agency": who relayed a message.
    if (/^by\b/i.test(m[0]) && RELAYED_BEFORE.test(chunk.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "the ambush took place by Shalal al-Matar": "by" a place is beside it, not its agent; "under
    // investigation by the IPOA": the body that looks into an act did not do it; "struck a hideout
    // used by the militants": the agent of a participle describing the target is no attacker.
    if (/^by\b/i.test(m[0]) && NOT_AGENT_BEFORE.test(chunk.slice(Math.max(0, m.index - 30), m.index)))
      continue;
    const from = span.start + m.index + m[0].length;
    const after = ctx.text.slice(from, Math.min(span.end, from + 70));
    const stop = /[.;]|,\s(?!known|also)|\s(?:who|which|that|in|on|at|after|when)\s/.exec(after);
    let end = from + (stop ? stop.index : after.length);
    // A name holding a stop word ("al-Qaida in the Arabian Peninsula") is read whole.
    const named = mentionsIn(ctx, from, Math.min(span.end, from + 70), [
      'group',
      'organization',
      'person',
    ])[0];
    if (named && named.start <= from + 4 && named.end > end) end = named.end;
    const actors = mentionsIn(ctx, from, end, ['group', 'organization', 'person']);
    // "killed two suspected AQAP members": the name describes who was hit.
    if (/^suspect/i.test(m[0]) && actors.some((a) => MEMBERS_AFTER.test(ctx.text.slice(a.end, a.end + 20))))
      continue;
    if (actors.length) {
      for (const a of actors)
        // "accused Khan's party of …": the possessor names whose party, not who is accused.
        if (!isParentOfNamed(ctx, a, end) && !POSSESSOR_OF_NOUN.test(ctx.text.slice(a.end, a.end + 30)))
          add(a.entity, ALLEGING_BY.test(m[0]) ? 'alleged' : 'agent');
      continue;
    }
    if (/^(?:the|this|that) (?:\w+ )?(?:group|outfit|militants|organi[sz]ation)\b/i.test(after))
      add(resolveGroup(ctx, from), ALLEGING_BY.test(m[0]) ? 'alleged' : 'agent');
  }
  for (const m of mentionsIn(ctx, span.start, span.end, ['group', 'organization', 'person'])) {
    const rest = ctx.text.slice(m.end, Math.min(span.end, m.end + 60));
    // "supporters of Imran Khan clashed": a person's followers act, not the person.
    if (
      m.entity.type === 'person' &&
      FOLLOWERS_OF_BEFORE.test(ctx.text.slice(Math.max(span.start, m.start - 60), m.start))
    )
      continue;
    if (
      /^[-\s]?(?:linked|allied|backed|affiliated|inspired)\b/i.test(rest) ||
      isParentOfNamed(ctx, m, span.end)
    )
      continue;
    // "gunmen from the Maute group, which had pledged allegiance to IS, seized …": the relative
    // clause stands between the actor and its verb.
    if (ACTOR_VERB.test(rest) || verbAfterRelative(ctx.text, m.end, span.end))
      add(
        m.entity,
        HEDGE_BEFORE.test(ctx.text.slice(Math.max(span.start, m.start - 40), m.start)) ? 'alleged' : 'agent',
      );
    else if (BEHIND_AFTER.test(rest) && !/\b(?:said|says|claimed)\s+(?:it|they)\b/i.test(rest.slice(0, 20)))
      add(m.entity, 'alleged');
  }
  for (const side of battleSides(ctx, span)) add(side.entity, 'agent');
  const anaphor =
    /\b(?:the (?:\w+ )?(?:group|outfit|militants|jihadists|insurgents)|its (?:fighters|forces|troops|men)|their (?:fighters|forces|troops|men))(?=\s+(?:had\s+|have\s+|also\s+)*(?:attacked|stormed|killed|ambushed|overran|carried out|launched|struck|seized|captured|abducted|set off|detonated|fired|targeted|taken))/i.exec(
      chunk,
    );
  if (anaphor) add(resolveGroup(ctx, span.start + anaphor.index), 'agent');
  return out;
}

/** Nouns a target description ends in: people, forces, places and vehicles that are hit. */
const TARGET_NOUN = String.raw`(?:people|persons|soldiers?|troops?|police(?:men)?|officers?|personnel|forces|patrol|convoy|checkpoint|post|base|camp|garrison|detachment|unit|civilians?|residents?|villagers?|worshippers?|students?|church|mosque|market|school|hospital|protesters?|demonstrators?|shoppers?|passengers?|vehicles?|buses?|leaders?|members?|commanders?|peacekeepers?|labourers?|workers?|officials?|guards?|cantonment|outpost|positions?|planner|fighters?|militants?|crowd|gathering|procession|mass|service|priests?|pastors?|clerics?|imams?|journalists?|teachers?|doctors?|nurses?|aid workers?|elders?|chiefs?|traders?|herders?|farmers?|fishermen|miners?|children|women|pilgrims?|tourists?|engineers?|hostages?|lawmakers?|politicians?|judges?|activists?|monks?|nuns?|bishops?|mourners?|hideouts?|depots?|convoys?|trucks?|tankers?|ships?|vessels?|boats?|aircraft|jets?)`;
const TARGET_RE = new RegExp(
  String.raw`\b(?:attacks?|assaults?|ambush(?:ed)?|raids?|raided|strikes?|bombing|bombed|shelled|attacked|stormed|targeted|targeting|hit|struck|ambushed|on|against|killing|killed|shot dead|gunned down|wounded|wounding|injuring|kidnapped|kidnapping|abducted|abducting|arrested|detained|including)\s+((?:a|an|the|two|three|four|five|several|some|many|its|their|his)\s+)?((?:[\w'’-]+\s+){0,3}?${TARGET_NOUN})\b`,
  'gi',
);
/** "The soldiers were abducted": the subject of a passive verb of taking or attacking. */
const PASSIVE_TARGET = new RegExp(
  String.raw`\b((?:the|a|an|two|three|four|five|six|several|some|many|\d+)\s+)?((?:[\w'’-]+\s+){0,2}?${TARGET_NOUN})\s+(?:was|were|had been|have been|has been)\s+(?:\w+\s+)?(?:abducted|kidnapped|taken hostage|attacked|ambushed|targeted|seized)\b`,
  'gi',
);

/** Phrases that a lazy noun-phrase match picks up but that are no target. */
const BAD_TARGET =
  /^(?:in|on|at|by|with|from|to|of|for|into|and|or|but|even|also|senior|member|killed|killing|wounded|wounding|injured|injuring|shot|attacked|targeted|hit|struck)\b|\b(?:when|who|whom|whose|which|that|where|while|monday|tuesday|wednesday|thursday|friday|saturday|sunday|evening|morning|afternoon|night|a\.m|p\.m|week|month|year|to|in|at|on|among|after|before|was|were|is|are|been|way|died|said)\b/i;

/** A count or quantity opening a description: the toll says how many, the target says who. */
const COUNT_LEAD =
  /^(?:(?:at least|about|around|some|nearly|more than|over|up to|another|other)\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundreds?|dozens?|scores?|several|many|some|few|a few|a handful|a number)(?:-\w+)?\s+(?:of\s+(?:the\s+)?)?/i;
/** Words a description cannot end on: modifiers left without their noun ("a senior"). */
const DANGLING_END = /\b(?:senior|junior|former|top|local|foreign|other|several|many|some|own)$/i;
/** A country abbreviation ("U.S") is an actor's name cut short, not a description. */
const ABBREVIATION = /^\p{Lu}(?:\.\p{Lu})+\.?$/u;

/**
 * The description of who or what was hit, as a target: articles and counts taken off ("twelve
 * passengers" → "passengers"), or null for what a lazy noun-phrase match picked up that is none.
 */
export function targetDescription(raw: string): string | null {
  const desc = raw
    .trim()
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(COUNT_LEAD, '')
    .trim();
  if (!desc || BAD_TARGET.test(desc) || DANGLING_END.test(desc) || ABBREVIATION.test(desc)) return null;
  return desc;
}

/**
 * Targets without repeats: a description that ends another one ("soldiers" in "Iraqi soldiers")
 * adds nothing to it, whichever was found first.
 */
export function distinctTargets(targets: readonly string[]): string[] {
  const lower = targets.map((t) => t.toLowerCase());
  return targets.filter((t, i) => {
    const mine = lower[i] as string;
    return !lower.some((other, j) => j !== i && (other === mine ? j < i : other.endsWith(` ${mine}`)));
  });
}

/** Target descriptions (and actor ids inside them) in a span. */
export function targetsIn(ctx: DocContext, span: Span, exclude: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const chunk = ctx.text.slice(span.start, span.end);
  TARGET_RE.lastIndex = 0;
  for (let m = TARGET_RE.exec(chunk); m; m = TARGET_RE.exec(chunk)) {
    // "while on patrol", "on duty": what they were doing, not what was hit
    if (/^on\s+(?:patrol|duty)$/i.test(m[0])) continue;
    const np = m[2] ?? '';
    const npStart = span.start + m.index + m[0].length - np.length;
    const actors = mentionsIn(ctx, npStart, npStart + np.length, ['group', 'organization', 'person']);
    for (const a of actors)
      if (!exclude.has(a.entity.id) && !out.includes(a.entity.id)) out.push(a.entity.id);
    const desc = actors.length ? null : targetDescription(np);
    if (desc && !out.includes(desc)) out.push(desc);
  }
  PASSIVE_TARGET.lastIndex = 0;
  for (let m = PASSIVE_TARGET.exec(chunk); m; m = PASSIVE_TARGET.exec(chunk)) {
    const desc = targetDescription(m[2] ?? '');
    if (desc && !out.includes(desc)) out.push(desc);
  }
  // "the strike killed Abu Abdul Rahman al-Makki": a person named as the one killed is a target.
  for (const m of mentionsIn(ctx, span.start, span.end, ['person'])) {
    if (exclude.has(m.entity.id) || out.includes(m.entity.id)) continue;
    if (PERSON_HIT_BEFORE.test(ctx.text.slice(Math.max(span.start, m.start - 40), m.start)))
      out.push(m.entity.id);
  }
  // "killed two suspected al-Qaeda in the Arabian Peninsula members", "bombed an ISWAP camp":
  // a named group standing as the modifier of a target noun is the target.
  for (const m of mentionsIn(ctx, span.start, span.end, ['group', 'organization'])) {
    if (exclude.has(m.entity.id) || out.includes(m.entity.id)) continue;
    if (!GROUP_AS_TARGET_AFTER.test(ctx.text.slice(m.end, Math.min(span.end, m.end + 30)))) continue;
    if (GROUP_AS_TARGET_BEFORE.test(ctx.text.slice(Math.max(span.start, m.start - 50), m.start)))
      out.push(m.entity.id);
  }
  return out.slice(0, 6);
}

const PERSON_HIT_BEFORE =
  /\b(?:killed|killing|assassinated|assassinating|shot dead|gunned down|targeted|targeting|wounded|wounding|kidnapped|kidnapping|abducted|abducting|beheaded|executed)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}$/;

const GROUP_AS_TARGET_AFTER =
  /^['’]?s?\s+(?:members?|fighters?|militants?|operatives?|cadres?|commanders?|leaders?|men|rebels?|insurgents?|camps?|hideouts?|positions?|bases?|bunkers?|posts?|strongholds?|training (?:camps?|facility)|vehicles?|convoys?)\b/i;
const GROUP_AS_TARGET_BEFORE =
  /\b(?:killed|killing|kills|bombed|bombing|struck|striking|hit|hitting|targeted|targeting|attacked|attacking|raided|raiding|shelled|pounded|destroyed|captured|arrested|detained|neutrali[sz]ed|eliminated|on|against|at)\s+(?:an?\s+|the\s+|several\s+|some\s+|\d+\s+|[a-z]+-?[a-z]*\s+){0,3}$/i;

const ARMED =
  /\b(?:soldiers?|troops?|police(?:men)?|officers?|personnel|forces|army|military|militants?|fighters?|insurgents?|rebels?|gendarmes?|gendarmerie|guards?|checkpoints?|base|post|garrison|convoy|patrol|detachment|camp|cantonment|outpost|barracks|unit|peacekeepers?|commandos|security forces|jihadists|attackers|assailants)\b/i;
const CIVILIAN =
  /\b(?:civilians?|residents?|villagers?|worshippers?|people|students?|children|women|shoppers?|passengers?|pilgrims?|church|mosque|market|school|hospital|wedding|bus|labourers?|workers?|farmers?|mourners?|concert|crowd|hall|functionaries|leaders?|chiefs?|elders?|imams?|priests?|pastors?|teachers?|traders?|herders?|journalists?|aid workers?|homes?|houses?|christians|muslims)\b/i;

/** ACLED sub-event type for a trigger class, from the words of the incident. */
export function resolveType(
  cls: TriggerClass,
  words: string,
  statePerpetrator: boolean,
  victims = '',
): EventType {
  switch (cls) {
    case 'violent':
    case 'killing': {
      if (victims && CIVILIAN.test(victims) && !ARMED.test(victims) && !/\bprotest|\bdemonstrat/i.test(words))
        return 'attack';
      if (victims && ARMED.test(victims) && !CIVILIAN.test(victims)) return 'armed_clash';
      const armed = ARMED.test(words);
      const civ = CIVILIAN.test(words);
      if (/\bprotest|\bdemonstrat/i.test(words)) return 'excessive_force_against_protesters';
      if (statePerpetrator && !civ) return 'armed_clash';
      return armed &&
        !(civ && cls === 'killing' && !/\bsoldiers?|troops?|police|militants?|fighters/i.test(words))
        ? 'armed_clash'
        : 'attack';
    }
    case 'protest':
      if (/\b(?:shot|killed|shot dead|live (?:fire|rounds|ammunition)|opened fire)\b/i.test(words))
        return 'excessive_force_against_protesters';
      if (
        /\b(?:stormed|set (?:\w+ ){0,3}(?:on )?fire|torched|broke through|forced their way|rioters|stones|vandali[sz]ed|looted|clashed)\b/i.test(
          words,
        )
      )
        return 'violent_demonstration';
      if (
        /\b(?:tear ?gas|water cannons?|dispersed|arrested|detained|rubber bullets|batons?|baton-charged)\b/i.test(
          words,
        )
      )
        return 'protest_with_intervention';
      return 'peaceful_protest';
    case 'riot':
      return /\b(?:mobs?\b|lynch)/i.test(words) ? 'mob_violence' : 'violent_demonstration';
    case 'territory':
      return statePerpetrator || /\b(?:re-?captured|retook|retaken|regained|liberated)\b/i.test(words)
        ? 'government_regains_territory'
        : 'non_state_actor_overtakes_territory';
    case 'remote_explosive_landmine_ied':
      // "Somali and US forces bombed an al-Shabaab base": state forces bomb from the air.
      return statePerpetrator &&
        /\bbombed\b/i.test(words) &&
        !/\b(?:IEDs?|roadside|planted|mines?|car bomb|suicide)\b/i.test(words)
        ? 'air_drone_strike'
        : cls;
    default:
      return cls;
  }
}
