import type {
  Scorecard,
  ScorecardPage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { listScorecards, ListScorecardsQuery } from './listScorecards';
import type { Visibility } from './visibleProducts';
import { insertRows } from './insertRows';
import { lockProducts, transactionWithRetry } from './rowLocks';
import {
  OutcomeTransition,
  readStoredOutcomes,
  toTransitions,
} from './outcomeTransitions';
import { recordHistory } from './ScorecardHistoryStore';
import {
  chunks,
  outcomeHash,
  resultHash,
  ScorecardHashes,
  ScorecardRow,
  toRow,
  toScorecard,
  unwaivedRuleIds,
} from './rows';

/** What storing a batch of results did. */
export interface SavedResults {
  /** Results whose outcome changed (each got a history row). */
  changedOutcomes: number;
  /** Products whose stored result is newer than the batch's, left as they were. */
  kept: string[];
  /** Products whose stored result was rewritten (scored first, or changed). */
  changed: string[];
  /** Products whose stored outcome changed: what it was, what it is. */
  transitions: OutcomeTransition[];
}

/** What is stored of a product's result, to tell what changed. */
interface StoredState {
  resultHash: string;
  outcomeHash: string;
  evaluatedAt: string;
}

/** A result with the hashes it is stored with. */
interface HashedScorecard {
  card: Scorecard;
  hashes: ScorecardHashes;
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

  /** In the caller's transaction, or in one of its own (retried after a deadlock). */
  #inTransaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return (this.db as Knex.Transaction).isTransaction
      ? fn(this.db as Knex.Transaction)
      : transactionWithRetry(this.db, fn);
  }

  async #stored(
    tx: Knex,
    entityRefs: string[],
  ): Promise<Map<string, StoredState>> {
    const rows = await tx('scorecards')
      .whereIn('entity_ref', entityRefs)
      .select('entity_ref', 'result_hash', 'outcome_hash', 'evaluated_at');
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

  /**
   * Stores a batch of results (a page of a sweep, or one re-score) in one
   * transaction: the latest row and rule hits of each result that changed, a
   * history row for each outcome that changed (with notes on the waivers
   * that started or stopped counting), and "evaluated now, fresh" for the
   * unchanged. The products are locked meanwhile, so concurrent
   * writers never record one change twice. With `evaluatedBefore` (a sweep's
   * start), a result stored after it (by a re-score) is newer and is kept.
   * Returns, besides counts, the transitions of the outcomes that changed,
   * compared under the lock with what was stored: each change is reported
   * by exactly one writer.
   */
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
        const refs = batch.map(card => card.entityRef);
        await lockProducts(tx, refs);
        const previous = await this.#stored(tx, refs);
        // Each result is hashed once (a hash serialises the whole result).
        const changed: HashedScorecard[] = [];
        const unchanged: string[] = [];
        const outcomes: Scorecard[] = [];
        const kept: string[] = [];
        for (const card of batch) {
          const stored = previous.get(card.entityRef);
          if (
            stored &&
            options.evaluatedBefore &&
            stored.evaluatedAt > options.evaluatedBefore
          ) {
            kept.push(card.entityRef);
            continue;
          }
          const hash = resultHash(card);
          if (stored?.resultHash === hash) {
            unchanged.push(card.entityRef);
            continue;
          }
          const outcome = outcomeHash(card);
          changed.push({
            card,
            hashes: { resultHash: hash, outcomeHash: outcome },
          });
          if (stored?.outcomeHash !== outcome) {
            outcomes.push(card);
          }
        }
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
  }

  /**
   * Marks stored results stale with the reason (for example, the catalog
   * could not be read): those of `entityRefs`, or those evaluated before
   * `evaluatedBefore`, or every result. Scores stay as they were.
   */
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

  /**
   * Products whose result was last evaluated before `before`, in entity ref
   * order after `after`: a sweep's leftovers, a page at a time.
   */
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

  /** Removes the results of products the catalog no longer holds. */
  async delete(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(entityRefs)) {
      deleted += await this.#inTransaction(async tx => {
        await tx('scorecard_rule_hits').whereIn('entity_ref', batch).delete();
        return tx('scorecards').whereIn('entity_ref', batch).delete();
      });
    }
    return deleted;
  }

  /** How many products have a result. */
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

  /** One page of scorecards the caller may see (see `listScorecards`). */
  list(
    query: ListScorecardsQuery,
    visibility: Visibility,
  ): Promise<ScorecardPage> {
    return listScorecards(this.db, query, visibility);
  }
}
