import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { currentVersion, CurrentVersion } from './productVersions';

interface Remembered {
  etag: string;
  snapshotHash: string;
}

/**
 * The contract hash of each catalog product, remembered with the entity's
 * `metadata.etag`: the catalog gives an entity a new etag whenever it
 * changes, so a product served with the etag it had at the last sweep has
 * the same contract and is not rebuilt nor hashed again. A product
 * without an etag is hashed every time.
 *
 * Only for entities read from the catalog: a submitted draft may carry
 * the etag of the entity it edits.
 */
export class ContractHashMemo {
  readonly #byRef = new Map<string, Remembered>();

  /** @param maxEntries - past this many products, the memo starts over. */
  constructor(private readonly maxEntries = 1_000_000) {}

  /**
   * The product's contract hash; the snapshot itself only when it had to
   * be built (a new or changed entity).
   */
  of(entityRef: string, product: DataProductEntityV1alpha1): CurrentVersion {
    const etag = product.metadata.etag;
    const known = this.#byRef.get(entityRef);
    if (etag !== undefined && known?.etag === etag) {
      return { snapshotHash: known.snapshotHash };
    }
    const current = currentVersion(product);
    if (etag !== undefined) {
      if (!known && this.#byRef.size >= this.maxEntries) {
        this.#byRef.clear();
      }
      this.#byRef.set(entityRef, { etag, snapshotHash: current.snapshotHash });
    }
    return current;
  }
}
