import type { DataProductVersionSnapshot } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import {
  ProductVersionHead,
  ProductVersionRecord,
  ProductVersionStore,
} from './ProductVersionStore';
import { chunks } from './rows';

interface VersionRow {
  id: number | string;
  entity_ref: string;
  version: string | null;
  lifecycle: string;
  snapshot_hash: string;
  breaking_unannounced: boolean | number;
  snapshot?: string;
  seen_at?: string;
}

const HEAD_COLUMNS = [
  'id',
  'entity_ref',
  'version',
  'lifecycle',
  'snapshot_hash',
  'breaking_unannounced',
];

const toRecord = (row: VersionRow): ProductVersionRecord => ({
  entityRef: row.entity_ref,
  ...(row.version !== null ? { version: row.version } : {}),
  lifecycle: row.lifecycle,
  snapshotHash: row.snapshot_hash,
  snapshot: JSON.parse(row.snapshot!) as DataProductVersionSnapshot,
  breakingUnannounced: Boolean(row.breaking_unannounced),
  seenAt: row.seen_at!,
});

/** The product version store on the plugin's database (`product_versions`). */
export class DatabaseProductVersionStore implements ProductVersionStore {
  constructor(private readonly db: Knex) {}

  /** The latest row of each product and the id of its baseline row. */
  async #scan(entityRefs: string[]) {
    const heads = new Map<string, ProductVersionHead>();
    const baselineIds = new Map<
      string,
      { id: number | string; snapshotHash: string }
    >();
    for (const batch of chunks([...new Set(entityRefs)])) {
      // Rows without their snapshots: few bytes each, in id order.
      const rows: VersionRow[] = await this.db('product_versions')
        .whereIn('entity_ref', batch)
        .orderBy('id')
        .select(HEAD_COLUMNS);
      for (const row of rows) {
        heads.set(row.entity_ref, {
          latest: { snapshotHash: row.snapshot_hash, lifecycle: row.lifecycle },
        });
        if (row.lifecycle === 'production' && !row.breaking_unannounced) {
          baselineIds.set(row.entity_ref, {
            id: row.id,
            snapshotHash: row.snapshot_hash,
          });
        }
      }
    }
    return { heads, baselineIds };
  }

  async heads(
    entityRefs: string[],
    currentHashes?: ReadonlyMap<string, string>,
  ): Promise<Map<string, ProductVersionHead>> {
    const { heads, baselineIds } = await this.#scan(entityRefs);
    const toRead: Array<number | string> = [];
    for (const [entityRef, baseline] of baselineIds) {
      if (currentHashes?.get(entityRef) === baseline.snapshotHash) {
        // Unchanged since production: no snapshot to read or compare.
        heads.get(entityRef)!.sameAsProduction = true;
      } else {
        toRead.push(baseline.id);
      }
    }
    for (const batch of chunks(toRead)) {
      const rows: VersionRow[] = await this.db('product_versions')
        .whereIn('id', batch)
        .select('entity_ref', 'snapshot');
      for (const row of rows) {
        heads.get(row.entity_ref)!.production = JSON.parse(row.snapshot!);
      }
    }
    return heads;
  }

  async record(
    versions: ProductVersionRecord[],
  ): Promise<ProductVersionRecord[]> {
    if (versions.length === 0) {
      return [];
    }
    const { heads: stored } = await this.#scan(versions.map(v => v.entityRef));
    const fresh = versions.filter(v => {
      const latest = stored.get(v.entityRef)?.latest;
      return (
        latest?.snapshotHash !== v.snapshotHash ||
        latest.lifecycle !== v.lifecycle
      );
    });
    for (const batch of chunks(fresh)) {
      await this.db('product_versions').insert(
        batch.map(v => ({
          entity_ref: v.entityRef,
          version: v.version ?? null,
          lifecycle: v.lifecycle,
          snapshot_hash: v.snapshotHash,
          snapshot: JSON.stringify(v.snapshot),
          breaking_unannounced: v.breakingUnannounced,
          seen_at: v.seenAt,
        })),
      );
    }
    return fresh;
  }

  async list(entityRef: string): Promise<ProductVersionRecord[]> {
    const rows: VersionRow[] = await this.db('product_versions')
      .where({ entity_ref: entityRef })
      .orderBy('id')
      .select('*');
    return rows.map(toRecord);
  }
}
