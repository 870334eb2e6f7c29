/**
 * Modality of a fact from the words of its own clause: hedges make it alleged or uncertain,
 * negation negates it, a denial denies it, a claim of responsibility makes it claimed. The
 * window is the clause up to the end of the fact's own words, so a hedge that follows the fact
 * ("killing 100 people in what may be the bloodiest attack") does not weaken it.
 */
import type { Modality } from '../core/index.js';

const STRONG_NEGATION =
  /\b(?:wrongly|falsely|mistakenly|erroneously) (?:\w+ ){0,2}(?:assumed|believed|reported|thought|presumed|claimed|said)\b|\bdid not (?:happen|take place|occur)\b|\bno evidence (?:that|of)\b|\bno (?:such )?(?:attack|incident|blast|explosion|clash) (?:took place|happened|occurred)\b/i;
/** Reports dismissed as untrue ("reports of a drone strike were baseless"). */
const BASELESS =
  /\b(?:were|was|are|is)\s+(?:\w+\s+)?(?:baseless|unfounded|false|fabricated|untrue|incorrect|fake)\b|\bno such (?:operation|attack|strike|incident|raid) (?:had )?(?:took|taken|take) place\b|\bdismissed as (?:fake|false|baseless)/i;
const NEAR_NEGATION = /\b(?:not|never|no|n't|neither|nor)\s+(?:\S+\s+){0,2}$/i;
/** A negated statement about the fact, not of it: "the ADF has not claimed the massacre" (it happened). */
const NEGATED_SAYING =
  /\b(?:not|never|n't)\s+(?:yet\s+|publicly\s+|officially\s+)?(?:claimed|confirmed|commented on|acknowledged|announced|disclosed|explained|named|identified)\s+(?:\S+\s+){0,1}$/i;
const DENIAL =
  /\b(?:denied|denies|deny|denying|rejected (?:the )?(?:claims?|allegations?|reports?|responsibility)|(?:had|has|have) no (?:part|role|hand|involvement) in|(?:had|has|have) nothing to do with|was not involved|were not involved|not behind|not responsible)\b/i;
const ALLEGED =
  /\b(?:allegedly|reportedly|purportedly|alleged|alleging|supposedly|accused of|accuses|accused|accusing|blamed (?:each other|one another)|trad(?:ed|ing) (?:blame|accusations))\b/i;
const UNCERTAIN =
  /\b(?:may|might|could|believed|thought to|is thought|are thought|suspected of|possibly|probably|perhaps|likely|unlikely|suggests?|suggested|suggesting|believed to|thought to|feared|presumably|apparently|not (?:been )?ruled out|unconfirmed|if confirmed)\b/i;
/** A relative clause closed before the fact ("Ghafari, who was wrongly assumed to have been killed, is …"). */
const CLOSED_RELATIVE = /,\s*(?:who|which|whose|whom)\b[^,;]*,/gi;
const CLAIMED = /\b(?:claimed|claims|claiming|claim)\b/i;

/**
 * Modality of the fact whose words end at `factEnd` and whose main word starts at `anchor`,
 * inside a clause starting at `from`. `frame` is the modality given by a reporting verb.
 */
export function modalityOf(
  text: string,
  from: number,
  anchor: number,
  factEnd: number,
  frame: Modality = 'asserted',
): Modality {
  const window = text.slice(from, Math.max(anchor, factEnd)).replace(CLOSED_RELATIVE, ', ');
  const lead = text.slice(Math.max(from, anchor - 30), anchor);
  if (STRONG_NEGATION.test(window)) return 'negated';
  if (DENIAL.test(window) || BASELESS.test(text.slice(from, Math.max(anchor, factEnd) + 80))) return 'denied';
  if (NEAR_NEGATION.test(lead)) {
    const saying = NEGATED_SAYING.exec(lead);
    if (!saying) return 'negated';
    // "police have not confirmed the attack": told, but not borne out
    if (/confirmed/i.test(saying[0]) && frame === 'asserted') return 'uncertain';
  }
  if (frame === 'denied' || frame === 'negated') return frame;
  if (ALLEGED.test(window)) return 'alleged';
  if (UNCERTAIN.test(window)) return 'uncertain';
  return frame;
}

/** True when the clause text claims an act for its speaker ("has claimed to have carried out"). */
export function hasClaimWord(text: string): boolean {
  return CLAIMED.test(text);
}

/** The stronger of two modalities when two cues apply (negated > denied > alleged > uncertain > claimed > asserted). */
export function weaker(a: Modality, b: Modality): Modality {
  const order: Modality[] = ['negated', 'denied', 'alleged', 'uncertain', 'claimed', 'asserted'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}
