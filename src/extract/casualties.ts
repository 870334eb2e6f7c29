/**
 * Casualties in a clause: which quantities count the dead and which the wounded, from the words
 * around them ("killing six and wounding 12", "130 people were killed", "the death toll rose to
 * 40", "left two civilians dead", "injuries to several individuals", "killed a police officer").
 * Sub-counts ("two of them seriously", "six of the wounded", "among the wounded") are skipped.
 */
import type { Count } from '../core/index.js';
import type { Quantity } from '../nlp/numbers/index.js';
import { within, type DocContext } from './context.js';

export interface Casualties {
  readonly fatalities: Count | null;
  readonly injured: Count | null;
  /** Noun phrases of the victims ("police officers", "TTP functionaries") with their offsets. */
  readonly victims: readonly { text: string; start: number; end: number; fatal: boolean }[];
  /** End of the last casualty cue, so modality can look at the fact's own words. */
  readonly lastCue: number;
}

const FATAL_WORD = String.raw`(?:killed|dead|died|slain|shot dead|lost (?:their|his|her) lives|perished|bodies|fatalities|deaths|lying dead|were killed|martyred|succumbed)`;
const INJURY_WORD = String.raw`(?:wounded|injured|hurt|injuries|casualties|critically wounded|seriously injured)`;
const LINK = String.raw`(?:(?:,[^,.;]{1,60},)?(?:\s+(?:were|was|are|is|have|has|had|been|being|also|all|reportedly|later|now|confirmed|feared|believed|others?|more|people|first|among them))*\s+)`;
const AFTER_FATAL = new RegExp(`^${LINK}${FATAL_WORD}\\b`, 'i');
const AFTER_INJURY = new RegExp(`^${LINK}${INJURY_WORD}\\b`, 'i');
const BEFORE_FATAL =
  /(?:\bkilling|\bkilled|\bkill|\bkills|\bleft|\bleaving|claimed the lives of|\bshot dead|\bgunned down|\bexecuted|\bmassacred|toll(?: \S+){0,4} (?:to|at|of|reached|stood at|hit)|(?:rose|climbed|risen|increased|jumped|reached) to|dead numbered|deaths of|bodies of|put the toll at|estimated that|death of|dead at)\s+$/i;
const BEFORE_INJURY = /(?:\bwounding|\bwounded|\binjuring|\binjured|\bhurting|\bhurt|injuries to|injury to|\bmaiming)\s+$/i;
const SUBSET_AFTER = /^\s*(?:of (?:them|whom|those|these|the (?:wounded|dead|injured|victims|casualties|fatalities))|were among|was among|among (?:the|them)|(?:were|was) in (?:critical|serious|stable))/i;
const PERSON_HEAD =
  /^(?:people|persons?|civilians?|soldiers?|troops?|police(?:men|women)?|officers?|personnel|members?|militants?|fighters?|insurgents?|rebels?|attackers?|assailants?|gunmen|terrorists?|jihadists?|worshippers?|students?|children|women|men|man|woman|boys?|girls?|villagers?|residents?|protesters?|demonstrators?|others?|individuals?|peacekeepers?|guards?|workers?|labourers?|laborers?|bodies|dead|wounded|injured|casualties|functionaries|leaders?|commanders?|passengers?|pilgrims?|shoppers?|journalists?|victims?|security|cadres?|mourners?|farmers?|herders?|miners?|teachers?|doctors?|bystanders?|servicemen|service|marines?|policeman|gendarmes?|recruits?|cadets?|tribesmen|elders?|clerics?|suspects?|hostages?)$/i;

/** True when the counted noun is a person or a casualty word (or there is none). */
function countsPeople(q: Quantity): boolean {
  if (!q.head) return true;
  return PERSON_HEAD.test(q.head) || /(?:ans|ese|ists|ers|men)$/.test(q.head);
}

function toCount(q: Quantity, text: string, cueEnd: number): Count {
  return { min: q.min, max: q.max, text: text.slice(q.start, Math.max(cueEnd, q.phraseEnd ?? q.end)) };
}

function better(a: Count | null, b: Count): Count {
  if (!a) return b;
  return (b.min ?? b.max ?? 0) > (a.min ?? a.max ?? 0) ? b : a;
}

const SINGLE_FATAL = new RegExp(
  String.raw`\b(?:(?:killed|killing|shot dead|gunned down|shot and killed|assassinated|beheaded)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:officer|soldier|policeman|civilian|man|woman|boy|girl|child|student|journalist|worker|commander|leader|member|guard|teacher|priest|imam|cleric|official|person|militant|fighter|resident|villager|farmer|trader|driver)\b|\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:officer|soldier|policeman|civilian|man|woman|boy|girl|child|student|journalist|worker|commander|leader|member|guard|official|person|militant|fighter|resident)(?:,[^,.]{1,40},)?\s+(?:was|had been|has been)?\s*(?:killed|shot dead|died|gunned down|slain))`,
  'gi',
);

/** Finds the dead and wounded counted in `[start, end)`. */
export function findCasualties(ctx: DocContext, start: number, end: number): Casualties {
  const { text } = ctx;
  let fatalities: Count | null = null;
  let injured: Count | null = null;
  let lastCue = start;
  const victims: { text: string; start: number; end: number; fatal: boolean }[] = [];
  for (const q of within(ctx.quantities, start, end)) {
    if (!countsPeople(q)) continue;
    const tail = q.phraseEnd ?? q.end;
    const after = text.slice(tail, Math.min(end, tail + 90));
    if (SUBSET_AFTER.test(after)) continue;
    const before = text.slice(Math.max(start, q.start - 60), q.start);
    const fatalAfter = AFTER_FATAL.exec(after);
    const injuryAfter = AFTER_INJURY.exec(after);
    const headInjury = q.head && /^(wounded|injured)$/.test(q.head);
    const headFatal = q.head && /^(dead|bodies)$/.test(q.head);
    let fatal: boolean | null = null;
    let cueEnd = q.end;
    if (headFatal || (fatalAfter && (!injuryAfter || fatalAfter[0].length <= injuryAfter[0].length))) {
      fatal = true;
      cueEnd = tail + (fatalAfter?.[0].length ?? 0);
    } else if (headInjury || injuryAfter) {
      fatal = false;
      cueEnd = tail + (injuryAfter?.[0].length ?? 0);
    } else if (BEFORE_FATAL.test(before)) fatal = true;
    else if (BEFORE_INJURY.test(before)) fatal = false;
    if (fatal === null) continue;
    lastCue = Math.max(lastCue, cueEnd);
    const count = toCount(q, text, cueEnd);
    if (fatal) fatalities = better(fatalities, count);
    else injured = better(injured, count);
    if (q.phrase && q.phraseStart !== undefined && q.phraseEnd !== undefined && !/^(dead|wounded|injured|others|bodies)$/i.test(q.phrase))
      victims.push({ text: q.phrase, start: q.phraseStart, end: q.phraseEnd, fatal });
  }
  if (!fatalities) {
    SINGLE_FATAL.lastIndex = 0;
    const chunk = text.slice(start, end);
    const m = SINGLE_FATAL.exec(chunk);
    if (m) {
      fatalities = { min: 1, max: 1, text: m[0] };
      lastCue = Math.max(lastCue, start + m.index + m[0].length);
    }
  }
  return { fatalities, injured, victims, lastCue };
}
