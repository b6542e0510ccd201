import {
  compareVersions,
  isMajorBump,
  ProductVersion,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { ProductVersionStore } from '../database/ProductVersionStore';

/**
 * A product's version history as its page shows it: each version seen,
 * oldest first, with what changed since the one before (breaking changes
 * marked) and whether it raised the major version.
 */
export class VersionHistoryService {
  constructor(private readonly deps: { versions: ProductVersionStore }) {}

  /** The latest `limit` versions of a product, oldest first. */
  async list(entityRef: string, limit: number): Promise<ProductVersion[]> {
    const records = await this.deps.versions.list(entityRef);
    const items = records.map((record, i): ProductVersion => {
      const previous = records[i - 1];
      const changes = previous
        ? compareVersions(previous.snapshot, record.snapshot)
        : [];
      return {
        ...(record.version !== undefined ? { version: record.version } : {}),
        lifecycle: record.lifecycle,
        seenAt: record.seenAt,
        majorBump: previous
          ? isMajorBump(previous.version, record.version)
          : false,
        breakingCount: changes.filter(c => c.breaking).length,
        changes,
        snapshot: record.snapshot,
      };
    });
    return items.slice(-limit);
  }
}
