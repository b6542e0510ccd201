import type {
  Scorecard,
  ScorecardHistoryEntry,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { WaiverHistoryState } from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { toHistoryEntry, toHistoryRow } from './historyRows';
import { chunks } from './rows';

/** The most changes one history request returns (the latest ones). */
export const HISTORY_LIMIT = 1000;

/**
 * Writes a history row for each result whose outcome changed; `previous`
 * holds the stored violations and waivers of those that had a result.
 */
export async function recordHistory(
  tx: Knex,
  outcomes: Scorecard[],
  now: string,
  previous: Map<string, WaiverHistoryState> = new Map(),
): Promise<void> {
  for (const batch of chunks(outcomes)) {
    await tx('scorecard_history').insert(
      batch.map(card => toHistoryRow(card, now, previous.get(card.entityRef))),
    );
  }
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
    return (await query).reverse().map(toHistoryEntry);
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
