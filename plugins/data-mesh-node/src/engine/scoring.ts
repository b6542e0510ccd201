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
 * The governance score, `max(0, 100 − 10·errors − 2·warnings)` with configurable
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
 * Rollup figures built one product at a time, so that a rollup over any
 * number of products holds only counts.
 * @public
 */
export class RollupAccumulator {
  #productCount = 0;
  #total = 0;
  #minimum = Infinity;
  #statusCounts = { pass: 0, warn: 0, fail: 0 };
  #ruleCounts = new Map<string, number>();

  add(item: RollupItem): void {
    this.#productCount += 1;
    this.#total += item.score;
    this.#minimum = Math.min(this.#minimum, item.score);
    this.#statusCounts[item.status] += 1;
    for (const ruleId of item.ruleIds) {
      this.#ruleCounts.set(ruleId, (this.#ruleCounts.get(ruleId) ?? 0) + 1);
    }
  }

  /** The figures so far, with the `topRules` rules failing most. */
  figures(topRules = 5): RollupFigures {
    const count = this.#productCount;
    return {
      productCount: count,
      averageScore: count
        ? Math.round((this.#total / count) * 100) / 100
        : null,
      minimumScore: count ? this.#minimum : null,
      passCount: this.#statusCounts.pass,
      warnCount: this.#statusCounts.warn,
      failCount: this.#statusCounts.fail,
      topFailingRules: [...this.#ruleCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, topRules)
        .map(([ruleId, hits]) => ({ ruleId, count: hits })),
    };
  }
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
  const rollup = new RollupAccumulator();
  for (const item of items) {
    rollup.add(item);
  }
  return rollup.figures(topRules);
}
