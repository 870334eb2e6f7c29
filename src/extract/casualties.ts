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
const LINK = String.raw`(?:(?:,[^,.;]{1,60},)?(?:\s+of\s+(?:its|their|his|her|the)\s+[\w-]+)?(?:\s+(?:were|was|are|is|have|has|had|been|being|also|all|reportedly|later|now|confirmed|feared|believed|others?|more|people|first|among them|may|might|could|both|so far|each))*\s+)`;
const AFTER_FATAL = new RegExp(`^${LINK}${FATAL_WORD}\\b`, 'i');
const AFTER_INJURY = new RegExp(`^${LINK}${INJURY_WORD}\\b`, 'i');
const BEFORE_FATAL =
  /(?:\bkilling|\bkilled|\bkill|\bkills|\bleft|\bleaving|claimed the lives of|\bshot dead|\bgunned down|\bexecuted|\bexecuting|\bmassacred|\bneutrali[sz](?:ed|ing)|\beliminated|toll(?: \S+){0,4} (?:to|at|of|reached|stood at|hit)|(?:rose|climbed|risen|increased|jumped|reached) to|dead numbered|deaths? of|killings? of|bodies of|put the toll at|estimated that|dead at|counted)\s+(?:the\s+)?['‘"]?$/i;
const BEFORE_INJURY =
  /(?:\bwounding|\bwounded|\binjuring|\binjured|\bhurting|\bhurt|injuries to|injury to|\bmaiming)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$/i;
const SUBSET_AFTER =
  /^\s*(?:of (?:them|whom|those|these|the (?:wounded|dead|injured|victims|casualties|fatalities))|were among|was among|among (?:the|them)|(?:were|was) in (?:critical|serious|stable))/i;
const AMONG_AFTER = /^\s*(?:\w+\s+){0,2}?(?:were|was) among the (wounded|injured|dead|killed)\b/i;
const NOT_PEOPLE =
  /^(?:attacks?|vehicles?|cars?|trucks?|motorcycles?|buses|bombs?|devices?|aircraft|planes?|helicopters?|drones?|homes?|houses?|buildings?|shops?|rifles?|weapons?|guns?|rounds?|rockets?|missiles?|shells?|mortars?|days?|hours?|minutes?|weeks?|months?|years?|times?|kilomet\w*|km|miles?|metres?|meters?|kilograms?|kg|tonnes?|villages?|towns?|districts?|provinces?|countries|statements?|incidents?|operations?|raids?|blasts?|explosions?|directions?|points?|sites?|targets?|positions?|bases?|camps?|posts?|checkpoints?|schools?|churches?|mosques?|percent|per|dollars?|million|billion|naira|rupees?|shillings?)$/i;
const ONE_FATAL = new RegExp(
  String.raw`\b(?:(?:killed|killing|kills|shot dead|gunned down|shot and killed|assassinated|assassinating|beheaded|executed|murdered|beat|beating|stabbed|hacked)\s+(?:a|an|one|the)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)\b|(?<!\bno\s)\b(?:a|an|one|another|the)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)(?:,[^,.]{1,40},)?\s+(?:was|had been|has been|may have been|might have been|is believed to have been|were)\s+(?:killed|shot dead|gunned down|slain|beaten to death|hacked to death|stabbed to death|executed|beheaded))`,
  'gi',
);
const ONE_INJURED =
  /(?<!\bno\s)\b(?:and\s+)?(?:another|a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:was\s+|were\s+)?(?:injured|wounded|hurt)\b/gi;
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
function classify(ctx: DocContext, q: Quantity, start: number, end: number): Hit | null | 'among' {
  const { text } = ctx;
  if (!countsPeople(q)) return null;
  const tail = q.phraseEnd ?? q.end;
  const after = text.slice(tail, Math.min(end, tail + 90));
  if (AMONG_AFTER.test(text.slice(q.end, Math.min(end, q.end + 60)))) return 'among';
  if (SUBSET_AFTER.test(after)) return null;
  const before = text.slice(Math.max(start, q.start - 60), q.start);
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
  return null;
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
  const flush = (): void => {
    if (!prev || !group) return;
    if (prev.fatal) fatalities = better(fatalities, group);
    else injured = better(injured, group);
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
      min: q.min,
      max: q.max,
      text: text.slice(q.start, Math.max(hit.cueEnd, q.phraseEnd ?? q.end)),
    };
    if (prev && group && joinsPrevious(ctx, prev, hit))
      group = addCounts(group, own, text.slice(groupStart, Math.max(hit.cueEnd, q.phraseEnd ?? q.end)));
    else {
      flush();
      group = own;
      groupStart = q.start;
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
    fatalities = singleFatality(chunk, start, (e) => (lastCue = Math.max(lastCue, e)));
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
  if (!injured && among) injured = among;
  return { fatalities, injured, victims, lastCue };
}

/** One named or described victim: "killed a police officer", "a soldier was shot dead". */
function singleFatality(
  chunk: string,
  start: number,
  cue: (end: number) => void,
): (Count & { victim?: string }) | null {
  ONE_FATAL.lastIndex = 0;
  for (let m = ONE_FATAL.exec(chunk); m; m = ONE_FATAL.exec(chunk)) {
    const head = (m[2] ?? m[4] ?? '').toLowerCase();
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
    cue(start + m.index + m[0].length);
    const two =
      /\band\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:of\s+(?:his|her|their)\s+)?[a-z]+/i.exec(
        chunk.slice(m.index + m[0].length, m.index + m[0].length + 40),
      );
    const extra = two ? (UNITS[(two[1] ?? '').toLowerCase()] ?? Number(two[1])) : 0;
    return {
      min: 1 + extra,
      max: 1 + extra,
      text: m[0],
      victim: `${m[1] ?? m[3] ?? ''}${head}`.trim(),
    };
  }
  return null;
}
