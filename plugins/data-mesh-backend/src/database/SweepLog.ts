import type { SweepOutcome } from '@datamesh-backstage/plugin-data-mesh-common';

export type { SweepOutcome };

/** A recorded sweep. */
export interface SweepRecord {
  id: number;
  startedAt: string;
  finishedAt?: string;
  outcome: SweepOutcome;
  productCount: number;
  changedCount: number;
  message?: string;
}

/** The outcome of each full sweep, newest last. See `DatabaseSweepLog`. */
export interface SweepLog {
  /** Records a sweep as running; returns its id. */
  start(startedAt: string): Promise<number>;

  /** Records how a running sweep ended. */
  finish(
    id: number,
    result: Omit<SweepRecord, 'id' | 'startedAt'>,
  ): Promise<void>;

  /** The most recent finished sweep, if any. */
  latestFinished(): Promise<SweepRecord | undefined>;

  /** The most recent sweep that read the catalog and stored its results. */
  latestSuccessful(): Promise<SweepRecord | undefined>;

  /** The first `limit` sweeps recorded (100 by default), oldest first. */
  list(limit?: number): Promise<SweepRecord[]>;

  /** Keeps the newest `keep` records. */
  prune(keep: number): Promise<void>;
}
