import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { toHistoryEntry } from './historyRows';
import { HISTORY_LIMIT, ScorecardHistoryStore } from './ScorecardHistoryStore';

/** The history store on the plugin's database (`scorecard_history`). */
export class DatabaseScorecardHistoryStore implements ScorecardHistoryStore {
  constructor(private readonly db: Knex) {}

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
