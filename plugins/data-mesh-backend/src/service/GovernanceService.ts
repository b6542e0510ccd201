import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, isError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  getDataProductReferences,
  Scorecard,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  evaluateProduct,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { ScorecardStore } from '../database/ScorecardStore';
import { CatalogReader } from './CatalogReader';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import { EffectivePolicies } from './policyConfig';
import { ProductEvaluator } from './ProductEvaluator';
import { ReferenceResolver } from './ReferenceResolver';
import { ResultsWriter } from './ResultsWriter';

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

/** Evaluates products: on request (nothing stored) and on changes. */
export class GovernanceService {
  constructor(
    private readonly deps: {
      effective: EffectivePolicies;
      reader: CatalogReader;
      evaluator: ProductEvaluator;
      writer: ResultsWriter;
      scorecards: ScorecardStore;
      /** Tells owners, governance and open pages what a re-score changed. */
      notifier: GovernanceNotifier;
      /** Longest a waiver may run after its approval, in days. */
      maxWaiverDays: number;
      auth: AuthService;
      now?: () => Date;
    },
  ) {}

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

  /**
   * Scores a product as submitted, storing nothing. Its references are
   * looked up as the caller sees the catalog, and must exist now (a draft
   * gets no grace). What is stored of the product (waivers, pipeline
   * measurements) only counts for callers who may read it; its waiver
   * declarations are judged against the stored records, never recorded.
   */
  async evaluate(
    document: unknown,
    credentials: BackstageCredentials,
    canSee: (entityRef: string) => Promise<boolean>,
  ): Promise<Scorecard> {
    const entity = requireDataProduct(document);
    const now = this.now();
    const resolver = new ReferenceResolver({
      reader: this.deps.reader,
      credentials,
    });
    if (!(await canSee(stringifyEntityRef(entity)))) {
      await resolver.resolve([entity]);
      return evaluateProduct(entity, this.policies, { context: resolver, now });
    }
    const { cards } = await this.deps.evaluator.evaluate([entity], {
      policies: this.policies,
      resolver,
      now,
      pending: false,
    });
    return cards[0];
  }

  /**
   * Re-scores one product after the catalog changed it (or its waivers or
   * measurements changed), storing the result if it differs. Whatever
   * announced the change only names the product: the product is read from
   * the catalog with the plugin's own credentials. Returns undefined when
   * the catalog holds no valid data product of that name (a product gone
   * from the catalog is forgotten by the next sweep, which confirms it), or
   * when `expectedContentHash` is given and the catalog does not serve that
   * version yet (see {@link productContentHash}). If the catalog cannot be
   * read, the stored result is kept and marked stale, and the error is
   * thrown.
   */
  async rescore(
    entityRef: string,
    options: { expectedContentHash?: string } = {},
  ): Promise<Scorecard | undefined> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const now = this.now();
    try {
      const [entity] = await this.deps.reader.readProducts(
        [entityRef],
        credentials,
      );
      if (
        !entity ||
        (options.expectedContentHash &&
          productContentHash(entity) !== options.expectedContentHash)
      ) {
        return undefined;
      }
      const batch = await this.deps.evaluator.evaluate([entity], {
        policies: this.policies,
        resolver: new ReferenceResolver({
          reader: this.deps.reader,
          credentials,
        }),
        now,
        catalogEntities: true,
      });
      const written = await this.deps.writer.write(batch, {
        now: now.toISOString(),
      });
      await this.deps.notifier.rescored(written, now);
      return batch.cards[0];
    } catch (error) {
      if (isError(error) && error.name === 'ServiceUnavailableError') {
        await this.deps.scorecards.markStale(error.message, {
          entityRefs: [entityRef],
        });
      }
      throw error;
    }
  }
}
