import { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  scorecardSignalChannel,
  ScorecardUpdatedMessage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { chunks } from '../../database/rows';

/** Signals published at once. */
const SIGNALS_AT_ONCE = 10;

/**
 * Live updates of open scorecard pages, through Backstage Signals: when a
 * product's stored result changes, a broadcast on its channel
 * (`scorecardSignalChannel`, `data-mesh:scorecard:<entity ref>`) carrying
 * the ref and nothing else; the page reads the scorecard again through the
 * API, as the viewer. Without the signals service, nothing is published.
 */
export class ScorecardSignals {
  constructor(
    private readonly deps: {
      signals?: SignalsService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Tells open pages that these products' scorecards changed, a few at a
   * time (each signal may be a request to the events bus): a sweep's cost
   * grows with the products that changed, not with the catalog.
   */
  async publish(entityRefs: string[]): Promise<void> {
    const { signals } = this.deps;
    if (!signals) {
      return;
    }
    let failed = 0;
    let firstError: unknown;
    for (const batch of chunks(entityRefs, SIGNALS_AT_ONCE)) {
      const results = await Promise.allSettled(
        batch.map(entityRef =>
          signals.publish({
            recipients: { type: 'broadcast' },
            channel: scorecardSignalChannel(entityRef),
            message: { entityRef } satisfies ScorecardUpdatedMessage,
          }),
        ),
      );
      for (const result of results) {
        if (result.status === 'rejected') {
          failed += 1;
          firstError ??= result.reason;
        }
      }
    }
    if (failed) {
      this.deps.logger.warn(
        `Could not signal ${failed} scorecard changes: ${firstError}`,
      );
    }
  }
}
