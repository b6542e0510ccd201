import type { Freshness } from '@datamesh-backstage/plugin-data-mesh-common';
import { SweepLog } from '../database/SweepLog';

const REASONS: Record<string, string> = {
  'catalog-unavailable': 'The last governance sweep could not read the catalog',
  'empty-read':
    'The last governance sweep read no data product from the catalog',
  failed: 'The last governance sweep failed',
};

/**
 * Whether the figures the suite shows may be out of date: computed from
 * the sweeps' log, so that every page can say when its figures were
 * computed and warn when sweeps fail or stop.
 */
export class FreshnessService {
  constructor(
    private readonly deps: {
      sweeps: SweepLog;
      /** How old the last complete sweep may be before figures count as stale. */
      staleAfterMs: number;
      now?: () => Date;
    },
  ) {}

  async current(): Promise<Freshness> {
    const [last, complete] = await Promise.all([
      this.deps.sweeps.latestFinished(),
      this.deps.sweeps.latestSuccessful(),
    ]);
    const lastSweep = last && {
      startedAt: last.startedAt,
      finishedAt: last.finishedAt,
      outcome: last.outcome,
      ...(last.message ? { message: last.message } : {}),
    };
    const computedAt = complete?.finishedAt;
    let reason: string | undefined;
    if (last && last.outcome !== 'ok') {
      reason = `${
        REASONS[last.outcome] ?? 'The last governance sweep did not complete'
      }${last.message ? `: ${last.message}` : ''}`;
    } else if (!computedAt) {
      reason = 'No governance sweep has completed yet';
    } else {
      const age =
        (this.deps.now?.() ?? new Date()).getTime() - Date.parse(computedAt);
      if (age > this.deps.staleAfterMs) {
        reason = `No governance sweep has completed since ${computedAt}`;
      }
    }
    return {
      ...(computedAt ? { computedAt } : {}),
      ...(lastSweep ? { lastSweep } : {}),
      stale: Boolean(reason),
      ...(reason ? { reason } : {}),
    };
  }
}
