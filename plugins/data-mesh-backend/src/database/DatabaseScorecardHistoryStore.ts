import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { toHistoryEntry } from './historyRows';
import { chunks } from './rows';
import {
  HISTORY_LIMIT,
  RecordedRules,
  ScorecardHistoryStore,
} from './ScorecardHistoryStore';

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

  async rulesSince(
    refs: string[],
    from: string,
  ): Promise<Map<string, RecordedRules[]>> {
    const byRef = new Map<string, RecordedRules[]>();
    for (const batch of chunks(refs)) {
      const before = this.db('scorecard_history')
        .max({ id: 'id' })
        .whereIn('entity_ref', batch)
        .where('recorded_at', '<', from)
        .groupBy('entity_ref');
      const rows = await this.db('scorecard_history')
        .select('entity_ref', 'recorded_at', 'rule_ids')
        .whereIn('entity_ref', batch)
        .where(query =>
          query.where('recorded_at', '>=', from).orWhereIn('id', before),
        )
        .orderBy('entity_ref')
        .orderBy('recorded_at')
        .orderBy('id');
      for (const row of rows) {
        const list = byRef.get(row.entity_ref) ?? [];
        list.push({
          recordedAt: row.recorded_at,
          ruleIds: JSON.parse(row.rule_ids),
        });
        byRef.set(row.entity_ref, list);
      }
    }
    return byRef;
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
