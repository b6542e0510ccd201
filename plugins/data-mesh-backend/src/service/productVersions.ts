import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  BreakingChangeVerdict,
  checkBreakingChanges,
  DataProductEntityV1alpha1,
  DataProductVersionSnapshot,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  VersionChange,
  versionSnapshot,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { hash } from 'node:crypto';
import type { ProductVersionRecord } from '../database/ProductVersionStore';
import type { EvaluatedBatch } from './ProductEvaluator';

/**
 * A new major version with breaking changes since the version in
 * production: its consumers are told of the changes, once per version.
 */
export interface AnnouncedBreakingChange {
  entityRef: string;
  fromVersion: string;
  toVersion: string;
  changes: VersionChange[];
  /** The entities that read the product (`dataProductConsumedBy`). */
  consumers: string[];
}

/** A version to record, with the verdict against the version in production. */
export interface VersionCandidate {
  record: ProductVersionRecord;
  verdict: BreakingChangeVerdict;
  consumers: string[];
}

/**
 * A product's contract hash now; the contract itself when it was built to
 * hash it (see `ContractHashMemo`, which spares unchanged products).
 */
export interface CurrentVersion {
  snapshot?: DataProductVersionSnapshot;
  snapshotHash: string;
}

/** The contract of a product now, as versions keep it, and its hash. */
export function currentVersion(
  product: Pick<DataProductEntityV1alpha1, 'spec'>,
): Required<CurrentVersion> {
  const snapshot = versionSnapshot(product);
  return {
    snapshot,
    // One-shot SHA-256 of the serialised snapshot: no Hash object per product.
    snapshotHash: hash('sha256', JSON.stringify(snapshot), 'hex'),
  };
}

/**
 * The versions of a batch's products that differ from their latest stored
 * one (snapshot or lifecycle): the only ones written, so an unchanged
 * sweep writes nothing and checks nothing more. Empty when versions are
 * not kept. Products re-scored since (`kept`) are left to that re-score.
 */
export function versionCandidates(
  batch: EvaluatedBatch,
  now: string,
  kept: Set<string>,
): VersionCandidate[] {
  const heads = batch.versionHeads;
  if (!heads) {
    return [];
  }
  const candidates: VersionCandidate[] = [];
  batch.products.forEach((product, i) => {
    const entityRef = batch.cards[i]?.entityRef ?? stringifyEntityRef(product);
    const head = heads.get(entityRef);
    if (kept.has(entityRef) || head?.settled) {
      return;
    }
    const current =
      batch.currentVersions?.get(entityRef) ?? currentVersion(product);
    const { snapshotHash } = current;
    const lifecycle = product.spec.lifecycle ?? '';
    if (
      head?.latest?.snapshotHash === snapshotHash &&
      head.latest.lifecycle === lifecycle
    ) {
      return;
    }
    // Built only for a product that changes: an unchanged one kept its hash.
    const snapshot = current.snapshot ?? versionSnapshot(product);
    const verdict = checkBreakingChanges(head?.production, snapshot);
    const consumers = (product.relations ?? [])
      .filter(r => r.type === RELATION_DATA_PRODUCT_CONSUMED_BY)
      .map(r => r.targetRef);
    candidates.push({
      record: {
        entityRef,
        ...(snapshot.version !== undefined
          ? { version: snapshot.version }
          : {}),
        lifecycle,
        snapshotHash,
        snapshot,
        breakingUnannounced: verdict.unannounced.length > 0,
        seenAt: now,
      },
      verdict,
      consumers,
    });
  });
  return candidates;
}

/**
 * Of the versions just recorded, the major bumps that break something in
 * the version in production, with the product's consumers.
 */
export function announcedBreakingChanges(
  candidates: VersionCandidate[],
  recorded: ProductVersionRecord[],
): AnnouncedBreakingChange[] {
  const written = new Set(recorded);
  return candidates.flatMap(({ record, verdict, consumers }) =>
    written.has(record) && verdict.majorBump && verdict.breaking.length > 0
      ? [
          {
            entityRef: record.entityRef,
            fromVersion: verdict.fromVersion ?? 'none',
            toVersion: verdict.toVersion ?? 'none',
            changes: verdict.breaking,
            consumers,
          },
        ]
      : [],
  );
}
