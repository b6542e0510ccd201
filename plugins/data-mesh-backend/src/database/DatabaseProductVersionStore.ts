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

/** A product's row in `product_version_heads`. */
interface HeadRow {
  entity_ref: string;
  latest_hash: string;
  latest_lifecycle: string;
  production_hash: string | null;
}

/** Products whose version in production is read per query (one OR each). */
const SNAPSHOT_READ_CHUNK = 100;

const toRecord = (row: VersionRow): ProductVersionRecord => ({
  entityRef: row.entity_ref,
  ...(row.version !== null ? { version: row.version } : {}),
  lifecycle: row.lifecycle,
  snapshotHash: row.snapshot_hash,
  snapshot: JSON.parse(row.snapshot!) as DataProductVersionSnapshot,
  breakingUnannounced: Boolean(row.breaking_unannounced),
  seenAt: row.seen_at!,
});

/**
 * The product version store on the plugin's database: every version in
 * `product_versions`, and each product's head (latest version, version in
 * production) in `product_version_heads`, which a sweep reads by primary
 * key and which is written in the same transaction as the versions.
 */
export class DatabaseProductVersionStore implements ProductVersionStore {
  constructor(private readonly db: Knex) {}

  /** The head row of each product that has versions. */
  async #heads(entityRefs: string[]): Promise<Map<string, HeadRow>> {
    const heads = new Map<string, HeadRow>();
    for (const batch of chunks([...new Set(entityRefs)])) {
      const rows: HeadRow[] = await this.db('product_version_heads')
        .whereIn('entity_ref', batch)
        .select('*');
      for (const row of rows) {
        heads.set(row.entity_ref, row);
      }
    }
    return heads;
  }

  async heads(
    entityRefs: string[],
    currentHashes?: ReadonlyMap<string, string>,
  ): Promise<Map<string, ProductVersionHead>> {
    const heads = new Map<string, ProductVersionHead>();
    const toRead: Array<{ entityRef: string; snapshotHash: string }> = [];
    for (const [entityRef, row] of await this.#heads(entityRefs)) {
      const head: ProductVersionHead = {
        latest: {
          snapshotHash: row.latest_hash,
          lifecycle: row.latest_lifecycle,
        },
      };
      if (row.production_hash === null) {
        // Never in production without breaking it: nothing to compare with.
      } else if (currentHashes?.get(entityRef) === row.production_hash) {
        // Unchanged since production: no snapshot to read or compare.
        head.sameAsProduction = true;
      } else {
        toRead.push({ entityRef, snapshotHash: row.production_hash });
      }
      heads.set(entityRef, head);
    }
    // Any version row with the production hash holds that snapshot.
    for (const batch of chunks(toRead, SNAPSHOT_READ_CHUNK)) {
      const rows: VersionRow[] = await this.db('product_versions')
        .where(query => {
          for (const { entityRef, snapshotHash } of batch) {
            query.orWhere({
              entity_ref: entityRef,
              snapshot_hash: snapshotHash,
            });
          }
        })
        .select('entity_ref', 'snapshot');
      for (const row of rows) {
        heads.get(row.entity_ref)!.production ??= JSON.parse(row.snapshot!);
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
    const stored = await this.#heads(versions.map(v => v.entityRef));
    const fresh = versions.filter(v => {
      const head = stored.get(v.entityRef);
      return (
        head?.latest_hash !== v.snapshotHash ||
        head.latest_lifecycle !== v.lifecycle
      );
    });
    if (fresh.length === 0) {
      return [];
    }
    const heads = new Map<string, HeadRow>();
    for (const v of fresh) {
      const before = heads.get(v.entityRef) ?? stored.get(v.entityRef);
      const baseline = v.lifecycle === 'production' && !v.breakingUnannounced;
      heads.set(v.entityRef, {
        entity_ref: v.entityRef,
        latest_hash: v.snapshotHash,
        latest_lifecycle: v.lifecycle,
        production_hash: baseline
          ? v.snapshotHash
          : before?.production_hash ?? null,
      });
    }
    // Versions and heads together, or neither (a savepoint when the
    // caller's transaction holds this store).
    await this.db.transaction(async trx => {
      for (const batch of chunks(fresh)) {
        await trx('product_versions').insert(
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
      for (const batch of chunks([...heads.values()])) {
        await trx('product_version_heads')
          .insert(batch)
          .onConflict('entity_ref')
          .merge();
      }
    });
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
