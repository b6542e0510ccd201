import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_PUBLISHED_AT,
  ANNOTATION_REQUESTED_AT,
  ANNOTATION_TEMPLATE,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  computeSloObjectives,
  PolicySet,
  ProductSignals,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { ProductFacts, ProductFactsStore } from '../database/ProductFactsStore';

const isoOrNull = (value: string | undefined) =>
  value && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : null;

/** Derives and stores, per product, what the KPIs are computed from. */
export class ProductFactsRecorder {
  constructor(
    private readonly deps: {
      facts: ProductFactsStore;
      policies: PolicySet;
      sloOptions: SloOptions;
    },
  ) {}

  /**
   * The facts of one product. `domainOf` gives the domain of an upstream
   * product when known. Consumers are counted from the entity's relations,
   * which only the catalog's stored entities carry (not change events).
   */
  derive(
    entity: DataProductEntityV1alpha1,
    card: Scorecard,
    options: {
      domainOf: (productRef: string) => string | undefined;
      signals?: ProductSignals;
      countConsumers: boolean;
    },
  ): ProductFacts {
    const annotations = entity.metadata.annotations ?? {};
    const domain = card.domain!;
    const documentationRules = new Set(
      this.deps.policies
        .rulesFor(domain)
        .filter(rule => rule.tags.includes('documentation'))
        .map(rule => rule.id),
    );
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
      options.signals?.summaries ?? [],
      this.deps.sloOptions,
    ).filter(status => status.met !== null);
    return {
      entityRef: card.entityRef,
      domain,
      lifecycle: entity.spec.lifecycle,
      selfServe: Boolean(annotations[ANNOTATION_TEMPLATE]),
      crossDomain: upstreamDomains.some(d => d !== undefined && d !== domain),
      consumerCount: options.countConsumers
        ? (entity.relations ?? []).filter(
            r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY,
          ).length
        : undefined,
      documentationComplete: !card.violations.some(
        v => !v.waived && documentationRules.has(v.ruleId),
      ),
      sloCompliant: measured.length
        ? measured.every(status => status.met)
        : null,
      score: card.score,
      requestedAt: isoOrNull(annotations[ANNOTATION_REQUESTED_AT]),
      publishedAt: isoOrNull(annotations[ANNOTATION_PUBLISHED_AT]),
    };
  }

  /**
   * After a full sweep: every product; and the facts of products no longer
   * scored (`scored`: the products that still have a scorecard) are removed.
   */
  async recordSweep(
    products: DataProductEntityV1alpha1[],
    cards: Scorecard[],
    signals: Map<string, ProductSignals>,
    now: Date,
    scored: Set<string>,
  ): Promise<void> {
    const domains = new Map(cards.map(card => [card.entityRef, card.domain]));
    const facts = products.map((product, i) =>
      this.derive(product, cards[i], {
        domainOf: ref => domains.get(ref),
        signals: signals.get(cards[i].entityRef),
        countConsumers: true,
      }),
    );
    await this.deps.facts.record(facts, now.toISOString());
    await this.deps.facts.deleteMissing(scored);
  }

  /** After re-scoring one product; its consumer count stays as last swept. */
  async recordOne(
    entity: DataProductEntityV1alpha1,
    card: Scorecard,
    lookup: (ref: string) => Entity | undefined,
    signals: ProductSignals | undefined,
    now: Date,
  ): Promise<void> {
    const fact = this.derive(entity, card, {
      domainOf: ref => {
        const upstream = lookup(ref) as DataProductEntityV1alpha1 | undefined;
        return upstream?.spec?.domain
          ? stringifyEntityRef(
              parseEntityRef(upstream.spec.domain, {
                defaultKind: 'Domain',
                defaultNamespace: upstream.metadata.namespace ?? 'default',
              }),
            )
          : undefined;
      },
      signals,
      countConsumers: false,
    });
    await this.deps.facts.record([fact], now.toISOString());
  }
}
