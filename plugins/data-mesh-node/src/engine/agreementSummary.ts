import type { AgreementEdge, ProductAgreements } from './agreementFacts';

/**
 * What rules and KPIs read of a product's active agreements, aggregated
 * (a store computes it in SQL rather than reading every agreement): its
 * consumers, the products it reads, its latest expiry, and the agreements
 * that run past its sunset date, the only ones listed one by one.
 * @public
 */
export interface ProductAgreementFacts {
  /**
   * Each entity holding an active agreement on the product, sorted by
   * ref, and whether one of its agreements states a purpose.
   */
  consumers: Array<{ consumer: string; withPurpose: boolean }>;
  /** The products it holds active agreements on, sorted. */
  consumedProducts: string[];
  /** The latest expiry of the active agreements on it (none without). */
  latestExpiry?: string;
  /**
   * The active agreements on it that run past its sunset date
   * (`spec.deprecation.sunset`, the last day it serves), soonest expiry
   * first (then by id); none without one.
   */
  pastSunset: AgreementEdge[];
}

/** Whether the agreements are given as aggregated facts. */
export function isAgreementFacts(
  agreements: ProductAgreements | ProductAgreementFacts,
): agreements is ProductAgreementFacts {
  return 'consumedProducts' in agreements;
}

/** Whether an agreement runs past a sunset date (`YYYY-MM-DD`). */
export function runsPastSunset(expiresAt: string, sunset?: string): boolean {
  return Boolean(sunset && expiresAt.slice(0, 10) > sunset);
}

/**
 * The facts of a product's active agreements, aggregated from the
 * agreements one by one (what a store computes in SQL); `sunset` is the
 * product's sunset date, if it has one.
 * @public
 */
export function agreementFactsOf(
  agreements: ProductAgreements | ProductAgreementFacts,
  sunset?: string,
): ProductAgreementFacts {
  if (isAgreementFacts(agreements)) {
    return agreements;
  }
  const consumers = new Map<string, boolean>();
  for (const { consumer, purpose } of agreements.consumers) {
    const stated = purpose.trim().length > 0;
    consumers.set(consumer, Boolean(consumers.get(consumer)) || stated);
  }
  const latestExpiry = agreements.consumers
    .map(agreement => agreement.expiresAt)
    .sort()
    .pop();
  return {
    consumers: [...consumers.keys()]
      .sort()
      .map(consumer => ({ consumer, withPurpose: consumers.get(consumer)! })),
    consumedProducts: [
      ...new Set(agreements.consumed.map(agreement => agreement.product)),
    ].sort(),
    ...(latestExpiry ? { latestExpiry } : {}),
    // Soonest first, as a store lists them.
    pastSunset: agreements.consumers
      .filter(agreement => runsPastSunset(agreement.expiresAt, sunset))
      .sort((a, b) =>
        a.expiresAt === b.expiresAt
          ? Number(a.id > b.id) - Number(a.id < b.id)
          : Number(a.expiresAt > b.expiresAt) -
            Number(a.expiresAt < b.expiresAt),
      ),
  };
}
