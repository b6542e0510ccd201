import type {
  Scorecard,
  ScorecardHistoryEntry,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { unwaivedRuleIds } from './rows';

/** The most changes one history request returns (the latest ones). */
export const HISTORY_LIMIT = 1000;

/** Writes a history row for each result whose outcome changed. */
export async function recordHistory(
  tx: Knex,
  outcomes: Scorecard[],
  now: string,
): Promise<void> {
  if (outcomes.length === 0) {
    return;
  }
  await tx('scorecard_history').insert(
    outcomes.map(card => ({
      entity_ref: card.entityRef,
      score: card.score,
      status: card.status,
      error_count: card.violations.filter(
        v => !v.waived && v.severity === 'error',
      ).length,
      warning_count: card.violations.filter(
        v => !v.waived && v.severity === 'warning',
      ).length,
      rule_ids: JSON.stringify(unwaivedRuleIds(card)),
      policy_version: card.policyVersion,
      recorded_at: now,
    })),
  );
}

/** Each product's history: one row per change of its outcome. */
export class ScorecardHistoryStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): ScorecardHistoryStore {
    return new ScorecardHistoryStore(db);
  }

  /** The latest changes of a product's result in a range, oldest first. */
  async list(
    entityRef: string,
    range: { from?: string; to?: string },
  ): Promise<ScorecardHistoryEntry[]> {
    const query = this.db('scorecard_history')
      .where({ entity_ref: entityRef })
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .limit(HISTORY_LIMIT);
    if (range.from) query.where('recorded_at', '>=', range.from);
    if (range.to) query.where('recorded_at', '<=', range.to);
    const rows = (await query).reverse();
    return rows.map(row => ({
      recordedAt: row.recorded_at,
      score: Number(row.score),
      status: row.status,
      errorCount: Number(row.error_count),
      warningCount: Number(row.warning_count),
      ruleIds: JSON.parse(row.rule_ids),
      policyVersion: row.policy_version,
    }));
  }

  /**
   * Deletes history rows recorded before `before`, except each product's
   * latest row (its page always shows where it stands); returns how many.
   */
  async deleteBefore(before: string): Promise<number> {
    // MySQL cannot read the table it deletes from in a subquery, except
    // through a derived table.
    const latest = this.db
      .select('id')
      .from(
        this.db('scorecard_history')
          .max({ id: 'id' })
          .groupBy('entity_ref')
          .as('latest'),
      );
    return this.db('scorecard_history')
      .where('recorded_at', '<', before)
      .whereNotIn('id', latest)
      .delete();
  }
}
