import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataProductEntityV1alpha1,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  EvaluationContext,
  evaluateProduct,
  PolicySet,
  ProductSignals,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { ProductFactsStore } from '../database/ProductFactsStore';
import { WaiverStore } from '../database/WaiverStore';
import { ReferenceResolver } from './ReferenceResolver';
import { SignalsProvider } from './SignalsProvider';

/** A batch of products with their results and what they were judged on. */
export interface EvaluatedBatch {
  products: DataProductEntityV1alpha1[];
  cards: Scorecard[];
  signals: Map<string, ProductSignals>;
  resolver: ReferenceResolver;
}

/**
 * Evaluates products a batch at a time (a page of a sweep, one re-scored
 * product, a dry-run's page): reads what is stored of them (waivers,
 * pipeline signals, when each was first seen) and the entities they refer
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
      signals: SignalsProvider;
      facts: ProductFactsStore;
      /** How long after a product is first seen missing references stay pending. */
      pendingGraceMs: number;
    },
  ) {}

  async evaluate(
    products: DataProductEntityV1alpha1[],
    options: {
      policies: PolicySet;
      resolver: ReferenceResolver;
      now: Date;
      /** Whether missing references of new products are pending (default true). */
      pending?: boolean;
    },
  ): Promise<EvaluatedBatch> {
    const { policies, resolver, now } = options;
    const graceMs = options.pending === false ? 0 : this.deps.pendingGraceMs;
    const refs = products.map(product => stringifyEntityRef(product));
    const [waivers, signals, firstSeen] = await Promise.all([
      this.deps.waivers.forProducts(refs),
      this.deps.signals.forProducts(refs, now),
      this.deps.facts.firstSeen(refs),
      resolver.resolve(products),
    ]);
    const cards = products.map((product, i) => {
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
        signals: ref => signals.get(ref),
        sloOptions: this.deps.signals.sloOptions,
      };
      const card = evaluateProduct(product, policies, {
        context,
        waivers: waivers.get(refs[i]),
        now,
      });
      return card.pendingReferences
        ? { ...card, pendingUntil: pendingUntil.toISOString() }
        : card;
    });
    return { products, cards, signals, resolver };
  }
}
