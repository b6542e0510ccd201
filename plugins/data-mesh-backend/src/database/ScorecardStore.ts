import type {
  Scorecard,
  ScorecardHistoryEntry,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { readWaiverStates, toHistoryEntry, toHistoryRow } from './historyRows';
import {
  chunks,
  outcomeHash,
  resultHash,
  ScorecardRow,
  toRow,
  toScorecard,
  unwaivedRuleIds,
} from './rows';

/** The most changes one history request returns (the latest ones). */
export const HISTORY_LIMIT = 1000;

/** What is stored of a product's result, to tell what changed. */
export interface StoredState {
  resultHash: string;
  outcomeHash: string;
  evaluatedAt: string;
}

/**
 * The latest result of each product, its rule hits and its history: one row
 * per product in `scorecards`, one per change in `scorecard_history`.
 */
export class ScorecardStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): ScorecardStore {
    return new ScorecardStore(db);
  }

  async #stored(entityRef?: string): Promise<Map<string, StoredState>> {
    const query = this.db('scorecards').select(
      'entity_ref',
      'result_hash',
      'outcome_hash',
      'evaluated_at',
    );
    if (entityRef) query.where({ entity_ref: entityRef });
    const rows = await query;
    return new Map(
      rows.map(row => [
        row.entity_ref,
        {
          resultHash: row.result_hash,
          outcomeHash: row.outcome_hash,
          evaluatedAt: row.evaluated_at,
        },
      ]),
    );
  }

  /** What is stored of every product, to tell what changed. */
  async storedStates(): Promise<Map<string, StoredState>> {
    return this.#stored();
  }

  /** What is stored of one product, if anything. */
  async storedStateOf(entityRef: string): Promise<Map<string, StoredState>> {
    return this.#stored(entityRef);
  }

  /**
   * Stores the results that differ from `previous`: the latest row and rule
   * hits when anything changed, and a history row when the outcome changed,
   * with notes on the waivers that started or stopped counting.
   * With `evaluatedBefore` (a sweep's start), a result stored after it (by
   * an incremental re-score) is newer and is kept. Returns how many outcomes
   * changed.
   */
  async saveResults(
    cards: Scorecard[],
    previous: Map<string, StoredState>,
    now: string,
    options: { evaluatedBefore?: string } = {},
  ): Promise<number> {
    const changed = cards.filter(card => {
      const stored = previous.get(card.entityRef);
      if (!stored) return true;
      if (
        options.evaluatedBefore &&
        stored.evaluatedAt > options.evaluatedBefore
      ) {
        return false;
      }
      return stored.resultHash !== resultHash(card);
    });
    const outcomes = changed.filter(
      card => previous.get(card.entityRef)?.outcomeHash !== outcomeHash(card),
    );
    const before = await readWaiverStates(
      this.db,
      outcomes
        .map(card => card.entityRef)
        .filter(entityRef => previous.has(entityRef)),
    );
    for (const batch of chunks(changed)) {
      await this.db.transaction(async tx => {
        const refs = batch.map(card => card.entityRef);
        await tx('scorecards')
          .insert(batch.map(card => toRow(card, now)))
          .onConflict('entity_ref')
          .merge();
        await tx('scorecard_rule_hits').whereIn('entity_ref', refs).delete();
        const hits = batch.flatMap(card =>
          unwaivedRuleIds(card).map(ruleId => ({
            entity_ref: card.entityRef,
            rule_id: ruleId,
            domain: card.domain ?? null,
          })),
        );
        for (const hitBatch of chunks(hits)) {
          await tx('scorecard_rule_hits').insert(hitBatch);
        }
      });
    }
    for (const batch of chunks(outcomes)) {
      await this.db('scorecard_history').insert(
        batch.map(card => toHistoryRow(card, now, before.get(card.entityRef))),
      );
    }
    return outcomes.length;
  }

  /**
   * Marks the results evaluated before `now` as evaluated now and fresh (one
   * statement); newer ones, re-scored during the sweep, are left as they are.
   */
  async markAllEvaluated(now: string): Promise<void> {
    await this.db('scorecards')
      .where('evaluated_at', '<', now)
      .update({ evaluated_at: now, stale: false });
  }

  /** Marks every stored result stale: the catalog could not be read. */
  async markAllStale(): Promise<void> {
    await this.db('scorecards').update({ stale: true });
  }

  /**
   * Removes the results of products no longer in the catalog; with
   * `evaluatedUpTo`, only of those last evaluated then or earlier: a product
   * scored since stays.
   */
  async deleteMissing(
    present: Set<string>,
    options: { evaluatedUpTo?: string } = {},
  ): Promise<number> {
    const query = this.db('scorecards');
    if (options.evaluatedUpTo) {
      query.where('evaluated_at', '<=', options.evaluatedUpTo);
    }
    const stored = await query.pluck('entity_ref');
    const gone = stored.filter((ref: string) => !present.has(ref));
    for (const batch of chunks(gone)) {
      await this.db.transaction(async tx => {
        await tx('scorecards').whereIn('entity_ref', batch).delete();
        await tx('scorecard_rule_hits').whereIn('entity_ref', batch).delete();
      });
    }
    return gone.length;
  }

  async get(entityRef: string): Promise<Scorecard | undefined> {
    const row = await this.db<ScorecardRow>('scorecards')
      .where({ entity_ref: entityRef })
      .first();
    return row ? toScorecard(row) : undefined;
  }

  /** The latest changes of a product's result in a range, oldest first. */
  async history(
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
    return rows.map(toHistoryEntry);
  }

  /** Deletes history rows recorded before `before`; returns how many. */
  async deleteHistoryBefore(before: string): Promise<number> {
    return this.db('scorecard_history')
      .where('recorded_at', '<', before)
      .delete();
  }
}
