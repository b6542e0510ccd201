import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  agreementFactsOf,
  ProductAgreementFacts,
  runsPastSunset,
} from './agreementSummary';

/**
 * An active data sharing agreement as rules and KPIs read it: a consumer's
 * granted access to an output port of a product, until `expiresAt`.
 * @public
 */
export interface AgreementEdge {
  id: string;
  product: string;
  port: string;
  consumer: string;
  purpose: string;
  fields: string[];
  expiresAt: string;
}

/**
 * The active agreements of one product: those on it (its consumers) and
 * those it holds on other products (what it reads).
 * @public
 */
export interface ProductAgreements {
  consumers: AgreementEdge[];
  consumed: AgreementEdge[];
}

/**
 * Facts about a product's agreements that rules read under `facts`.
 * @public
 */
export interface AgreementRuleFacts {
  /**
   * When the product holds PII (schema fields marked `pii`, or
   * `spec.access.privacy.piiColumns`): each of its consumers, declared
   * (`dataProductConsumedBy` relations) or agreed, and whether it holds an
   * active agreement with a purpose. Empty without PII, or when the
   * agreements are unknown.
   */
  piiConsumers: Array<{
    ref: string;
    declared: boolean;
    agreedWithPurpose: boolean;
  }>;
  /**
   * The active agreements on the product that run past its sunset date
   * (`spec.deprecation.sunset`, the last day it serves), each with that
   * date; empty for a product without one.
   */
  agreements: Array<{
    id: string;
    consumer: string;
    port: string;
    expiresAt: string;
    sunset?: string;
    outlivesSunset: boolean;
  }>;
}

function holdsPii(entity: DataProductEntityV1alpha1): boolean {
  const { spec } = entity;
  return (
    (spec.access?.privacy?.piiColumns ?? []).length > 0 ||
    (spec.schema?.fields ?? []).some(field => field.pii)
  );
}

/** The entities the catalog relates to the product as declared consumers. */
function declaredConsumers(entity: DataProductEntityV1alpha1): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY)
    .map(r => stringifyEntityRef(parseEntityRef(r.targetRef)));
}

/**
 * Derives the agreement facts of a product from its active agreements, one
 * by one or aggregated (undefined when they are unknown: the rules then
 * judge nothing).
 * @public
 */
export function deriveAgreementFacts(
  entity: DataProductEntityV1alpha1,
  agreements: ProductAgreements | ProductAgreementFacts | undefined,
): AgreementRuleFacts {
  if (!agreements) {
    return { piiConsumers: [], agreements: [] };
  }
  const sunset = entity.spec.deprecation?.sunset;
  const facts = agreementFactsOf(agreements, sunset);
  const withPurpose = new Set(
    facts.consumers.filter(c => c.withPurpose).map(c => c.consumer),
  );
  const declared = new Set(declaredConsumers(entity));
  const consumers = [
    ...new Set([...declared, ...facts.consumers.map(c => c.consumer)]),
  ].sort();
  return {
    piiConsumers: holdsPii(entity)
      ? consumers.map(ref => ({
          ref,
          declared: declared.has(ref),
          agreedWithPurpose: withPurpose.has(ref),
        }))
      : [],
    // Only these can break the sunset rule; the others are counted above.
    agreements: facts.pastSunset
      .filter(agreement => runsPastSunset(agreement.expiresAt, sunset))
      .map(agreement => ({
        id: agreement.id,
        consumer: agreement.consumer,
        port: agreement.port,
        expiresAt: agreement.expiresAt,
        ...(sunset ? { sunset } : {}),
        outlivesSunset: true,
      })),
  };
}
