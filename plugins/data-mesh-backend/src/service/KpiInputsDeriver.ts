import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  isSunset,
  DataProductEntityV1alpha1,
  NO_DOMAIN,
  ProductProvenance,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  CompiledRule,
  computeSloObjectives,
  PolicySet,
  agreementFactsOf,
  ProductAgreementFacts,
  ProductAgreements,
  ProductMeasurements,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { KpiInputs } from '../database/KpiInputStore';

import { EvaluatedBatch } from './ProductEvaluator';

/** Derives, per product, what the KPIs are computed from. */
export class KpiInputsDeriver {
  constructor(
    private readonly deps: {
      policies: PolicySet;
      sloOptions: SloOptions;
    },
  ) {}

  /** The documentation rules of each rule list (domains share the global one). */
  readonly #documentation = new WeakMap<CompiledRule[], Set<string>>();

  #documentationRules(domain: string | undefined): Set<string> {
    const rules = this.deps.policies.rulesFor(domain);
    let ids = this.#documentation.get(rules);
    if (!ids) {
      ids = new Set(
        rules
          .filter(rule => rule.tags.includes('documentation'))
          .map(rule => rule.id),
      );
      this.#documentation.set(rules, ids);
    }
    return ids;
  }

  /**
   * The facts of one product. `domainOf` gives the domain of an upstream
   * product when known. Self-serve and the request time come only from the
   * provenance the scaffolder recorded: annotations are never counted. The
   * consumers and cross-domain reads count active agreements; what the
   * catalog declares without an agreement is counted apart.
   */
  derive(
    entity: DataProductEntityV1alpha1,
    card: Scorecard,
    options: {
      domainOf: (productRef: string) => string | undefined;
      measurements?: ProductMeasurements;
      provenance?: ProductProvenance;
      /** Its active agreements, one by one or aggregated; none when not given. */
      agreements?: ProductAgreements | ProductAgreementFacts;
    },
  ): KpiInputs {
    // A product without a domain (imported from a standard that gives none)
    // is counted in the explicit no-domain bucket, never in a made-up domain.
    const domain = card.domain ?? NO_DOMAIN;
    const documentationRules = this.#documentationRules(card.domain);
    const upstreamDomains = (entity.spec.lineage?.upstreamProducts ?? []).map(
      ref =>
        options.domainOf(
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: DATA_PRODUCT_KIND,
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
    );
    const agreements = agreementFactsOf(
      options.agreements ?? { consumers: [], consumed: [] },
    );
    const agreedConsumers = new Set(agreements.consumers.map(c => c.consumer));
    const declaredConsumers = new Set(
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY)
        .map(r => stringifyEntityRef(parseEntityRef(r.targetRef))),
    );
    const otherDomain = (d: string | undefined) =>
      d !== undefined && d !== domain;
    const crossDomain = agreements.consumedProducts.some(product =>
      otherDomain(options.domainOf(product)),
    );
    const measured = computeSloObjectives(
      entity,
      options.measurements?.summaries ?? [],
      this.deps.sloOptions,
    ).filter(status => status.met !== null);
    return {
      entityRef: card.entityRef,
      domain,
      // Past its sunset date a product is no longer published, whatever
      // its lifecycle says: the KPIs count it as `sunset`. An unset
      // lifecycle is stored as '': the product is not in production.
      lifecycle: isSunset(entity.spec.deprecation, new Date(card.evaluatedAt))
        ? 'sunset'
        : entity.spec.lifecycle ?? '',
      selfServe: Boolean(options.provenance),
      crossDomain,
      declaredCrossDomain: !crossDomain && upstreamDomains.some(otherDomain),
      consumerCount: agreedConsumers.size,
      declaredConsumerCount: [...declaredConsumers].filter(
        ref => !agreedConsumers.has(ref),
      ).length,
      documentationComplete: !card.violations.some(
        v => !v.waived && documentationRules.has(v.ruleId),
      ),
      sloCompliant: measured.length
        ? measured.every(status => status.met)
        : null,
      score: card.score,
      requestedAt: options.provenance?.requestedAt ?? null,
    };
  }

  /** The facts of an evaluated batch, skipping products in `skip`. */
  deriveBatch(
    batch: EvaluatedBatch,
    provenance: Map<string, ProductProvenance>,
    skip: Set<string> = new Set(),
  ): KpiInputs[] {
    return batch.products.flatMap((product, i) => {
      const card = batch.cards[i];
      return skip.has(card.entityRef)
        ? []
        : [
            this.derive(product, card, {
              domainOf: ref => batch.resolver.domainOf(ref),
              measurements: batch.measurements.get(card.entityRef),
              provenance: provenance.get(card.entityRef),
              agreements: batch.agreements.get(card.entityRef),
            }),
          ];
    });
  }
}
