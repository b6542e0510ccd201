import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  DryRunResponse,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  compilePolicies,
  createCatalogSnapshotContext,
  evaluateProduct,
  parsePolicyPack,
  PolicyPack,
  ScoreWeights,
  summarizeRollup,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { WaiverStore } from '../database/WaiverStore';
import { unwaivedRuleIds } from '../database/rows';
import { CatalogReader } from './CatalogReader';
import { EffectivePolicies } from './policyConfig';
import { RuleTimes } from './RuleTimes';
import { SignalsProvider } from './SignalsProvider';
import { forEachInTimeSlices } from './timeSlices';
import type { Visibility } from './VisibilityService';

/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

const formatMs = (ms: number) =>
  ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;

/**
 * Policy dry-runs: what a proposed pack would change for every product the
 * caller may see. Nothing is stored.
 */
export class PolicyDryRun {
  #dryRunning = false;

  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      waivers: WaiverStore;
      signals: SignalsProvider;
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

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  #clock() {
    return this.deps.clock?.() ?? performance.now();
  }

  /**
   * Evaluates a proposed pack over every product the caller may see, next to
   * the current policies, and reports who would newly fail. The proposed pack
   * replaces the pack of the same name, or is added. Cross-entity rules see
   * the whole catalog, as sweeps do. Nothing is stored. Products are
   * evaluated in time slices that let the event loop serve other requests;
   * past the time budget the dry-run stops with an InputError naming the
   * rule that took the most time.
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
    const proposed = compilePolicies(
      [...packs.filter(p => p.name !== pack.name), pack],
      { weights },
    );
    const now = this.#now();
    // The catalog is read last: evaluating starts as soon as it is in.
    const waivers = await this.deps.waivers.byEntity();
    const signals = await this.deps.signals.all(now);
    const snapshot = await this.deps.reader.readAll(
      await this.deps.auth.getOwnServiceCredentials(),
    );
    const context = createCatalogSnapshotContext([
      ...snapshot.groups,
      ...snapshot.products,
    ]);
    const products = snapshot.products.filter(
      product => visible.all || visible.refs.has(stringifyEntityRef(product)),
    );
    const fullContext = {
      ...context,
      signals: (ref: string) => signals.get(ref),
      sloOptions: this.deps.signals.sloOptions,
    };
    const times = new RuleTimes(() => this.#clock());
    const currentPolicies = times.timed(this.policies);
    const proposedPolicies = times.timed(proposed);
    const current: Scorecard[] = [];
    const after: Scorecard[] = [];
    const newlyFailing: DryRunResponse['newlyFailing'] = [];
    let changed = 0;
    const evaluation = await forEachInTimeSlices(
      products,
      product => {
        const options = {
          context: fullContext,
          now,
          waivers: waivers.get(stringifyEntityRef(product)),
        };
        const before = evaluateProduct(product, currentPolicies, options);
        const next = evaluateProduct(product, proposedPolicies, options);
        current.push(before);
        after.push(next);
        if (before.status !== next.status || before.score !== next.score) {
          changed += 1;
        }
        if (before.status !== 'fail' && next.status === 'fail') {
          const known = new Set(unwaivedRuleIds(before));
          newlyFailing.push({
            entityRef: next.entityRef,
            currentStatus: before.status,
            proposedStatus: next.status,
            currentScore: before.score,
            proposedScore: next.score,
            newViolations: unwaivedRuleIds(next).filter(id => !known.has(id)),
          });
        }
      },
      {
        clock: () => this.#clock(),
        deadline: started + this.deps.timeBudgetMs,
      },
    );
    if (!evaluation.complete) {
      const slowest = times.slowest();
      throw new InputError(
        `The policy dry-run stopped when its time budget of ${formatMs(
          this.deps.timeBudgetMs,
        )} (dataMesh.governance.dryRun.timeBudget) was spent, after evaluating ${
          evaluation.visited
        } of ${products.length} products${
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
    const rollup = (cards: Scorecard[]) =>
      summarizeRollup(
        cards.map(card => ({ ...card, ruleIds: unwaivedRuleIds(card) })),
      );
    return {
      evaluatedCount: products.length,
      proposedPolicyVersion: proposed.version,
      newlyFailing,
      changed,
      mesh: { current: rollup(current), proposed: rollup(after) },
    };
  }
}
