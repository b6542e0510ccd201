import type { DataProductVersionSnapshot } from '@datamesh-backstage/plugin-data-mesh-common';

/** One version of a product as stored. */
export interface ProductVersionRecord {
  entityRef: string;
  /** `spec.version`; absent when the product declares none. */
  version?: string;
  lifecycle: string;
  /** SHA-256 of the snapshot (see `snapshotHash`). */
  snapshotHash: string;
  snapshot: DataProductVersionSnapshot;
  /**
   * Whether, when first seen, it broke the version in production without
   * a major version bump: such a version is never compared with.
   */
  breakingUnannounced: boolean;
  /** When this version was first seen (ISO date-time). */
  seenAt: string;
}

/** What a sweep needs to know of a product's stored versions. */
export interface ProductVersionHead {
  /** The latest stored version: a new row is recorded only if it differs. */
  latest?: { snapshotHash: string; lifecycle: string };
  /**
   * The last version seen in production that broke nothing unannounced:
   * what the breaking-change rule compares the product with. A product
   * that breaks its contract stays compared with the version before until
   * it raises its major version or restores the contract.
   */
  production?: DataProductVersionSnapshot;
  /**
   * The product's current contract is that version's (same snapshot hash):
   * nothing can have broken, so `production` is not read.
   */
  sameAsProduction?: boolean;
  /**
   * Not read: the product's versions are settled (see ContractHashMemo):
   * its latest version is its contract now, with nothing different in
   * production to compare with.
   */
  settled?: true;
}

/**
 * The versions of each product the plugin has seen (see
 * `DatabaseProductVersionStore`). History is kept when a product leaves the
 * catalog.
 */
export interface ProductVersionStore {
  /**
   * For each product, its latest stored version and its version in
   * production, in a few queries per batch whatever its size. Given the
   * products' current snapshot hashes, a version in production with the
   * same hash is only flagged (`sameAsProduction`), not read.
   */
  heads(
    entityRefs: string[],
    currentHashes?: ReadonlyMap<string, string>,
  ): Promise<Map<string, ProductVersionHead>>;

  /**
   * Records versions unless the product's latest stored version has the
   * same snapshot and lifecycle (a concurrent writer recorded it first).
   * Returns those recorded.
   */
  record(versions: ProductVersionRecord[]): Promise<ProductVersionRecord[]>;

  /** A product's versions, oldest first. */
  list(entityRef: string): Promise<ProductVersionRecord[]>;
}
