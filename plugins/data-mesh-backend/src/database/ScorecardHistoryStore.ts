import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';

/** The most changes one history request returns (the latest ones). */
export const HISTORY_LIMIT = 1000;

/**
 * Each product's history: one entry per change of its outcome (written with
 * its result, see `ScorecardStore.saveResults`). See
 * `DatabaseScorecardHistoryStore`.
 */
export interface ScorecardHistoryStore {
  /**
   * The latest changes (at most `HISTORY_LIMIT`) of a product's result in a
   * range, oldest first.
   */
  list(
    entityRef: string,
    range: { from?: string; to?: string },
  ): Promise<ScorecardHistoryEntry[]>;

  /**
   * Deletes history recorded before `before`, except each product's latest
   * entry (its page always shows where it stands); returns how many.
   */
  deleteBefore(before: string): Promise<number>;
}
