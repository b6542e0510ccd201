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
  const known = new Map<string, ProductVersionHead>();
  const hashes = new Map<string, string>();
  refs.forEach((ref, i) => {
    const { snapshotHash } = currentVersions.get(ref)!;
    if (settled?.isSettled(ref, products[i])) {
      const lifecycle = products[i].spec.lifecycle ?? '';
      known.set(ref, { latest: { snapshotHash, lifecycle } });
    } else {
      hashes.set(ref, snapshotHash);
    }
  });
  const heads =
    hashes.size > 0 ? await versions.heads([...hashes.keys()], hashes) : known;
  for (const [ref, head] of known) {
    heads.set(ref, head);
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
    const current = currentVersions.get(ref);
    const record = candidates.get(ref);
    if (
      !current ||
      written.kept.has(ref) ||
      (record && !recorded.has(record))
    ) {
      return;
    }
    const nothingToCompare =
      heads.get(ref)?.production === undefined ||
      (record?.lifecycle === 'production' && !record.breakingUnannounced);
    if (nothingToCompare) {
      memo.settle(ref, product, current.snapshotHash);
    }
  });
}
