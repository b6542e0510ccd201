import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';

/** The most changes one history request returns (the latest ones). */
export const HISTORY_LIMIT = 1000;

/** Which rules a product broke (unwaived) from a moment on. */
export interface RecordedRules {
  recordedAt: string;
  ruleIds: string[];
}

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
   * What each of `refs` broke from `from` on: its latest entry before
   * `from` (where it stood then), then every entry since, oldest first.
   * Products without history are absent.
   */
  rulesSince(
    refs: string[],
    from: string,
  ): Promise<Map<string, RecordedRules[]>>;

  /**
   * Deletes history recorded before `before`, except each product's latest
   * entry (its page always shows where it stands); returns how many.
   */
  deleteBefore(before: string): Promise<number>;
}
