import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { PolicySet } from '@datamesh-backstage/plugin-data-mesh-node';
import { RollupStore } from '../database/RollupStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { SweepLog, SweepRecord } from '../database/SweepLog';
import { CatalogReader } from './CatalogReader';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import { NotificationRound } from './notifications/NotificationRound';
import { ProductEvaluator } from './ProductEvaluator';
import { ReferenceResolver } from './ReferenceResolver';
import { ResultsWriter } from './ResultsWriter';
import { SweepRetention } from './SweepRetention';
import { sweepLeftovers } from './sweepLeftovers';

type SweepResult = Omit<SweepRecord, 'id' | 'startedAt' | 'finishedAt'>;

/** A failure to read the catalog (see CatalogReader), as opposed to our own. */
const isCatalogUnavailable = (error: unknown) =>
  isError(error) && error.name === 'ServiceUnavailableError';

/**
 * A full sweep: streams every product from the catalog a page at a time,
 * evaluates and stores each page in one transaction, then deals with the
 * stored products the read did not return (read again by ref; forgotten
 * only when the catalog confirms they are gone), records the day's rollups
 * and applies retention. Memory stays flat whatever the catalog's size.
 *
 * If the catalog cannot be read at any point, or returns no product while
 * results are stored, every result not evaluated by this sweep is kept and
 * marked stale with the reason: nothing is recorded as failing, nothing is
 * deleted, retention does not run. If the database fails, the sweep fails
 * (each page is all or nothing) and the next scheduled run starts over.
 *
 * What changed is told once the sweep ends, grouped (see GovernanceNotifier):
 * the changes of every page stored, whatever the sweep's outcome, and the
 * approved waivers about to expire, after a complete sweep.
 */
export class GovernanceSweep {
  constructor(
    private readonly deps: {
      policies: PolicySet;
      reader: CatalogReader;
      evaluator: ProductEvaluator;
      writer: ResultsWriter;
      scorecards: ScorecardStore;
      rollups: RollupStore;
      sweeps: SweepLog;
      retention: SweepRetention;
      auth: AuthService;
      logger: LoggerService;
      /** Tells owners, governance and open pages what changed. */
      notifier: GovernanceNotifier;
      /** Runs after each successful sweep (for example a KPI snapshot). */
      onComplete?: () => Promise<void>;
      now?: () => Date;
    },
  ) {}

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  async run(): Promise<SweepRecord> {
    const { deps } = this;
    const now = this.#now();
    const startedAt = now.toISOString();
    const id = await deps.sweeps.start(startedAt);
    const finish = async (result: SweepResult): Promise<SweepRecord> => {
      const finishedAt = this.#now().toISOString();
      await deps.sweeps.finish(id, { ...result, finishedAt });
      return { id, startedAt, finishedAt, ...result };
    };
    const round = deps.notifier.startRound();
    let result: SweepResult;
    try {
      result = await this.#sweep(now, round);
    } catch (error) {
      const message = isError(error) ? error.message : String(error);
      if (isCatalogUnavailable(error)) {
        await deps.scorecards.markStale(message, {
          evaluatedBefore: startedAt,
        });
        deps.logger.warn(
          `Governance sweep could not read the catalog; results kept and marked stale: ${message}`,
        );
        await deps.notifier.send(round);
        return finish({
          outcome: 'catalog-unavailable',
          productCount: 0,
          changedCount: 0,
          message,
        });
      }
      deps.logger.error(`Governance sweep failed: ${message}`);
      await deps.notifier.send(round);
      await finish({
        outcome: 'failed',
        productCount: 0,
        changedCount: 0,
        message,
      }).catch(() => undefined);
      throw error;
    }
    await deps.notifier.send(round);
    const record = await finish(result);
    if (result.outcome === 'ok') {
      await deps
        .onComplete?.()
        .catch(error =>
          deps.logger.warn(`After the governance sweep: ${error}`),
        );
    }
    return record;
  }

  async #sweep(now: Date, round: NotificationRound): Promise<SweepResult> {
    const { deps } = this;
    const iso = now.toISOString();
    const credentials = await deps.auth.getOwnServiceCredentials();
    const resolver = new ReferenceResolver({
      reader: deps.reader,
      credentials,
    });
    const store = async (products: DataProductEntityV1alpha1[]) => {
      const batch = await deps.evaluator.evaluate(products, {
        policies: deps.policies,
        resolver,
        now,
        catalogEntities: true,
      });
      const written = await deps.writer.write(batch, {
        now: iso,
        evaluatedBefore: iso,
      });
      await deps.notifier.written(round, written, now);
      return written.changedOutcomes;
    };

    let read = 0;
    let changed = 0;
    for await (const page of deps.reader.streamProducts(credentials)) {
      read += page.length;
      changed += page.length ? await store(page) : 0;
    }
    if (read === 0 && (await deps.scorecards.count()) > 0) {
      const message = 'The catalog returned no data product';
      await deps.scorecards.markStale(message, { evaluatedBefore: iso });
      deps.logger.warn(
        `Governance sweep: ${message}; results kept, marked stale`,
      );
      return {
        outcome: 'empty-read',
        productCount: 0,
        changedCount: 0,
        message,
      };
    }
    const leftovers = await sweepLeftovers(deps, {
      evaluatedBefore: iso,
      credentials,
      store,
    });
    await deps.rollups.saveDaily(
      iso.slice(0, 10),
      await deps.rollups.current({ all: true }),
    );
    await deps.retention.apply(now);
    await deps.notifier.remindExpiringWaivers(round, now);
    deps.logger.info(
      `Governance sweep evaluated ${read + leftovers.read} data products: ${
        changed + leftovers.changed
      } changed, ${leftovers.removed} removed`,
    );
    return {
      outcome: 'ok',
      productCount: read + leftovers.read,
      changedCount: changed + leftovers.changed,
    };
  }
}
