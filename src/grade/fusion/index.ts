/** Cross-document grading rules: figure estimates, corroborated credibility, fused-event summaries. */
export { estimateFigure, type FigureEstimate, type FigureReport } from './estimate.js';
export { bestReliability, corroboratedCredibility, type CorroborationInput } from './credibility.js';
export {
  reportReliability,
  summarizeFused,
  type FusedLike,
  type FusedSummary,
  type ReportLike,
} from './summary.js';
export {
  gradeStatement,
  statementReliability,
  timelineGrade,
  type StatementGrade,
  type StatementLike,
  type TimelineItemLike,
} from './statements.js';
