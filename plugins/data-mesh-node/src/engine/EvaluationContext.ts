import type { Entity } from '@backstage/catalog-model';
import type { ProductAgreements } from './agreementFacts';
import type { ProductAgreementFacts } from './agreementSummary';
import type { DataProductVersionSnapshot } from '@datamesh-backstage/plugin-data-mesh-common';
import type { ProductMeasurements, SloOptions } from './sloStatus';

/**
 * What the engine knows about another catalog entity: whether it exists and,
 * for data products, the entity itself.
 * @public
 */
export interface EntityLookup {
  exists: boolean;
  entity?: Entity;
  /**
   * Not in the catalog yet, but the catalog may still be ingesting it: the
   * reference is pending (listed on the scorecard) rather than violated.
   */
  pending?: boolean;
}

/**
 * The catalog as the cross-entity rules see it. `lookup` returns undefined
 * when existence is unknown (for example the catalog could not be read): the
 * rules then give the product the benefit of the doubt.
 * @public
 */
export interface EvaluationContext {
  lookup(entityRef: string): EntityLookup | undefined;
  /** What pipelines reported about a product, if anything is known. */
  measurements?(entityRef: string): ProductMeasurements | undefined;
  /**
   * The product's active agreements, if known (read in bulk per page of
   * products, one by one or aggregated); undefined leaves the agreement
   * rules judging nothing.
   */
  agreements?(
    entityRef: string,
  ): ProductAgreements | ProductAgreementFacts | undefined;
  /** The rolling window SLO compliance is computed over. */
  sloOptions?: SloOptions;
  /**
   * The last version of a product seen in production other than the one
   * judged, which the breaking-change rule compares with; undefined when
   * there is none (the rule then passes).
   */
  productionVersion?(entityRef: string): DataProductVersionSnapshot | undefined;
}

/** A context that knows nothing: cross-entity rules pass. @public */
export const unknownEvaluationContext: EvaluationContext = {
  lookup: () => undefined,
};

/**
 * A context over entities already read from the catalog, for full sweeps: an
 * entity absent from the list does not exist.
 * @public
 */
export function createCatalogSnapshotContext(
  entities: Iterable<Entity>,
): EvaluationContext {
  const byRef = new Map<string, Entity>();
  for (const entity of entities) {
    const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`;
    byRef.set(ref.toLocaleLowerCase('en-US'), entity);
  }
  return {
    lookup(entityRef) {
      const entity = byRef.get(entityRef.toLocaleLowerCase('en-US'));
      return entity ? { exists: true, entity } : { exists: false };
    },
  };
}
