import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { DryRunResponse } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  compilePolicies,
  parsePolicyPack,
  PolicyPack,
  ScoreWeights,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { ScorecardHistoryStore } from '../database/ScorecardHistoryStore';
import { VisibilitySnapshotStore } from '../database/VisibilitySnapshotStore';
import { BacktestTally } from './BacktestTally';
import { seesNothing, Visibility } from '../database/visibleProducts';
import { CatalogReader } from './CatalogReader';
import { DryRunTally } from './DryRunTally';
import { EffectivePolicies } from './policyConfig';
import { ProductEvaluator } from './ProductEvaluator';
import { ReferenceResolver } from './ReferenceResolver';
import { RuleTimes } from './RuleTimes';
import { forEachInTimeSlices } from './timeSlices';

/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

const formatMs = (ms: number) =>
  ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;

/**
 * Policy dry-runs: what a proposed pack would change for every product the
 * caller may see. The catalog is streamed a page at a time (only counts and
 * the newly failing products are kept); products are evaluated in time
 * slices that let the event loop serve other requests; past the time budget
 * the dry-run stops with an InputError naming the rule that took the most
 * time. Nothing is stored.
 */
export class PolicyDryRun {
  #dryRunning = false;

  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      evaluator: ProductEvaluator;
      visibilitySnapshots: VisibilitySnapshotStore;
      /** Read to replay the proposed pack over the last days (never written). */
      history: ScorecardHistoryStore;
      auth: AuthService;
      /** How long a dry-run may take before it stops, in milliseconds. */
      timeBudgetMs: number;
      now?: () => Date;
      /** Milliseconds on a monotonic clock; `performance.now()` by default. */
      clock?: () => number;
    },
  ) {}

  get policies() {
    return this.deps.effective.policies;
  }

  #clock() {
    return this.deps.clock?.() ?? performance.now();
  }

  /**
   * Evaluates a proposed pack over every product the caller may see, next to
   * the current policies, and reports who would newly fail. The proposed pack
   * replaces the pack of the same name, or is added. Cross-entity rules see
   * the whole catalog, as sweeps do. The proposed pack is also replayed
   * over the last 90 days of stored history (see BacktestTally).
   */
  async run(packInput: unknown, visible: Visibility): Promise<DryRunResponse> {
    const { packs, weights } = this.deps.effective;
    const pack = parsePolicyPack(packInput, 'proposed pack');
    if (pack.rules.length > MAX_DRY_RUN_RULES) {
      throw new InputError(
        `body.pack: a proposed pack has at most ${MAX_DRY_RUN_RULES} rules, this one ${pack.rules.length}`,
      );
    }
    // A dry-run evaluates the whole catalog under two policy sets: one at a
    // time per replica.
    if (this.#dryRunning) {
      throw new ConflictError(
        'A policy dry-run is already running; try again shortly',
      );
    }
    this.#dryRunning = true;
    try {
      return await this.#dryRun(pack, packs, weights, visible);
    } finally {
      this.#dryRunning = false;
    }
  }

  async #dryRun(
    pack: PolicyPack,
    packs: PolicyPack[],
    weights: Partial<ScoreWeights>,
    visible: Visibility,
  ): Promise<DryRunResponse> {
    const started = this.#clock();
    const deadline = started + this.deps.timeBudgetMs;
    const proposed = compilePolicies(
      [...packs.filter(p => p.name !== pack.name), pack],
      { weights },
    );
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const resolver = new ReferenceResolver({
      reader: this.deps.reader,
      credentials,
    });
    const now = this.deps.now?.() ?? new Date();
    const times = new RuleTimes(() => this.#clock());
    const currentPolicies = times.timed(this.policies);
    const proposedPolicies = times.timed(proposed);
    const tally = new DryRunTally();
    const backtest = new BacktestTally({
      policies: proposed,
      proposedRules: new Set(pack.rules.map(rule => rule.id)),
      now,
    });
    const pages = seesNothing(visible)
      ? []
      : this.deps.reader.streamProducts(credentials);
    for await (const page of pages) {
      const products = await this.#visibleOf(page, visible);
      if (products.length === 0) continue;
      const batch = await this.deps.evaluator.prepare(products, {
        resolver,
        now,
      });
      const histories = await this.deps.history.rulesSince(
        products.map(product => stringifyEntityRef(product)),
        backtest.from,
      );
      if (this.#clock() > deadline) {
        throw this.#overBudget(tally.evaluatedCount, times);
      }
      const slices = await forEachInTimeSlices(
        products,
        (product, i) => {
          // One evaluation under both: facts and shared conditions once.
          const [before, next] = batch.evaluateUnder(i, [
            currentPolicies,
            proposedPolicies,
          ]);
          tally.add(before, next);
          backtest.add(next, histories.get(stringifyEntityRef(product)) ?? []);
        },
        { clock: () => this.#clock(), deadline },
      );
      if (!slices.complete) {
        throw this.#overBudget(tally.evaluatedCount, times);
      }
    }
    return {
      evaluatedCount: tally.evaluatedCount,
      proposedPolicyVersion: proposed.version,
      newlyFailing: tally.newlyFailing,
      newlyFailingCount: tally.newlyFailingCount,
      changed: tally.changed,
      mesh: {
        current: tally.current.figures(),
        proposed: tally.after.figures(),
      },
      backtest: backtest.result(),
    };
  }

  /** The products of a page the caller may see: one query per page. */
  async #visibleOf<T extends Entity>(
    page: T[],
    visible: Visibility,
  ): Promise<T[]> {
    if (visible.all || page.length === 0) {
      return page;
    }
    if (!('snapshotId' in visible)) {
      return [];
    }
    const refs = await this.deps.visibilitySnapshots.visibleAmong(
      visible.snapshotId,
      page.map(product => stringifyEntityRef(product)),
    );
    if (!refs) {
      throw new ServiceUnavailableError(
        'The products you may see were read again while the dry-run ran; try again',
      );
    }
    return page.filter(product => refs.has(stringifyEntityRef(product)));
  }

  #overBudget(evaluated: number, times: RuleTimes): InputError {
    const slowest = times.slowest();
    return new InputError(
      `The policy dry-run stopped when its time budget of ${formatMs(
        this.deps.timeBudgetMs,
      )} (dataMesh.governance.dryRun.timeBudget) was spent, after evaluating ${evaluated} products${
        slowest
          ? `; rule ${slowest.ruleId} of pack ${
              slowest.pack
            } took the most time (${formatMs(
              slowest.ms,
            )}): simplify its condition`
          : ''
      }`,
    );
  }
}
