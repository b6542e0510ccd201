import type {
  Scorecard,
  ScorecardPage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { recordHistory } from './historyRows';
import { insertRows } from './insertRows';
import { listScorecards, ListScorecardsQuery } from './listScorecards';
import { readStoredOutcomes, toTransitions } from './outcomeTransitions';
import { lockProducts, transactionWithRetry } from './rowLocks';
import {
  chunks,
  ScorecardRow,
  toRow,
  toScorecard,
  unwaivedRuleIds,
  upcomingHits,
} from './rows';
import { HashedScorecard, sortResults } from './sortResults';
import { SavedResults, ScorecardStore } from './ScorecardStore';
import { Visibility } from './visibleProducts';

/** The scorecard store on the plugin's database (`scorecards`, rule hits, history). */
export class DatabaseScorecardStore implements ScorecardStore {
  /** `db` may be a transaction: every write then joins it. */
  constructor(private readonly db: Knex) {}

  /** In the caller's transaction, or in one of its own (retried after a deadlock). */
  #inTransaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return (this.db as Knex.Transaction).isTransaction
      ? fn(this.db as Knex.Transaction)
      : transactionWithRetry(this.db, fn);
  }

  async saveResults(
    cards: Scorecard[],
    now: string,
    options: { evaluatedBefore?: string } = {},
  ): Promise<SavedResults> {
    const saved: SavedResults = {
      changedOutcomes: 0,
      kept: [],
      changed: [],
      transitions: [],
    };
    for (const batch of chunks(cards)) {
      const result = await this.#inTransaction(async tx => {
        await lockProducts(
          tx,
          batch.map(card => card.entityRef),
        );
        const sorted = await sortResults(tx, batch, options.evaluatedBefore);
        const { changed, unchanged, outcomes, kept, previous } = sorted;
        // Read before writing: history notes say which waivers started or
        // stopped counting since the stored result, transitions what changed.
        const storedOutcomes = await readStoredOutcomes(
          tx,
          outcomes.map(c => c.entityRef).filter(ref => previous.has(ref)),
        );
        await this.#write(tx, changed, now);
        await recordHistory(tx, outcomes, now, storedOutcomes);
        for (const refsBatch of chunks(unchanged)) {
          await tx('scorecards')
            .whereIn('entity_ref', refsBatch)
            .update({ evaluated_at: now, stale: false, stale_reason: null });
        }
        return {
          changedOutcomes: outcomes.length,
          kept,
          changed: changed.map(({ card }) => card.entityRef),
          transitions: toTransitions(outcomes, storedOutcomes),
        };
      });
      saved.changedOutcomes += result.changedOutcomes;
      saved.kept.push(...result.kept);
      saved.changed.push(...result.changed);
      saved.transitions.push(...result.transitions);
    }
    return saved;
  }

  async #write(tx: Knex, changed: HashedScorecard[], now: string) {
    if (changed.length === 0) {
      return;
    }
    const refs = changed.map(({ card }) => card.entityRef);
    await insertRows(
      tx,
      'scorecards',
      changed.map(({ card, hashes }) => toRow(card, now, hashes)),
      { onConflict: ['entity_ref'] },
    );
    await tx('scorecard_rule_hits').whereIn('entity_ref', refs).delete();
    const hits = changed.flatMap(({ card }) =>
      unwaivedRuleIds(card).map(ruleId => ({
        entity_ref: card.entityRef,
        rule_id: ruleId,
        domain: card.domain ?? null,
      })),
    );
    await insertRows(tx, 'scorecard_rule_hits', hits);
    await tx('scorecard_upcoming_hits').whereIn('entity_ref', refs).delete();
    await insertRows(
      tx,
      'scorecard_upcoming_hits',
      changed.flatMap(({ card }) =>
        upcomingHits(card).map(hit => ({
          entity_ref: card.entityRef,
          rule_id: hit.ruleId,
          state: hit.state,
        })),
      ),
    );
  }

  async markStale(
    reason: string,
    scope: { entityRefs?: string[]; evaluatedBefore?: string } = {},
  ): Promise<void> {
    const update = { stale: true, stale_reason: reason.slice(0, 1000) };
    if (scope.entityRefs) {
      for (const batch of chunks(scope.entityRefs)) {
        await this.db('scorecards').whereIn('entity_ref', batch).update(update);
      }
      return;
    }
    const query = this.db('scorecards');
    if (scope.evaluatedBefore) {
      query.where('evaluated_at', '<', scope.evaluatedBefore);
    }
    await query.update(update);
  }

  async evaluatedBefore(
    before: string,
    options: { after?: string; limit: number },
  ): Promise<string[]> {
    const query = this.db('scorecards')
      .where('evaluated_at', '<', before)
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.where('entity_ref', '>', options.after);
    }
    return query.pluck('entity_ref');
  }

  async delete(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(entityRefs)) {
      deleted += await this.#inTransaction(async tx => {
        await tx('scorecard_rule_hits').whereIn('entity_ref', batch).delete();
        await tx('scorecard_upcoming_hits')
          .whereIn('entity_ref', batch)
          .delete();
        return tx('scorecards').whereIn('entity_ref', batch).delete();
      });
    }
    return deleted;
  }

  async count(): Promise<number> {
    const [row] = await this.db('scorecards').count({ count: '*' });
    return Number(row.count);
  }

  async get(entityRef: string): Promise<Scorecard | undefined> {
    const row = await this.db<ScorecardRow>('scorecards')
      .where({ entity_ref: entityRef })
      .first();
    return row ? toScorecard(row) : undefined;
  }

  async list(
    query: ListScorecardsQuery,
    visibility: Visibility,
  ): Promise<ScorecardPage> {
    return listScorecards(this.db, query, visibility);
  }
}
