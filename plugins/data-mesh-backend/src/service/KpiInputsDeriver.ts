import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  isSunset,
  DataProductEntityV1alpha1,
  ProductProvenance,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  CompiledRule,
  computeSloObjectives,
  PolicySet,
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

  #documentationRules(domain: string): Set<string> {
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
   * provenance the scaffolder recorded: annotations are never counted.
   */
  derive(
    entity: DataProductEntityV1alpha1,
    card: Scorecard,
    options: {
      domainOf: (productRef: string) => string | undefined;
      measurements?: ProductMeasurements;
      provenance?: ProductProvenance;
    },
  ): KpiInputs {
    const domain = card.domain!;
    const documentationRules = this.#documentationRules(domain);
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
    const measured = computeSloObjectives(
      entity,
      options.measurements?.summaries ?? [],
      this.deps.sloOptions,
    ).filter(status => status.met !== null);
    return {
      entityRef: card.entityRef,
      domain,
      // Past its sunset date a product is no longer published, whatever
      // its lifecycle says: the KPIs count it as `sunset`.
      lifecycle: isSunset(entity.spec.deprecation, new Date(card.evaluatedAt))
        ? 'sunset'
        : entity.spec.lifecycle,
      selfServe: Boolean(options.provenance),
      crossDomain: upstreamDomains.some(d => d !== undefined && d !== domain),
      consumerCount: (entity.relations ?? []).filter(
        r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY,
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
            }),
          ];
    });
  }
}
