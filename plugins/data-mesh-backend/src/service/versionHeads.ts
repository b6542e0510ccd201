import { stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  ProductVersionHead,
  ProductVersionRecord,
  ProductVersionStore,
} from '../database/ProductVersionStore';
import type { ContractHashMemo } from './ContractHashMemo';
import type { EvaluatedBatch } from './ProductEvaluator';
import type { CurrentVersion, VersionCandidate } from './productVersions';

/** The head of every settled product: one object, nothing read. */
const SETTLED: ProductVersionHead = Object.freeze({ settled: true });

/**
 * What is stored of the versions of a batch's products: read from the
 * store for every product but those the memo holds as settled (catalog
 * entities only), whose latest version is their contract now with nothing
 * different in production to compare with. A sweep of unchanged products
 * reads no version at all.
 */
export async function readVersionHeads(
  versions: ProductVersionStore,
  batch: {
    refs: string[];
    products: DataProductEntityV1alpha1[];
    currentVersions: Map<string, CurrentVersion>;
    /** The memo of settled products; absent for drafts and dry-runs. */
    settled?: ContractHashMemo;
  },
): Promise<Map<string, ProductVersionHead>> {
  const { refs, products, currentVersions, settled } = batch;
  const settledRefs: string[] = [];
  const hashes = new Map<string, string>();
  refs.forEach((ref, i) => {
    if (settled?.isSettled(ref, products[i])) {
      settledRefs.push(ref);
    } else {
      hashes.set(ref, currentVersions.get(ref)!.snapshotHash);
    }
  });
  const heads =
    hashes.size > 0
      ? await versions.heads([...hashes.keys()], hashes)
      : new Map<string, ProductVersionHead>();
  for (const ref of settledRefs) {
    heads.set(ref, SETTLED);
  }
  return heads;
}

/**
 * Once the transaction that wrote a batch committed, remembers as settled
 * its products whose latest stored version is now their contract and whose
 * version in production is that contract or none: those left as they were
 * (nothing to compare with) and those whose version was just recorded in
 * production, breaking nothing unannounced. Not a product re-scored since
 * (`kept`), nor one a concurrent writer recorded first.
 */
export function settleVersions(
  memo: ContractHashMemo,
  batch: EvaluatedBatch,
  written: {
    candidates: VersionCandidate[];
    recorded: ProductVersionRecord[];
    kept: Set<string>;
  },
): void {
  const { versionHeads: heads, currentVersions } = batch;
  if (!heads || !currentVersions) {
    return;
  }
  const recorded = new Set(written.recorded);
  const candidates = new Map(
    written.candidates.map(c => [c.record.entityRef, c.record]),
  );
  batch.products.forEach((product, i) => {
    const ref = batch.cards[i]?.entityRef ?? stringifyEntityRef(product);
    const head = heads.get(ref);
    const current = currentVersions.get(ref);
    const record = candidates.get(ref);
    if (
      head?.settled ||
      !current ||
      written.kept.has(ref) ||
      (record && !recorded.has(record))
    ) {
      return;
    }
    const nothingToCompare =
      head?.production === undefined ||
      (record?.lifecycle === 'production' && !record.breakingUnannounced);
    if (nothingToCompare) {
      memo.settle(ref, product, current.snapshotHash);
    }
  });
}
