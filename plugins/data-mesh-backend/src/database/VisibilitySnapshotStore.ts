/**
 * Visibility snapshots: the entity refs of the products one caller may read
 * in the catalog, written a page at a time as the catalog streams them
 * (`begin`, `add`, `complete`), reused by that caller for a while on any
 * replica (`fresh`), and read in SQL by every consumer (`whereVisible` in
 * `visibleProducts.ts`, `visibleAmong`). Callers are named by a key the
 * service hashes. A snapshot counts only once complete. See
 * `DatabaseVisibilitySnapshotStore`.
 */
export interface VisibilitySnapshotStore {
  /** The newest complete snapshot of a principal completed at or after `since`. */
  fresh(principalKey: string, since: string): Promise<number | undefined>;

  /** Starts a snapshot; it is used by no one until `complete`. */
  begin(principalKey: string, startedAt: string): Promise<number>;

  /** Adds a page of refs to a snapshot being written. */
  add(snapshotId: number, entityRefs: string[]): Promise<void>;

  /**
   * Marks a snapshot complete. False when it is gone meanwhile (deleted as
   * abandoned): the caller must not use it.
   */
  complete(
    snapshotId: number,
    computedAt: string,
    productCount: number,
  ): Promise<boolean>;

  /**
   * The refs among `entityRefs` (at most 1000) that a snapshot holds, in
   * one query; undefined when the snapshot is gone (or incomplete).
   */
  visibleAmong(
    snapshotId: number,
    entityRefs: string[],
  ): Promise<Set<string> | undefined>;

  /**
   * Deletes snapshots completed before `completedBefore`, those started
   * before `abandonedBefore` and never completed (their writer died), and
   * the complete ones beyond the newest `keep`. Returns how many went.
   */
  deleteOld(options: {
    completedBefore: string;
    abandonedBefore: string;
    keep: number;
  }): Promise<number>;

  /**
   * Deletes snapshots: first unusable (no longer complete), then their refs
   * a slice at a time (so that SQLite's single writer is never held for
   * long), then the snapshot.
   */
  delete(snapshotIds: number[]): Promise<void>;
}
