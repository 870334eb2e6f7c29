/**
 * How many incidents a trigger stands for, and whether it is an aggregate or a hypothetical
 * rather than an incident: "three separate attacks" → 3; "multiple IED attacks", "a string of
 * aerial attacks", "close to nine attacks over the past month" → aggregate (not invented into
 * dated incidents); "capability to conduct strikes", "another attack was likely" → hypothetical.
 */
import type { Span } from '../core/index.js';
import { within, type DocContext } from './context.js';
import {
  AGGREGATE_BEFORE,
  IRREALIS_BEFORE,
  PLURAL_GENERIC_BEFORE,
  RUNNING_TOLL_LEAD,
  UNCERTAIN_PAST_BEFORE,
} from './lexicon/event-triggers.js';

export interface TriggerReading {
  /** Incidents this trigger stands for. */
  readonly count: number;
  /** A summary of many incidents, not one. */
  readonly aggregate: boolean;
  /** Spoken of as possible, planned or feared. */
  readonly hypothetical: boolean;
}

const PLURAL = /(?:s|es)$/i;
const IRREALIS_AFTER = /^\s+(?:was|were|is|are)\s+(?:likely|possible|feared|expected|planned|imminent)\b/i;

/**
 * "an insurgency that has killed thousands", "the conflict, which has killed more than 6,000
 * people": a war's running toll told by its abstract noun sums many incidents.
 */
const CUMULATIVE_TOLL_BEFORE = new RegExp(`${RUNNING_TOLL_LEAD}(?:[a-z]+ly\\s+)?$`, 'i');

/** Reads the count and genericity of the trigger at `trigger` in a clause starting at `clauseStart`. */
const PLURAL_OF_COUNT =
  /^\s+of\s+(?:the\s+|at least\s+|some\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)\b/i;

export function readTrigger(ctx: DocContext, clauseStart: number, trigger: Span): TriggerReading {
  const before = ctx.text.slice(Math.max(clauseStart, trigger.start - 48), trigger.start);
  const word = ctx.text.slice(trigger.start, trigger.end);
  const hypothetical =
    (IRREALIS_BEFORE.test(before) && !UNCERTAIN_PAST_BEFORE.test(before)) ||
    IRREALIS_AFTER.test(ctx.text.slice(trigger.end, trigger.end + 30));
  const q = within(ctx.quantities, Math.max(clauseStart, trigger.start - 40), trigger.end).find(
    (x) =>
      x.phraseEnd !== undefined &&
      x.phraseEnd >= trigger.end - 1 &&
      x.phraseStart !== undefined &&
      x.phraseStart <= trigger.start,
  );
  if (q) {
    const exact = q.min !== null && q.min === q.max;
    return { count: exact ? (q.min ?? 1) : 1, aggregate: !exact, hypothetical };
  }
  const plural =
    PLURAL.test(word) &&
    /\b(?:attacks|raids|bombings|strikes|ambushes|assaults|killings|abductions|kidnappings)$/i.test(word);
  // "the killings of the five farmers": one incident with a count of victims.
  const ofVictims = PLURAL_OF_COUNT.test(ctx.text.slice(trigger.end, trigger.end + 40));
  const aggregate =
    AGGREGATE_BEFORE.test(before) ||
    CUMULATIVE_TOLL_BEFORE.test(before) ||
    (plural &&
      !ofVictims &&
      (PLURAL_GENERIC_BEFORE.test(before) ||
        !/\b(?:two|twin|both|three|four|coordinated)\s+(?:\S+\s+){0,2}$/i.test(before)));
  return { count: 1, aggregate, hypothetical };
}
