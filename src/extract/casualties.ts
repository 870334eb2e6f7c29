/**
 * Casualties in a clause: which quantities count the dead and which the wounded, from the words
 * around them ("killing six and wounding 12", "130 people were killed", "the death toll rose to
 * 40", "left two civilians dead", "injuries to several individuals", "killed a police officer").
 * Groups joined by "and" are added ("two soldiers and five militants were killed" → 7; tolls from
 * both sides count); sub-counts ("two of them seriously", "six of the wounded") are not, and
 * "among the wounded" only gives a floor when nothing else counts them.
 */
import type { Count } from '../core/index.js';
import type { Quantity } from '../nlp/numbers/index.js';
import { UNITS } from '../nlp/numbers/number-words.js';
import { within, type DocContext } from './context.js';
import { RUNNING_TOLL_LEAD } from './lexicon/event-triggers.js';

export interface Casualties {
  readonly fatalities: Count | null;
  readonly injured: Count | null;
  /** Noun phrases of the victims ("police officers", "TTP functionaries") with their offsets. */
  readonly victims: readonly { text: string; start: number; end: number; fatal: boolean }[];
  /** End of the last casualty cue, so modality can look at the fact's own words. */
  readonly lastCue: number;
}

const FATAL_WORD = String.raw`(?:killed|dead|died|slain|shot dead|lost (?:their|his|her) lives|perished|bodies|fatalities|deaths|lying dead|martyred|succumbed|(?:hacked|beaten|burned|burnt|stabbed|shot|crushed|stoned) to death|neutrali[sz]ed|executed|beheaded)`;
const INJURY_WORD = String.raw`(?:wounded|injured|hurt|injuries|critically wounded|seriously injured)`;
const LINK = String.raw`(?:(?:,[^,.;]{1,60},)?(?:\s+of\s+(?:its|their|his|her|the)\s+[\w-]+(?:\s+[A-Z][\w-]*){0,3})?(?:\s+(?:were|was|are|is|have|has|had|been|being|also|all|reportedly|later|now|confirmed|feared|believed|others?|more|people|first|among them|may|might|could|both|so far|each))*\s+)`;
const AFTER_FATAL = new RegExp(`^${LINK}${FATAL_WORD}\\b`, 'i');
const AFTER_INJURY = new RegExp(`^${LINK}${INJURY_WORD}\\b`, 'i');
const BEFORE_FATAL =
  /(?:\bkilling|\bkilled|\bkill|\bkills|\bleft|\bleaving|claimed the lives of|\bshot dead|\bgunned down|\bexecuted|\bexecuting|\bmassacred|\bneutrali[sz](?:ed|ing)|\beliminated|toll(?: \S+){0,4} (?:to|at|of|reached|stood at|hit)|(?:rose|climbed|risen|increased|jumped|reached) to|dead numbered|deaths? of|killings? of|bodies of|put the toll at|estimated that|dead at|counted|\blost|\blosing)['’"]?\s+(?:the\s+)?['‘"]?$/i;
const BEFORE_INJURY =
  /(?:\bwounding|\bwounded|\binjuring|\binjured|\bhurting|\bhurt|injuries to|injury to|\bmaiming)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$/i;
const SUBSET_AFTER =
  /^\s*(?:of (?:them|whom|those|these|the (?:wounded|dead|injured|victims|casualties|fatalities))|were among|was among|among (?:the|them)|(?:were|was) in (?:critical|serious|stable))/i;
const MORE_CRITICAL_AFTER =
  /^\s+(?:more|other|others|further)\s+(?:[a-z][\w-]*\s+){0,2}?(?:were|was|are|remained|remain)\s+in\s+(?:a\s+)?(?:critical|serious)\s+condition\b/i;
const AMONG_AFTER = /^\s*(?:\w+\s+){0,2}?(?:were|was) among the (wounded|injured|dead|killed)\b/i;
const NOT_PEOPLE =
  /^(?:attacks?|vehicles?|cars?|trucks?|motorcycles?|buses|bombs?|devices?|aircraft|planes?|helicopters?|drones?|homes?|houses?|buildings?|shops?|rifles?|weapons?|guns?|rounds?|rockets?|missiles?|shells?|mortars?|days?|hours?|minutes?|weeks?|months?|years?|times?|kilomet\w*|km|miles?|metres?|meters?|kilograms?|kg|tonnes?|villages?|towns?|districts?|provinces?|countries|statements?|incidents?|operations?|raids?|blasts?|explosions?|directions?|points?|sites?|targets?|positions?|bases?|camps?|posts?|checkpoints?|schools?|churches?|mosques?|percent|per|dollars?|million|billion|naira|rupees?|shillings?)$/i;
const ONE_FATAL = new RegExp(
  String.raw`\b(?:(?:killed|killing|kills|shot dead|gunned down|shot and killed|assassinated|assassinating|beheaded|executed|murdered|beat|beating|stabbed|hacked)\s+(?:a|an|one|the)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)\b|(?<!\bno\s)\b(?:a|an|one|another|the)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)(?:,[^,.]{1,40},)?\s+(?:(?:was|had been|has been|may have been|might have been|is believed to have been|were)\s+(?:killed|shot dead|gunned down|slain|beaten to death|hacked to death|stabbed to death|executed|beheaded)|(?:later\s+|also\s+)?(?:died|has died|had died)\b))`,
  'gi',
);
/** "wounded a policeman", "injuring one passer-by": the active verb before one victim. */
const ONE_INJURED_ACTIVE =
  /\b(?:wounded|wounding|injured|injuring)\s+(?:a|an|one)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)\b/gi;
const ONE_INJURED =
  /(?<!\bno\s)(?<![\w'’-])(?:and\s+)?(?:another|a|an|one)\s+(?:(?!(?:but|and|or|not)\b)[\w'’-]+\s+){0,3}?(?:was\s+|were\s+)?(?:injured|wounded|hurt)\b/gi;
/** Up to two more lower-case nouns of a victim's noun phrase (not prepositions, clause words or verb forms). */
const NP_TAIL =
  /^(?:\s+(?!(?:in|at|on|near|outside|inside|from|with|during|after|before|as|when|while|and|or|but|who|whom|which|that|was|were|is|are|had|has|have|by|for|to|of|into|onto|over|late|early|last|this|overnight|yesterday|today|the|a|an|his|her|their|its|then|later|also|there|here)\b)[a-z][a-z'’-]*(?<!ed|ing|ly)(?=[\s,.;:]|$)){1,2}/;
const LIST_ITEM =
  /^\s*(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?(bomber|attacker|gunman|assailant|driver|pilot)\b/i;

/** True when the counted noun can be a person (any noun not known to be a thing). */
function countsPeople(q: Quantity): boolean {
  return !q.head || !NOT_PEOPLE.test(q.head);
}

function better(a: Count | null, b: Count): Count {
  if (!a) return b;
  return (b.min ?? b.max ?? 0) > (a.min ?? a.max ?? 0) ? b : a;
}

interface Hit {
  readonly q: Quantity;
  readonly fatal: boolean;
  readonly cueEnd: number;
}

/** Classifies one quantity as a count of dead or wounded, or neither (null). */
/** "an insurgency that has killed thousands": the count is a war's running toll. */
const RUNNING_TOLL_BEFORE = new RegExp(
  `${RUNNING_TOLL_LEAD}(?:killed|claimed the lives of|left)\\s+(?:more than\\s+|at least\\s+|over\\s+|some\\s+|about\\s+|nearly\\s+|tens of\\s+|hundreds of\\s+)?$`,
  'i',
);

function classify(ctx: DocContext, q: Quantity, start: number, end: number): Hit | null | 'among' {
  const { text } = ctx;
  if (!countsPeople(q)) return null;
  // "one of the dead", "six of the wounded": a part of a count told elsewhere.
  if (
    q.phraseStart !== undefined &&
    /^\s+of\s+(?:the|them|those|these)\b/i.test(text.slice(q.end, q.phraseStart + 1)) &&
    /^(?:dead|wounded|injured|victims|casualties|fatalities|killed)$/.test(q.head ?? '')
  )
    return null;
  const tail = q.phraseEnd ?? q.end;
  const after = text.slice(tail, Math.min(end, tail + 90));
  if (AMONG_AFTER.test(text.slice(q.end, Math.min(end, q.end + 60)))) return 'among';
  const before = text.slice(Math.max(start, q.start - 60), q.start);
  // "an insurgency that has killed thousands": a war's running toll, not this incident's.
  if (RUNNING_TOLL_BEFORE.test(before)) return null;
  // "two of them seriously" is a part of a count told before; "killed three of them" is a count.
  // "two more policemen were in critical condition": more of them, still alive, are wounded.
  const more = MORE_CRITICAL_AFTER.exec(text.slice(q.end, Math.min(end, q.end + 90)));
  if (more) return { q, fatal: false, cueEnd: q.end + more[0].length };
  if (SUBSET_AFTER.test(after)) {
    if (!/^\s*of\b/i.test(after)) return null;
    // "Seven of them were killed when a convoy … was ambushed": the part is itself the toll.
    const partitive = /^\s*of\s+(?:them|those|these)\b/i.exec(after);
    if (partitive) {
      const rest = after.slice(partitive[0].length);
      const fatal = AFTER_FATAL.exec(rest);
      if (fatal) return { q, fatal: true, cueEnd: tail + partitive[0].length + fatal[0].length };
      const hurt = AFTER_INJURY.exec(rest);
      if (hurt) return { q, fatal: false, cueEnd: tail + partitive[0].length + hurt[0].length };
    }
    if (BEFORE_FATAL.test(before)) return { q, fatal: true, cueEnd: tail };
    if (BEFORE_INJURY.test(before)) return { q, fatal: false, cueEnd: tail };
    return null;
  }
  const fatalAfter = AFTER_FATAL.exec(after);
  const injuryAfter = AFTER_INJURY.exec(after);
  const head = q.head ?? '';
  if (
    /^(dead|bodies)$/.test(head) ||
    (fatalAfter && (!injuryAfter || fatalAfter[0].length <= injuryAfter[0].length))
  )
    return { q, fatal: true, cueEnd: tail + (fatalAfter?.[0].length ?? 0) };
  if (/^(wounded|injured)$/.test(head) || injuryAfter)
    return { q, fatal: false, cueEnd: tail + (injuryAfter?.[0].length ?? 0) };
  if (BEFORE_FATAL.test(before)) return { q, fatal: true, cueEnd: tail };
  if (BEFORE_INJURY.test(before)) return { q, fatal: false, cueEnd: tail };
  return namedPlusOthers(ctx, q, start, tail);
}

const VERB_THEN_AND = /\b(wounded|injured|wounding|injuring|killed|killing)\s+[^.;]*\band\s+$/i;

/**
 * "wounded Hafiz Hamdullah, a senior party leader, and several other people": the named victim
 * plus the others, when no other count stands between the verb and "and".
 */
function namedPlusOthers(ctx: DocContext, q: Quantity, start: number, tail: number): Hit | null {
  if (!/^\s+others?\b/i.test(ctx.text.slice(q.end, q.end + 8))) return null;
  const from = Math.max(start, q.start - 160);
  const m = VERB_THEN_AND.exec(ctx.text.slice(from, q.start));
  if (!m) return null;
  // "wounded two policemen and three other people": the others join the count before them.
  if (within(ctx.quantities, from + m.index, q.start).length)
    return { q, fatal: /kill/i.test(m[1] ?? ''), cueEnd: tail };
  const plusOne: Quantity = {
    ...q,
    min: q.min === null ? null : q.min + 1,
    max: q.max === null ? null : q.max + 1,
  };
  return { q: plusOne, fatal: /kill/i.test(m[1] ?? ''), cueEnd: tail };
}

/** A following "and two civilians" joined to the count before it when no verb stands between. */
function joinsPrevious(ctx: DocContext, prev: Hit, next: Hit): boolean {
  const gap = ctx.text.slice(prev.q.phraseEnd ?? prev.q.end, next.q.start);
  return prev.fatal === next.fatal && /^\s*(?:,\s*)?and\s+$|^\s*,\s*$/.test(gap);
}

function addCounts(a: Count, b: Count, text: string): Count {
  return {
    min: (a.min ?? 0) + (b.min ?? 0),
    max: a.max === null || b.max === null ? null : a.max + b.max,
    text,
  };
}

/** Finds the dead and wounded counted in `[start, end)`. */
export function findCasualties(ctx: DocContext, start: number, end: number): Casualties {
  const { text } = ctx;
  let fatalities: (Count & { victim?: string }) | null = null;
  let injured: Count | null = null;
  let among: Count | null = null;
  let lastCue = start;
  const victims: { text: string; start: number; end: number; fatal: boolean }[] = [];
  let prev: Hit | null = null;
  let group: Count | null = null;
  let groupStart = start;
  let groupEnd = start;
  // Where the fatal and the injury counts kept so far begin in the text.
  let fatalStart = start;
  let injuredStart = start;
  /**
   * "Four militants were killed near Kulachi, where two soldiers also lost their lives": the dead
   * of the two sides add up, their text running from the first count to the second; another figure
   * for the same side is a repetition and the larger one stands.
   */
  const keep = (kept: Count | null, keptStart: number, g: Count): [Count, number] => {
    if (!kept) return [g, groupStart];
    const both = combineCounts(kept, g) as Count;
    if (both === kept || both === g) return [both, both === g ? groupStart : keptStart];
    return [{ min: both.min, max: both.max, text: text.slice(keptStart, groupEnd) }, keptStart];
  };
  const flush = (): void => {
    if (!prev || !group) return;
    if (prev.fatal) [fatalities, fatalStart] = keep(fatalities, fatalStart, group);
    else [injured, injuredStart] = keep(injured, injuredStart, group);
  };
  const qs = within(ctx.quantities, start, end);
  const hits = qs.map((q) => classify(ctx, q, start, end));
  for (let i = qs.length - 2; i >= 0; i--) {
    const next = hits[i + 1];
    const q = qs[i] as Quantity;
    if (
      hits[i] === null &&
      next &&
      next !== 'among' &&
      countsPeople(q) &&
      /^\s*(?:,\s*)?and\s+$/.test(text.slice(q.phraseEnd ?? q.end, next.q.start))
    )
      hits[i] = { q, fatal: next.fatal, cueEnd: next.cueEnd };
  }
  for (const [i, q] of qs.entries()) {
    const hit = hits[i] ?? null;
    if (hit === 'among') {
      among = { min: q.min, max: null, text: q.text };
      continue;
    }
    if (!hit) continue;
    lastCue = Math.max(lastCue, hit.cueEnd);
    const own: Count = {
      min: hit.q.min,
      max: hit.q.max,
      text: text.slice(q.start, Math.max(hit.cueEnd, q.phraseEnd ?? q.end)),
    };
    if (prev && group && joinsPrevious(ctx, prev, hit)) {
      group = addCounts(group, own, text.slice(groupStart, Math.max(hit.cueEnd, q.phraseEnd ?? q.end)));
      groupEnd = Math.max(hit.cueEnd, q.phraseEnd ?? q.end);
    } else {
      flush();
      group = own;
      groupStart = q.start;
      groupEnd = Math.max(hit.cueEnd, q.phraseEnd ?? q.end);
    }
    const item = LIST_ITEM.exec(text.slice(q.phraseEnd ?? q.end, end));
    if (item && hit.fatal) group = addCounts(group, { min: 1, max: 1, text: null }, group.text ?? '');
    prev = hit;
    if (
      q.phrase &&
      q.phraseStart !== undefined &&
      q.phraseEnd !== undefined &&
      !/^(dead|wounded|injured|others|bodies)$/i.test(q.phrase)
    )
      victims.push({ text: q.phrase, start: q.phraseStart, end: q.phraseEnd, fatal: hit.fatal });
  }
  flush();
  const chunk = text.slice(start, end);
  if (!fatalities) {
    fatalities = singleVictim(ONE_FATAL, chunk, start, (e) => (lastCue = Math.max(lastCue, e)), true);
    const victim = fatalities?.victim;
    if (fatalities && victim) {
      const at = text.indexOf(victim, start);
      if (at >= 0 && at < end)
        victims.push({ text: victim, start: at, end: at + victim.length, fatal: true });
      fatalities = { min: fatalities.min, max: fatalities.max, text: fatalities.text };
    }
  } else if (
    /\b(?:the bomber|the attacker|the gunman|the assailant) and\b/i.test(chunk) &&
    (fatalities as Count).min !== null
  )
    fatalities = addCounts(fatalities, { min: 1, max: 1, text: null }, (fatalities as Count).text ?? '');
  if (!injured) {
    ONE_INJURED.lastIndex = 0;
    const m = ONE_INJURED.exec(chunk);
    if (m && /\b(?:another|a|an|one)\b/i.test(m[0]))
      injured = { min: 1, max: 1, text: m[0].replace(/^and\s+/i, '') };
  }
  if (!injured) {
    // "shot dead a polio worker and wounded a policeman escorting him"
    const one = singleVictim(
      ONE_INJURED_ACTIVE,
      chunk,
      start,
      (e) => (lastCue = Math.max(lastCue, e)),
      false,
    );
    if (one) {
      if (one.victim) {
        const at = text.indexOf(one.victim, start);
        if (at >= 0 && at < end)
          victims.push({ text: one.victim, start: at, end: at + one.victim.length, fatal: false });
      }
      injured = { min: one.min, max: one.max, text: one.text };
    }
  }
  if (!injured && among) injured = among;
  return { fatalities, injured, victims, lastCue };
}

/**
 * One named or described victim: "killed a police officer", "a soldier was shot dead" (ONE_FATAL),
 * "wounded a policeman" (ONE_INJURED_ACTIVE): groups 1–2 hold the words after an active verb,
 * 3–4 those before a passive one.
 */
function singleVictim(
  re: RegExp,
  chunk: string,
  start: number,
  cue: (end: number) => void,
  fatal: boolean,
): (Count & { victim?: string }) | null {
  re.lastIndex = 0;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    // The lazy match stops at the first word after the article ("a tribal elder" → "tribal"):
    // the noun phrase runs on to the word before a preposition, clause word or verb form.
    const more = m[2] !== undefined ? (NP_TAIL.exec(chunk.slice(m.index + m[0].length))?.[0] ?? '') : '';
    const head = (more ? (more.trim().split(/\s+/).pop() ?? '') : (m[2] ?? m[4] ?? '')).toLowerCase();
    const matchEnd = m.index + m[0].length + more.length;
    if (
      !head ||
      NOT_PEOPLE.test(head) ||
      (/[^s]s$/.test(head) && !/^(?:boss|witness|actress|hostess)$/.test(head))
    )
      continue;
    if (
      /^(?:attack|blast|explosion|raid|strike|bombing|fighting|clash|ambush|operation|process|way|day|night|time|same)$/.test(
        head,
      )
    )
      continue;
    cue(start + matchEnd);
    const rest = chunk.slice(matchEnd, matchEnd + 70);
    const two =
      /^\s*(?:,\s*)?\band\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:of\s+(?:his|her|their)\s+)?[a-z]+/i.exec(
        rest,
      );
    // "one person was killed and 27 others were injured": the second group is the wounded.
    const woundedGroup = fatal && two && AFTER_INJURY.test(rest.slice(two[0].length));
    const extra = two && !woundedGroup ? (UNITS[(two[1] ?? '').toLowerCase()] ?? Number(two[1])) : 0;
    return {
      min: 1 + extra,
      max: 1 + extra,
      text: chunk.slice(m.index, matchEnd),
      victim: more ? `${m[1] ?? ''}${m[2] ?? ''}${more}`.trim() : `${m[1] ?? m[3] ?? ''}${head}`.trim(),
    };
  }
  return null;
}

const STATE_SIDE =
  /\b(?:soldiers?|troops?|police(?:men)?|officers?|gendarmes?|personnel|servicemen|security forces|army|peacekeepers?|guards?|constables?|commandos?)\b/i;
const ARMED_SIDE =
  /\b(?:militants?|fighters?|insurgents?|rebels?|terrorists?|jihadists?|attackers?|assailants?|gunmen|bandits?|extremists?|raiders?)\b/i;
const REVISION = /\b(?:toll|rose|risen|climbed|jumped|increased|reached|total|now|revised|updated)\b/i;

/** Which side of a fight a count's words name: the state's forces or their armed opponents. */
function sideOf(c: Count): 'state' | 'armed' | null {
  const t = c.text ?? '';
  const state = STATE_SIDE.test(t);
  const armed = ARMED_SIDE.test(t);
  return state === armed ? null : state ? 'state' : 'armed';
}

/**
 * Two counts told of one incident in different clauses: the dead of both sides of a fight are
 * added ("the ambush killed 15 soldiers; the militants lost as many as 10 fighters" → 15 to 25);
 * otherwise the later figure is a repetition or a revision and the larger one stands.
 */
export function combineCounts(a: Count | null, b: Count | null, sumSides = true): Count | null {
  if (!a || !b) return a ?? b;
  const sa = sideOf(a);
  const sb = sideOf(b);
  if (sumSides && sa && sb && sa !== sb && !REVISION.test(b.text ?? '') && !REVISION.test(a.text ?? ''))
    return addCounts(a, b, `${a.text ?? ''}; ${b.text ?? ''}`);
  return better(a, b);
}
