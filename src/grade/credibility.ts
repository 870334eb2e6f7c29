/**
 * Information credibility (Admiralty 1–6) of a claim from what one document shows. Cross-document
 * corroboration is graded elsewhere; here only the document's own signals count.
 *
 * | signal (first that applies)                                   | credibility |
 * |---------------------------------------------------------------|-------------|
 * | negated by the text ("wrongly assumed to have been killed")   | 5 improbable |
 * | disputed by another party in the text                         | 5 improbable |
 * | denied by a party                                             | 4 doubtful  |
 * | source cannot be judged (F) and not corroborated              | 6 cannot be judged |
 * | asserted, ≥ 2 independent sources in the document agree       | 2 probably true (1 needs other documents) |
 * | asserted by an A/B source (or the outlet's A/B voice)         | 2 probably true |
 * | asserted by a C source                                        | 3 possibly true |
 * | claimed by the party itself, or alleged, and not verifiable   | 4 doubtful  |
 * | claimed or alleged                                            | 3 possibly true |
 * | uncertain (speculation, assessment)                           | 4 doubtful  |
 * | asserted by a D/E source                                      | 4 doubtful  |
 */
import type { Credibility } from '../core/index.js';
import type { ClaimFeatures } from '../extract/grading.js';

/** Grades one claim by the single-document rules in the table above. */
export function gradeClaim(f: ClaimFeatures): Credibility {
  if (f.modality === 'negated' || f.disputed) return 5;
  if (f.modality === 'denied') return 4;
  if (f.reliability === 'F' && f.corroborations < 2) return 6;
  if (f.modality === 'asserted') {
    if (f.corroborations >= 2) return 2;
    if (f.reliability === 'A' || f.reliability === 'B') return 2;
    if (f.reliability === 'C') return 3;
    return 4;
  }
  if (f.modality === 'claimed' || f.modality === 'alleged') return f.unverifiable ? 4 : 3;
  return 4;
}
