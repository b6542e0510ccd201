import type {
  Scorecard,
  ScorecardPage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ListScorecardsQuery } from './listScorecards';
import type { OutcomeTransition } from './outcomeTransitions';
import type { Visibility } from './visibleProducts';

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

/**
 * The latest result of each product, its rule hits and its history: one row
 * per product in `scorecards`, one per change in `scorecard_history`. See
 * `DatabaseScorecardStore`.
 */
export interface ScorecardStore {
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
  saveResults(
    cards: Scorecard[],
    now: string,
    options?: { evaluatedBefore?: string },
  ): Promise<SavedResults>;

  /**
   * Marks stored results stale with the reason (for example, the catalog
   * could not be read): those of `entityRefs`, or those evaluated before
   * `evaluatedBefore`, or every result. Scores stay as they were.
   */
  markStale(
    reason: string,
    scope?: { entityRefs?: string[]; evaluatedBefore?: string },
  ): Promise<void>;

  /**
   * Products whose result was last evaluated before `before`, in entity ref
   * order after `after`: a sweep's leftovers, a page at a time.
   */
  evaluatedBefore(
    before: string,
    options: { after?: string; limit: number },
  ): Promise<string[]>;

  /** Removes the results of products the catalog no longer holds. */
  delete(entityRefs: string[]): Promise<number>;

  /** How many products have a result. */
  count(): Promise<number>;

  /** A product's latest result, if it has one. */
  get(entityRef: string): Promise<Scorecard | undefined>;

  /**
   * One page of the results the caller may see, in a stable order, resumed
   * from an opaque cursor (see `listScorecards`).
   */
  list(
    query: ListScorecardsQuery,
    visibility: Visibility,
  ): Promise<ScorecardPage>;
}
