import type { ProductProvenance } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * The evidence behind the self-serve and time-to-data KPIs: which products
 * a template run created, and when it was requested. Written once per
 * product by a trusted service; never derived from annotations. See
 * `DatabaseProvenanceStore`.
 */
export interface ProvenanceStore {
  /**
   * Records a product's provenance. A product has one, never rewritten:
   * recording the same again is a no-op, a different one a ConflictError.
   */
  record(provenance: ProductProvenance): Promise<void>;

  /** A product's provenance, if recorded. */
  get(entityRef: string): Promise<ProductProvenance | undefined>;

  /** The provenance of the products that have one, among `entityRefs`. */
  forProducts(entityRefs: string[]): Promise<Map<string, ProductProvenance>>;
}
