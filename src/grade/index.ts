/**
 * Grading: Admiralty source reliability (per kind, configurable per outlet) and single-document
 * information credibility; `extractGradedFacts` runs fact extraction with these rules.
 */
import { extractFacts, type FactInput, type Facts, type Grader } from '../extract/index.js';
import { gradeClaim } from './credibility.js';
import { outletReliability, reliabilityFor, type ReliabilityConfig } from './reliability.js';

export { gradeClaim } from './credibility.js';
export {
  DEFAULT_KIND_RELIABILITY,
  loadReliabilityConfig,
  outletReliability,
  reliabilityFor,
  type ReliabilityConfig,
} from './reliability.js';

/** A grader for extraction built from a reliability config (defaults when none). */
export function createGrader(config: ReliabilityConfig = {}): Grader {
  return {
    sourceReliability: (kind, text) => reliabilityFor(kind, text, config),
    outletReliability: (outlet) => outletReliability(outlet, config),
    claimCredibility: gradeClaim,
  };
}

/** Extracts events, relations, sources and claims, graded with `reliability` (defaults when absent). */
export function extractGradedFacts(input: Omit<FactInput, 'grader'>): Facts {
  return extractFacts({ ...input, grader: createGrader(input.reliability) });
}
