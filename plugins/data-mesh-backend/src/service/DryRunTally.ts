import {
  DRY_RUN_NEWLY_FAILING_LISTED,
  DryRunResponse,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { RollupAccumulator } from '@datamesh-backstage/plugin-data-mesh-node';
import { unwaivedRuleIds } from '../database/rows';

/**
 * What a dry-run found so far: counts, rollups and the newly failing. It
 * holds counters, two rollup accumulators (a count per rule) and at most
 * `DRY_RUN_NEWLY_FAILING_LISTED` products, whatever the number of products
 * evaluated: the dry-run adds each product as it is evaluated, a catalog
 * page at a time, and keeps nothing else of it.
 */
export class DryRunTally {
  readonly current = new RollupAccumulator();
  readonly after = new RollupAccumulator();
  /** The first newly failing products (all are counted). */
  readonly newlyFailing: DryRunResponse['newlyFailing'] = [];
  newlyFailingCount = 0;
  evaluatedCount = 0;
  changed = 0;

  /** A product as scored today (`before`) and under the proposed pack. */
  add(before: Scorecard, next: Scorecard): void {
    this.evaluatedCount += 1;
    this.current.add({ ...before, ruleIds: unwaivedRuleIds(before) });
    this.after.add({ ...next, ruleIds: unwaivedRuleIds(next) });
    if (before.status !== next.status || before.score !== next.score) {
      this.changed += 1;
    }
    if (before.status !== 'fail' && next.status === 'fail') {
      this.newlyFailingCount += 1;
      if (this.newlyFailing.length >= DRY_RUN_NEWLY_FAILING_LISTED) {
        return;
      }
      const known = new Set(unwaivedRuleIds(before));
      this.newlyFailing.push({
        entityRef: next.entityRef,
        currentStatus: before.status,
        proposedStatus: next.status,
        currentScore: before.score,
        proposedScore: next.score,
        newViolations: unwaivedRuleIds(next).filter(id => !known.has(id)),
      });
    }
  }
}
