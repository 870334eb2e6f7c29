/**
 * Information credibility (Admiralty 1–6) of a fused event, relation or claim across documents.
 *
 * | rule (first that applies)                                                          | credibility |
 * |------------------------------------------------------------------------------------|-------------|
 * | no independent report states it                                                    | the best single-document grade, at best 5 |
 * | contrary reports (denials, negations) from at least as many stories as confirm it  | at best 4 doubtful |
 * | ≥ 3 independent stories from A–C sources, no contradiction and no denial           | 1 confirmed |
 * | ≥ 2 independent stories from A–C sources                                           | at best 2 probably true |
 * | otherwise                                                                          | the best single-document grade |
 * | then: a contradiction on who did it, where or when caps the grade at 3; one on figures at 2 |
 *
 * Independent means distinct stories: syndicated copies of one report count once. Source
 * reliability is recomputed with the user's reliability file, so editing the file regrades.
 */
import type { Credibility, Reliability } from '../../core/index.js';

/** What the cross-document grade needs to know about one thing reported in several documents. */
export interface CorroborationInput {
  /** Best single-document credibility among the reports (6 when none was graded). */
  readonly base: Credibility;
  /** Reliability of each independent story that states it (best source of the story). */
  readonly confirming: readonly Reliability[];
  /** Independent stories that deny or negate it. */
  readonly contrary: number;
  /** Contradiction records on it, by kind (revisions excluded). */
  readonly contradictionKinds: readonly string[];
}

/** The cross-document credibility and the reason, in words, for showing next to it. */
export function corroboratedCredibility(input: CorroborationInput): {
  credibility: Credibility;
  reason: string;
} {
  const reliable = input.confirming.filter((r) => r === 'A' || r === 'B' || r === 'C').length;
  const n = input.confirming.length;
  let c: Credibility;
  let reason: string;
  if (n === 0) {
    c = Math.max(input.base, 5) as Credibility;
    reason = 'no report states it';
  } else if (input.contrary > 0 && input.contrary >= n) {
    c = Math.max(input.base, 4) as Credibility;
    reason = `${input.contrary} contrary vs ${n} confirming stories`;
  } else if (reliable >= 3 && input.contrary === 0 && input.contradictionKinds.length === 0) {
    c = 1;
    reason = `confirmed by ${reliable} independent reliable stories`;
  } else if (reliable >= 2) {
    c = Math.min(input.base, 2) as Credibility;
    reason = `${reliable} independent reliable stories agree`;
  } else {
    c = input.base;
    reason = n > 1 ? `${n} independent stories, fewer than 2 reliable` : 'one story';
  }
  const conflicting = input.contradictionKinds.filter(
    (k) => k === 'perpetrator' || k === 'claimant' || k === 'place' || k === 'date',
  );
  if (conflicting.length && c < 3) {
    c = 3;
    reason += `; contradicted on ${[...new Set(conflicting)].join(', ')}`;
  } else if (input.contradictionKinds.length && c < 2) {
    c = 2;
    reason += `; figures disputed`;
  }
  if (input.contrary > 0 && input.contrary < n) reason += `; ${input.contrary} contrary`;
  return { credibility: c, reason };
}

/** The best (most reliable) of several grades; F when there are none. */
export function bestReliability(grades: readonly Reliability[]): Reliability {
  return grades.length ? ([...grades].sort()[0] ?? 'F') : 'F';
}
