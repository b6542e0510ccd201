import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  getDataProductReferences,
  Scorecard,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { evaluateProduct } from '@datamesh-backstage/plugin-data-mesh-node';
import { ScorecardStore } from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';
import { CatalogReader } from './CatalogReader';
import { EffectivePolicies } from './policyConfig';
import { ProductFactsRecorder } from './ProductFactsRecorder';
import { SignalsProvider } from './SignalsProvider';

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

/** Evaluates products: on request and on catalog changes. */
export class GovernanceService {
  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      scorecards: ScorecardStore;
      waivers: WaiverStore;
      /** Longest a waiver may run after its approval, in days. */
      maxWaiverDays: number;
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

  /** Longest a waiver may run after its approval, in days. */
  get maxWaiverDays() {
    return this.deps.maxWaiverDays;
  }

  /** The clock (injected in tests). */
  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The stored waivers of one product, both sources. */
  async #waiversOf(entityRef: string) {
    return (await this.deps.waivers.forProducts([entityRef])).get(entityRef);
  }

  /** Scores a product as submitted, storing nothing. */
  async evaluate(
    document: unknown,
    credentials: BackstageCredentials,
    canSee: (entityRef: string) => Promise<boolean>,
  ): Promise<Scorecard> {
    const entity = requireDataProduct(document);
    const now = this.now();
    const entityRef = stringifyEntityRef(entity);
    // What is stored of the product (waivers, pipeline signals) only counts
    // for callers who may read it; others get the policies alone.
    if (!(await canSee(entityRef))) {
      const context = await this.deps.reader.contextFor(entity, credentials);
      return evaluateProduct(entity, this.policies, { context, now });
    }
    const context = await this.#contextFor(entity, credentials, now);
    // A submitted document is not the catalog's product: its declarations
    // are judged against the stored records, never recorded.
    return evaluateProduct(entity, this.policies, {
      context,
      waivers: await this.#waiversOf(entityRef),
      maxWaiverDays: this.deps.maxWaiverDays,
      now,
    });
  }

  /**
   * Re-scores one product after the catalog changed it (or its waivers or
   * measurements changed), storing the result if it differs. Whatever
   * announced the change only names the product: the product is read from
   * the catalog with the plugin's own credentials. Returns undefined when
   * the catalog holds no valid data product of that name (an invalid one is
   * the catalog's to report).
   */
  async rescore(entityRef: string): Promise<Scorecard | undefined> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [entity] = await this.deps.reader.readProducts(
      [entityRef],
      credentials,
    );
    if (!entity) {
      return undefined;
    }
    const now = this.now();
    const context = await this.#contextFor(entity, credentials, now);
    await this.deps.waivers.syncDeclared([entity]);
    const card = evaluateProduct(entity, this.policies, {
      context,
      waivers: await this.#waiversOf(entityRef),
      maxWaiverDays: this.deps.maxWaiverDays,
      now,
    });
    const previous = await this.deps.scorecards.storedStateOf(entityRef);
    await this.deps.scorecards.saveResults([card], previous, now.toISOString());
    await this.deps.recorder.recordOne(
      entity,
      card,
      ref => context.lookup(ref)?.entity,
      context.signals(),
      now,
    );
    return card;
  }
}
