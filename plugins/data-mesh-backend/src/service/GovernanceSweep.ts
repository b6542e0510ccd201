import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  createCatalogSnapshotContext,
  evaluateProduct,
  PolicySet,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import { RollupStore } from '../database/RollupStore';
import { chunks } from '../database/rows';
import { ScorecardStore } from '../database/ScorecardStore';
import { SweepLog, SweepRecord } from '../database/SweepLog';
import { WaiverStore } from '../database/WaiverStore';
import { MeasurementStore } from '../database/MeasurementStore';
import { CatalogReader, CatalogSnapshot } from './CatalogReader';
import { ProductFactsRecorder } from './ProductFactsRecorder';
import { SignalsProvider } from './SignalsProvider';

const DAY_MS = 86_400_000;
const SWEEP_RECORDS_KEPT = 1000;

/**
 * A full sweep: reads every product from the catalog, evaluates it, stores
 * what changed, removes products gone from the catalog, and records the
 * day's rollups. If the catalog cannot be read, or returns no product while
 * results are stored, results are kept and marked stale: nothing is recorded
 * as failing and retention deletes nothing.
 */
export class GovernanceSweep {
  constructor(
    private readonly deps: {
      policies: PolicySet;
      reader: CatalogReader;
      scorecards: ScorecardStore;
      rollups: RollupStore;
      waivers: WaiverStore;
      maxWaiverDays: number;
      sweeps: SweepLog;
      signals: SignalsProvider;
      recorder: ProductFactsRecorder;
      measurements: MeasurementStore;
      auth: AuthService;
      logger: LoggerService;
      retentionDays: number;
      now?: () => Date;
    },
  ) {}

  async run(): Promise<SweepRecord> {
    const { deps } = this;
    const now = deps.now?.() ?? new Date();
    const iso = now.toISOString();
    const id = await deps.sweeps.start(iso);
    try {
      return await this.#sweep(id, now);
    } catch (error) {
      await deps.sweeps.finish(id, {
        finishedAt: (deps.now?.() ?? new Date()).toISOString(),
        outcome: 'failed',
        productCount: 0,
        changedCount: 0,
        message: String(error),
      });
      deps.logger.error(`Governance sweep failed: ${error}`);
      throw error;
    }
  }

  async #sweep(id: number, now: Date): Promise<SweepRecord> {
    const { deps } = this;
    const iso = now.toISOString();
    const finish = async (
      record: Omit<SweepRecord, 'id' | 'startedAt' | 'finishedAt'>,
    ) => {
      const finishedAt = (deps.now?.() ?? new Date()).toISOString();
      await deps.sweeps.finish(id, { ...record, finishedAt });
      return { id, startedAt: iso, finishedAt, ...record };
    };

    const credentials = await deps.auth.getOwnServiceCredentials();
    let snapshot: CatalogSnapshot;
    try {
      snapshot = await deps.reader.readAll(credentials);
    } catch (error) {
      await deps.scorecards.markAllStale();
      deps.logger.warn(
        `Governance sweep could not read the catalog; results kept and marked stale: ${error}`,
      );
      return finish({
        outcome: 'catalog-unavailable',
        productCount: 0,
        changedCount: 0,
        message: String(error),
      });
    }
    const stored = await deps.scorecards.storedStates();
    if (snapshot.products.length === 0 && stored.size > 0) {
      await deps.scorecards.markAllStale();
      deps.logger.warn(
        'Governance sweep read no data product from the catalog; results kept and marked stale',
      );
      return finish({
        outcome: 'empty-read',
        productCount: 0,
        changedCount: 0,
        message: 'The catalog returned no data product',
      });
    }

    const read = new Set(snapshot.products.map(p => stringifyEntityRef(p)));
    const unread = [...stored.keys()].filter(ref => !read.has(ref));
    snapshot.products.push(
      ...(await deps.reader.readProducts(unread, credentials)),
    );

    const signals = await deps.signals.all(now);
    const context = {
      ...createCatalogSnapshotContext([
        ...snapshot.groups,
        ...snapshot.products,
      ]),
      signals: (ref: string) => signals.get(ref),
      sloOptions: deps.signals.sloOptions,
    };
    // The spec's waiver declarations are recorded as requests first.
    const waivers = new Map<string, Waiver[]>();
    for (const batch of chunks(snapshot.products, 1000)) {
      await deps.waivers.syncDeclared(batch);
      const ofBatch = await deps.waivers.forProducts(
        batch.map(p => stringifyEntityRef(p)),
      );
      ofBatch.forEach((list, ref) => waivers.set(ref, list));
    }
    const cards = snapshot.products.map(product =>
      evaluateProduct(product, deps.policies, {
        context,
        now,
        waivers: waivers.get(stringifyEntityRef(product)),
        maxWaiverDays: deps.maxWaiverDays,
      }),
    );
    // Results re-scored since the sweep started (by a catalog change or a
    // waiver) are newer than this sweep's and stay; so do products first
    // scored since then.
    const changed = await deps.scorecards.saveResults(cards, stored, iso, {
      evaluatedBefore: iso,
    });
    // The catalog announces a product (and it is scored) before its read
    // returns it, which under heavy ingestion can take minutes. So only
    // products the previous good sweep knew, and not scored since, go.
    const previous = await deps.sweeps.latestSuccessful();
    const removed = previous
      ? await deps.scorecards.deleteMissing(
          new Set(cards.map(card => card.entityRef)),
          { evaluatedUpTo: previous.startedAt },
        )
      : 0;
    await deps.scorecards.markAllEvaluated(iso);
    await deps.rollups.saveDaily(
      iso.slice(0, 10),
      await deps.rollups.current({ all: true }),
    );
    await deps.recorder.recordSweep(
      snapshot.products,
      cards,
      signals,
      now,
      new Set((await deps.scorecards.storedStates()).keys()),
    );

    const cutoff = new Date(
      now.getTime() - deps.retentionDays * DAY_MS,
    ).toISOString();
    await deps.scorecards.deleteHistoryBefore(cutoff);
    await deps.rollups.deleteBefore(cutoff.slice(0, 10));
    await deps.measurements.deleteBefore(deps.signals.windowStart(now));
    await deps.sweeps.prune(SWEEP_RECORDS_KEPT);
    deps.logger.info(
      `Governance sweep evaluated ${cards.length} data products: ${changed} changed, ${removed} removed`,
    );
    return finish({
      outcome: 'ok',
      productCount: cards.length,
      changedCount: changed,
    });
  }
}
