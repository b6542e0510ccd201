import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  DryRunResponse,
  Scorecard,
  Waiver,
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
import { chunks, unwaivedRuleIds } from '../database/rows';
import { CatalogReader } from './CatalogReader';
import { EffectivePolicies } from './policyConfig';
import { SignalsProvider } from './SignalsProvider';
import type { Visibility } from './VisibilityService';

/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

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
      maxWaiverDays: number;
      signals: SignalsProvider;
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
    // Stored waivers only: a dry-run records nothing, not even requests.
    const waivers = new Map<string, Waiver[]>();
    for (const batch of chunks(products, 1000)) {
      const ofBatch = await this.deps.waivers.forProducts(
        batch.map(p => stringifyEntityRef(p)),
      );
      ofBatch.forEach((list, ref) => waivers.set(ref, list));
    }
    const now = this.#now();
    const signals = await this.deps.signals.all(now);
    const fullContext = {
      ...context,
      signals: (ref: string) => signals.get(ref),
      sloOptions: this.deps.signals.sloOptions,
    };
    const current: Scorecard[] = [];
    const after: Scorecard[] = [];
    const newlyFailing: DryRunResponse['newlyFailing'] = [];
    let changed = 0;
    for (const product of products) {
      const options = {
        context: fullContext,
        now,
        waivers: waivers.get(stringifyEntityRef(product)),
        maxWaiverDays: this.deps.maxWaiverDays,
      };
      const before = evaluateProduct(product, this.policies, options);
      const next = evaluateProduct(product, proposed, options);
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
