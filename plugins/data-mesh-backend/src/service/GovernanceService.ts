import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  DryRunResponse,
  getDataProductReferences,
  Scorecard,
  validateDataProductEntity,
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
import { ScorecardStore } from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';
import { unwaivedRuleIds } from '../database/rows';
import { CatalogReader } from './CatalogReader';
import { EffectivePolicies } from './policyConfig';
import { ProductFactsRecorder } from './ProductFactsRecorder';
import { SignalsProvider } from './SignalsProvider';
import type { Visibility } from './VisibilityService';

/** Checks that a document is a DataProduct; the error names each field. */
export function requireDataProduct(
  document: unknown,
  prefix = 'entity',
): DataProductEntityV1alpha1 {
  const result = validateDataProductEntity(document);
  if (!result.valid) {
    throw new InputError(
      result.errors.map(e => `${prefix}.${e.message}`).join('; '),
    );
  }
  try {
    getDataProductReferences(result.entity);
  } catch (error) {
    throw new InputError(`${prefix}.${(error as Error).message}`);
  }
  return result.entity;
}

/** Evaluates products: on request, on catalog changes, and as dry-runs. */
/** The most rules a proposed pack may have. */
const MAX_DRY_RUN_RULES = 200;

export class GovernanceService {
  #dryRunning = false;

  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      scorecards: ScorecardStore;
      waivers: WaiverStore;
      signals: SignalsProvider;
      recorder: ProductFactsRecorder;
      auth: AuthService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** The catalog context of one product, with what pipelines reported about it. */
  async #contextFor(
    entity: DataProductEntityV1alpha1,
    credentials: BackstageCredentials,
    now: Date,
  ) {
    const [catalog, signals] = await Promise.all([
      this.deps.reader.contextFor(entity, credentials),
      this.deps.signals.forProduct(stringifyEntityRef(entity), now),
    ]);
    return {
      ...catalog,
      signals: () => signals,
      sloOptions: this.deps.signals.sloOptions,
    };
  }

  get policies() {
    return this.deps.effective.policies;
  }

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  /** Scores a product as submitted, storing nothing. */
  async evaluate(
    document: unknown,
    credentials: BackstageCredentials,
    canSee: (entityRef: string) => Promise<boolean>,
  ): Promise<Scorecard> {
    const entity = requireDataProduct(document);
    const now = this.#now();
    const entityRef = stringifyEntityRef(entity);
    // What is stored of the product (waivers, pipeline signals) only counts
    // for callers who may read it; others get the policies alone.
    if (!(await canSee(entityRef))) {
      const context = await this.deps.reader.contextFor(entity, credentials);
      return evaluateProduct(entity, this.policies, { context, now });
    }
    const context = await this.#contextFor(entity, credentials, now);
    const waivers = await this.deps.waivers.list(entityRef);
    return evaluateProduct(entity, this.policies, { context, waivers, now });
  }

  /**
   * Re-scores one product after the catalog changed it (or a waiver
   * changed), storing the result if it differs. Invalid documents are
   * ignored: the catalog reports them itself.
   */
  async rescore(document: Entity): Promise<Scorecard | undefined> {
    const result = validateDataProductEntity(document);
    if (!result.valid) {
      return undefined;
    }
    const entityRef = stringifyEntityRef(result.entity);
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const now = this.#now();
    const context = await this.#contextFor(result.entity, credentials, now);
    const card = evaluateProduct(result.entity, this.policies, {
      context,
      waivers: await this.deps.waivers.list(entityRef),
      now,
    });
    const previous = await this.deps.scorecards.storedStateOf(entityRef);
    await this.deps.scorecards.saveResults([card], previous, now.toISOString());
    await this.deps.recorder.recordOne(
      result.entity,
      card,
      ref => context.lookup(ref)?.entity,
      context.signals(),
      now,
    );
    return card;
  }

  /**
   * Evaluates a proposed pack over every product the caller may see, next to
   * the current policies, and reports who would newly fail. The proposed pack
   * replaces the pack of the same name, or is added. Cross-entity rules see
   * the whole catalog, as sweeps do. Nothing is stored.
   */
  async dryRun(
    packInput: unknown,
    visible: Visibility,
  ): Promise<DryRunResponse> {
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
    const waivers = await this.deps.waivers.byEntity();
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
