import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { currentVersion, CurrentVersion } from './productVersions';

interface Remembered {
  etag: string;
  snapshotHash: string;
  /**
   * The product's stored versions were found, after a commit, to need
   * nothing (see `settle`): with this lifecycle, until this time (ms).
   * Fields of their own, not an object: one object per product in all.
   */
  settledLifecycle?: string;
  settledUntil?: number;
}

/** How long a settled product is trusted before its versions are read again. */
const SETTLED_MS = 45 * 60_000;
/** Spread over products so that a whole catalog is not read again at once. */
const SPREAD_MS = 15 * 60_000;

/** A number in [0, 1) fixed for each product (FNV-1a of its ref). */
function spreadOf(entityRef: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entityRef.length; i++) {
    h = Math.imul(h ^ entityRef.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/**
 * The contract hash of each catalog product, remembered with the entity's
 * `metadata.etag`: the catalog gives an entity a new etag whenever it
 * changes, so a product served with the etag it had at the last sweep has
 * the same contract and is not rebuilt nor hashed again. A product
 * without an etag is hashed every time.
 *
 * With it, whether the product's stored versions are settled: its latest
 * version row holds this contract and lifecycle, and its version in
 * production is this contract or there is none. A settled product's
 * versions are neither read nor written (nothing to record, nothing that
 * can break); another replica may write versions, so a product is read
 * again 45 to 60 minutes (spread per product) after it settled.
 *
 * One per plugin, shared by the evaluator and the results writer; only for
 * entities read from the catalog: a submitted draft may carry the etag of
 * the entity it edits.
 */
export class ContractHashMemo {
  readonly #byRef = new Map<string, Remembered>();
  readonly #maxEntries: number;
  readonly #now: () => Date;

  constructor(
    options: {
      /** Past this many products, the memo starts over. */
      maxEntries?: number;
      now?: () => Date;
    } = {},
  ) {
    this.#maxEntries = options.maxEntries ?? 1_000_000;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * The product's contract hash; the snapshot itself only when it had to
   * be built (a new or changed entity).
   */
  of(entityRef: string, product: DataProductEntityV1alpha1): CurrentVersion {
    const etag = product.metadata.etag;
    const known = this.#byRef.get(entityRef);
    if (etag !== undefined && known?.etag === etag) {
      // What is remembered holds the hash: no object made per product.
      return known;
    }
    const current = currentVersion(product);
    if (etag !== undefined) {
      if (!known && this.#byRef.size >= this.#maxEntries) {
        this.#byRef.clear();
      }
      this.#byRef.set(entityRef, { etag, snapshotHash: current.snapshotHash });
    }
    return current;
  }

  /**
   * Whether the product, served with the etag and lifecycle it had when it
   * settled, is still settled: then its stored versions need not be read.
   */
  isSettled(entityRef: string, product: DataProductEntityV1alpha1): boolean {
    const known = this.#byRef.get(entityRef);
    const etag = product.metadata.etag;
    return (
      etag !== undefined &&
      known?.etag === etag &&
      known.settledUntil !== undefined &&
      known.settledLifecycle === (product.spec.lifecycle ?? '') &&
      this.#now().getTime() < known.settledUntil
    );
  }

  /**
   * Remembers the product as settled, with the contract hash it was
   * checked with; call only once the transaction that read or wrote its
   * versions committed. Ignored when the memo holds another etag or hash
   * (the entity changed meanwhile); a product still settled keeps its
   * time, so that it is read again in time.
   */
  settle(
    entityRef: string,
    product: DataProductEntityV1alpha1,
    snapshotHash: string,
  ): void {
    const known = this.#byRef.get(entityRef);
    if (
      !known ||
      known.etag !== product.metadata.etag ||
      known.snapshotHash !== snapshotHash ||
      this.isSettled(entityRef, product)
    ) {
      return;
    }
    known.settledLifecycle = product.spec.lifecycle ?? '';
    known.settledUntil =
      this.#now().getTime() + SETTLED_MS + spreadOf(entityRef) * SPREAD_MS;
  }
}
