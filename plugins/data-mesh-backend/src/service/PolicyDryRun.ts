import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  DRY_RUN_NEWLY_FAILING_LISTED,
  DryRunResponse,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  compilePolicies,
  parsePolicyPack,
  PolicyPack,
  RollupAccumulator,
  ScoreWeights,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { unwaivedRuleIds } from '../database/rows';
import { CatalogReader } from './CatalogReader';
import { EffectivePolicies } from './policyConfig';
import { ProductEvaluator } from './ProductEvaluator';
import { ReferenceResolver } from './ReferenceResolver';
import { RuleTimes } from './RuleTimes';
import { forEachInTimeSlices } from './timeSlices';
import type { Visibility } from './VisibilityService';

/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

const formatMs = (ms: number) =>
  ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;

/** What a dry-run found so far: counts, rollups and the newly failing. */
class DryRunTally {
  readonly current = new RollupAccumulator();
  readonly after = new RollupAccumulator();
  /** The first newly failing products (all are counted). */
  readonly newlyFailing: DryRunResponse['newlyFailing'] = [];
  newlyFailingCount = 0;
  evaluatedCount = 0;
  changed = 0;

  /** A product as scored today (`before`) and under the proposed pack. */
  add(before: Scorecard, next: Scorecard): void {
    this.evaluatedCount += 1;
    this.current.add({ ...before, ruleIds: unwaivedRuleIds(before) });
    this.after.add({ ...next, ruleIds: unwaivedRuleIds(next) });
    if (before.status !== next.status || before.score !== next.score) {
      this.changed += 1;
    }
    if (before.status !== 'fail' && next.status === 'fail') {
      this.newlyFailingCount += 1;
      if (this.newlyFailing.length >= DRY_RUN_NEWLY_FAILING_LISTED) {
        return;
      }
      const known = new Set(unwaivedRuleIds(before));
      this.newlyFailing.push({
        entityRef: next.entityRef,
        currentStatus: before.status,
        proposedStatus: next.status,
        currentScore: before.score,
        proposedScore: next.score,
        newViolations: unwaivedRuleIds(next).filter(id => !known.has(id)),
      });
    }
  }
}

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
   * the whole catalog, as sweeps do.
   */
  async run(packInput: unknown, visible: Visibility): Promise<DryRunResponse> {
    const { packs, weights } = this.deps.effective;
    const pack = parsePolicyPack(packInput, 'proposed pack');
    if (pack.rules.length > MAX_DRY_RUN_RULES) {
      throw new InputError(
        `body.pack: a proposed pack has at most ${MAX_DRY_RUN_RULES} rules, this one ${pack.rules.length}`,
      );
    }
    // A dry-run evaluates the whole catalog twice: one at a time per replica.
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
    for await (const page of this.deps.reader.streamProducts(credentials)) {
      const products = page.filter(
        product => visible.all || visible.refs.has(stringifyEntityRef(product)),
      );
      if (products.length === 0) continue;
      const batch = await this.deps.evaluator.prepare(products, {
        resolver,
        now,
      });
      const slices = await forEachInTimeSlices(
        products,
        (_, i) =>
          tally.add(
            batch.evaluate(i, currentPolicies),
            batch.evaluate(i, proposedPolicies),
          ),
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
    };
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
