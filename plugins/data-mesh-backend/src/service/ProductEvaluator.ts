import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataProductEntityV1alpha1,
  Scorecard,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  EvaluationContext,
  evaluateProductUnder,
  PolicySet,
  ProductAgreementFacts,
  ProductMeasurements,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { AgreementStore } from '../database/AgreementStore';
import { KpiInputStore } from '../database/KpiInputStore';
import {
  ProductVersionHead,
  ProductVersionStore,
} from '../database/ProductVersionStore';
import { WaiverStore } from '../database/WaiverStore';
import { ReferenceResolver } from './ReferenceResolver';
import { MeasurementWindow } from './MeasurementWindow';
import { ContractHashMemo } from './ContractHashMemo';
import { CurrentVersion, currentVersion } from './productVersions';
import { readVersionHeads } from './versionHeads';

/** The sunset dates of the products that announce one, by ref. */
function sunsetsOf(products: DataProductEntityV1alpha1[]) {
  return new Map(
    products.flatMap(product => {
      const sunset = product.spec.deprecation?.sunset;
      return sunset ? [[stringifyEntityRef(product), sunset] as const] : [];
    }),
  );
}

/** A batch of products with what they are judged on. */
export interface PreparedBatch {
  products: DataProductEntityV1alpha1[];
  measurements: Map<string, ProductMeasurements>;
  /** The facts of the active agreements of each product of the batch. */
  agreements: Map<string, ProductAgreementFacts>;
  resolver: ReferenceResolver;
  /** The waiver requests of the products' specs recorded while preparing. */
  waiverRequests: Waiver[];
  /**
   * What is stored of each product's versions; absent when versions are
   * not kept (then no breaking change is checked).
   */
  versionHeads?: Map<string, ProductVersionHead>;
  /** Each product's contract now, with its hash; absent like `versionHeads`. */
  currentVersions?: Map<string, CurrentVersion>;
  /** Evaluates the batch's `i`-th product against `policies`. */
  evaluate(i: number, policies: PolicySet): Scorecard;
  /**
   * Evaluates the batch's `i`-th product against each policy set, deriving
   * its facts once and checking each shared condition once.
   */
  evaluateUnder(i: number, policySets: PolicySet[]): Scorecard[];
}

/** A batch of products with their results and what they were judged on. */
export interface EvaluatedBatch
  extends Omit<PreparedBatch, 'evaluate' | 'evaluateUnder'> {
  cards: Scorecard[];
}

/**
 * Evaluates products a batch at a time (a page of a sweep, one re-scored
 * product, a dry-run's page): reads what is stored of them (waivers,
 * pipeline measurements, when each was first seen) and the entities they refer
 * to, in a few queries per batch whatever its size.
 *
 * A reference the catalog does not hold is pending, not violated, while
 * the product is new (first seen less than the grace time ago): on a fresh
 * start the catalog may still be ingesting it.
 */
export class ProductEvaluator {
  constructor(
    private readonly deps: {
      waivers: WaiverStore;
      measurementWindow: MeasurementWindow;
      kpiInputs: KpiInputStore;
      agreements: Pick<AgreementStore, 'factsFor'>;
      /** How long after a product is first seen missing references stay pending. */
      pendingGraceMs: number;
      /** Longest a waiver may run after its approval, in days. */
      maxWaiverDays: number;
      /**
       * The versions seen of each product, for the breaking-change rule;
       * without it the rule has nothing to compare with and passes.
       */
      versions?: ProductVersionStore;
      /**
       * The contract hashes of catalog entities by etag, and which products'
       * versions are settled; shared with the results writer, which settles
       * them once written.
       */
      contracts: ContractHashMemo;
    },
  ) {}

  /**
   * Reads what is needed to evaluate a batch, in a few queries; the batch's
   * products are then evaluated one at a time, against any policies (a
   * dry-run evaluates each against two).
   */
  async prepare(
    products: DataProductEntityV1alpha1[],
    options: {
      resolver: ReferenceResolver;
      now: Date;
      /** Whether missing references of new products are pending (default true). */
      pending?: boolean;
      /**
       * Whether the products are the catalog's entities as served (a sweep
       * or a re-score), never a submitted draft or a dry-run: then the
       * waivers they declare in their spec are recorded as requests first,
       * and a product with the etag it had before keeps its contract hash.
       */
      catalogEntities?: boolean;
    },
  ): Promise<PreparedBatch> {
    const { resolver, now } = options;
    const graceMs = options.pending === false ? 0 : this.deps.pendingGraceMs;
    const refs = products.map(product => stringifyEntityRef(product));
    const waiverRequests = options.catalogEntities
      ? await this.deps.waivers.syncDeclared(products)
      : [];
    // Contracts are hashed once, and a catalog entity unchanged since the
    // last sweep not at all; a product unchanged since its version in
    // production is not compared again (see ProductVersionStore.heads), and
    // one settled since is not even read (see readVersionHeads).
    const hashOf = (p: DataProductEntityV1alpha1, i: number) =>
      options.catalogEntities
        ? this.deps.contracts.of(refs[i], p)
        : currentVersion(p);
    const currentVersions = this.deps.versions
      ? new Map(products.map((p, i) => [refs[i], hashOf(p, i)]))
      : undefined;
    const [waivers, measurements, firstSeen, agreements, versionHeads] =
      await Promise.all([
        this.deps.waivers.forProducts(refs),
        this.deps.measurementWindow.forProducts(refs, now),
        this.deps.kpiInputs.firstSeen(refs),
        // The products they hold agreements on are resolved with their
        // references: the KPIs read their domains.
        this.deps.agreements
          .factsFor(refs, now.toISOString(), sunsetsOf(products))
          .then(async found => {
            await resolver.resolve(
              products,
              [...found.values()].flatMap(facts => facts.consumedProducts),
            );
            return found;
          }),
        this.deps.versions && currentVersions
          ? readVersionHeads(this.deps.versions, {
              refs,
              products,
              currentVersions,
              ...(options.catalogEntities
                ? { settled: this.deps.contracts }
                : {}),
            })
          : undefined,
      ]);
    const sloOptions = this.deps.measurementWindow.sloOptions;
    const evaluateUnder = (i: number, policySets: PolicySet[]) => {
      const seen = Date.parse(firstSeen.get(refs[i]) ?? now.toISOString());
      const pendingUntil = new Date(seen + graceMs);
      const pending = now < pendingUntil;
      const context: EvaluationContext = {
        lookup: ref => {
          const found = resolver.lookup(ref);
          return found && !found.exists && pending
            ? { ...found, pending: true }
            : found;
        },
        measurements: ref => measurements.get(ref),
        agreements: ref => agreements.get(ref),
        sloOptions,
        productionVersion: ref => versionHeads?.get(ref)?.production,
      };
      const cards = evaluateProductUnder(products[i], policySets, {
        context,
        waivers: waivers.get(refs[i]),
        maxWaiverDays: this.deps.maxWaiverDays,
        now,
      });
      return cards.map(card =>
        card.pendingReferences
          ? { ...card, pendingUntil: pendingUntil.toISOString() }
          : card,
      );
    };
    return {
      products,
      measurements,
      agreements,
      resolver,
      waiverRequests,
      ...(versionHeads ? { versionHeads } : {}),
      ...(currentVersions ? { currentVersions } : {}),
      evaluate: (i, policies) => evaluateUnder(i, [policies])[0],
      evaluateUnder,
    };
  }

  /** Prepares a batch and evaluates every product of it. */
  async evaluate(
    products: DataProductEntityV1alpha1[],
    options: Parameters<ProductEvaluator['prepare']>[1] & {
      policies: PolicySet;
    },
  ): Promise<EvaluatedBatch> {
    const prepared = await this.prepare(products, options);
    return {
      products,
      measurements: prepared.measurements,
      agreements: prepared.agreements,
      resolver: prepared.resolver,
      waiverRequests: prepared.waiverRequests,
      ...(prepared.versionHeads ? { versionHeads: prepared.versionHeads } : {}),
      ...(prepared.currentVersions
        ? { currentVersions: prepared.currentVersions }
        : {}),
      cards: products.map((_, i) => prepared.evaluate(i, options.policies)),
    };
  }
}
