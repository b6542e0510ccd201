import type {
  RollupFigures,
  ScorecardStatus,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ScoreWeights } from '../policy/types';

/** Unwaived violation counts by severity. @public */
export interface ViolationCounts {
  error: number;
  warning: number;
  info: number;
  waived: number;
}

/** Counts the violations that are scored (unwaived) and the waived ones. @public */
export function countViolations(violations: Violation[]): ViolationCounts {
  const counts: ViolationCounts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const violation of violations) {
    if (violation.waived) {
      counts.waived += 1;
    } else {
      counts[violation.severity] += 1;
    }
  }
  return counts;
}

/**
 * The seed's score, `max(0, 100 − 10·errors − 2·warnings)` with configurable
 * weights, and status: `fail` with any error, `warn` with warnings only.
 * @public
 */
export function scoreViolations(
  counts: ViolationCounts,
  weights: ScoreWeights,
): { score: number; status: ScorecardStatus } {
  const score = Math.max(
    0,
    100 -
      weights.error * counts.error -
      weights.warning * counts.warning -
      weights.info * counts.info,
  );
  let status: ScorecardStatus = 'pass';
  if (counts.error > 0) {
    status = 'fail';
  } else if (counts.warning > 0) {
    status = 'warn';
  }
  return { score: Math.round(score * 100) / 100, status };
}

/** What a rollup needs of each product. @public */
export interface RollupItem {
  score: number;
  status: ScorecardStatus;
  /** Ids of the rules the product violates (unwaived), each once. */
  ruleIds: readonly string[];
}

/**
 * Average and minimum score, status counts and the rules failing most, over
 * a set of products.
 * @public
 */
export function summarizeRollup(
  items: Iterable<RollupItem>,
  topRules = 5,
): RollupFigures {
  let productCount = 0;
  let total = 0;
  let minimum = Infinity;
  const statusCounts = { pass: 0, warn: 0, fail: 0 };
  const ruleCounts = new Map<string, number>();
  for (const item of items) {
    productCount += 1;
    total += item.score;
    minimum = Math.min(minimum, item.score);
    statusCounts[item.status] += 1;
    for (const ruleId of item.ruleIds) {
      ruleCounts.set(ruleId, (ruleCounts.get(ruleId) ?? 0) + 1);
    }
  }
  return {
    productCount,
    averageScore: productCount
      ? Math.round((total / productCount) * 100) / 100
      : null,
    minimumScore: productCount ? minimum : null,
    passCount: statusCounts.pass,
    warnCount: statusCounts.warn,
    failCount: statusCounts.fail,
    topFailingRules: [...ruleCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topRules)
      .map(([ruleId, count]) => ({ ruleId, count })),
  };
}
