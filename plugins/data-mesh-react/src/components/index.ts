export { AsyncContent } from './AsyncContent';
export type { AsyncContentProps } from './AsyncContent';
export { SafeLink } from './SafeLink';
export type { SafeLinkProps } from './SafeLink';
export { SafeMarkdown } from './SafeMarkdown';
export type { SafeMarkdownProps } from './SafeMarkdown';
export { ScoreTrend, describeTrend } from './ScoreTrend';
export type { ScoreTrendPoint, ScoreTrendProps } from './ScoreTrend';
export {
  ScorecardStatusLabel,
  scorecardStatusLabel,
} from './ScorecardStatusLabel';
export type { ScorecardStatusLabelProps } from './ScorecardStatusLabel';
export { FreshnessNote } from './FreshnessNote';
export type { FreshnessNoteProps } from './FreshnessNote';
export { DataProductScorecard } from './DataProductScorecard';
export type { DataProductScorecardProps } from './DataProductScorecard';
