import { MeasurementStore } from '../database/MeasurementStore';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { RollupStore } from '../database/RollupStore';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { SweepLog } from '../database/SweepLog';
import { MeasurementWindow } from './MeasurementWindow';

const DAY_MS = 86_400_000;

/** Sweep records kept. */
const SWEEP_RECORDS_KEPT = 1000;

/**
 * What a successful sweep deletes: history and daily rollups older than the
 * retention period (each product's latest history row always stays),
 * notification claims older than it, measurements older than the SLO
 * window, and old sweep records. Only a sweep that read the catalog
 * completely runs it.
 */
export class SweepRetention {
  constructor(
    private readonly deps: {
      history: ScorecardHistoryStore;
      rollups: RollupStore;
      measurements: MeasurementStore;
      sweeps: SweepLog;
      notificationClaims: NotificationClaimStore;
      measurementWindow: MeasurementWindow;
      retentionDays: number;
    },
  ) {}

  async apply(now: Date): Promise<void> {
    const { deps } = this;
    const cutoff = new Date(
      now.getTime() - deps.retentionDays * DAY_MS,
    ).toISOString();
    await deps.history.deleteBefore(cutoff);
    await deps.rollups.deleteBefore(cutoff.slice(0, 10));
    await deps.notificationClaims.deleteBefore(cutoff);
    await deps.measurements.deleteBefore(
      deps.measurementWindow.windowStart(now),
    );
    await deps.sweeps.prune(SWEEP_RECORDS_KEPT);
  }
}
