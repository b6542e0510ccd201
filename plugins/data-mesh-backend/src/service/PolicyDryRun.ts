import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { DryRunResponse } from '@datamesh-backstage/plugin-data-mesh-common';
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
import type { Visibility } from './VisibilityService';

/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

/**
 * Policy dry-runs: what a proposed pack would change for every product the
 * caller may see, streamed from the catalog a page at a time (only counts
 * and the newly failing products are kept). Nothing is stored.
 */
export class PolicyDryRun {
  #dryRunning = false;

  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      evaluator: ProductEvaluator;
      auth: AuthService;
      now?: () => Date;
    },
  ) {}

  get policies() {
    return this.deps.effective.policies;
  }

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Evaluates a proposed pack over every product the caller may see, next to
   * the current policies, and reports who would newly fail. The proposed pack
   * replaces the pack of the same name, or is added. Cross-entity rules see
   * the whole catalog, as sweeps do. Nothing is stored.
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
    const proposed = compilePolicies(
      [...packs.filter(p => p.name !== pack.name), pack],
      { weights },
    );
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    // Cross-entity rules see the whole catalog, as sweeps do; the results
    // only cover the products the caller may see.
    const resolver = new ReferenceResolver({
      reader: this.deps.reader,
      credentials,
    });
    const now = this.#now();
    const current = new RollupAccumulator();
    const after = new RollupAccumulator();
    const newlyFailing: DryRunResponse['newlyFailing'] = [];
    let evaluatedCount = 0;
    let changed = 0;
    for await (const page of this.deps.reader.streamProducts(credentials)) {
      const products = page.filter(
        product => visible.all || visible.refs.has(stringifyEntityRef(product)),
      );
      if (products.length === 0) continue;
      const { cards: before } = await this.deps.evaluator.evaluate(products, {
        policies: this.policies,
        resolver,
        now,
      });
      const { cards: next } = await this.deps.evaluator.evaluate(products, {
        policies: proposed,
        resolver,
        now,
      });
      before.forEach((card, i) => {
        const proposal = next[i];
        evaluatedCount += 1;
        current.add({ ...card, ruleIds: unwaivedRuleIds(card) });
        after.add({ ...proposal, ruleIds: unwaivedRuleIds(proposal) });
        if (card.status !== proposal.status || card.score !== proposal.score) {
          changed += 1;
        }
        if (card.status !== 'fail' && proposal.status === 'fail') {
          const known = new Set(unwaivedRuleIds(card));
          newlyFailing.push({
            entityRef: proposal.entityRef,
            currentStatus: card.status,
            proposedStatus: proposal.status,
            currentScore: card.score,
            proposedScore: proposal.score,
            newViolations: unwaivedRuleIds(proposal).filter(
              id => !known.has(id),
            ),
          });
        }
      });
    }
    return {
      evaluatedCount,
      proposedPolicyVersion: proposed.version,
      newlyFailing,
      changed,
      mesh: { current: current.figures(), proposed: after.figures() },
    };
  }
}
