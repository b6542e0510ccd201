import { Knex } from 'knex';
import { insertRows } from './insertRows';
import { engineOf } from './rowLocks';
import { VisibilitySnapshotStore } from './VisibilitySnapshotStore';

/** Refs deleted per statement when a snapshot goes: no giant transaction. */
const DELETE_SLICE = 10_000;

/** The visibility snapshot store on the plugin's database (`visibility_snapshots`, `visible_products`). */
export class DatabaseVisibilitySnapshotStore
  implements VisibilitySnapshotStore
{
  constructor(private readonly db: Knex) {}

  async fresh(
    principalKey: string,
    since: string,
  ): Promise<number | undefined> {
    const row = await this.db('visibility_snapshots')
      .where('principal_key', principalKey)
      .where('computed_at', '>=', since)
      .orderBy('computed_at', 'desc')
      .first('id');
    return row ? Number(row.id) : undefined;
  }

  async begin(principalKey: string, startedAt: string): Promise<number> {
    const insert = this.db('visibility_snapshots').insert({
      principal_key: principalKey,
      started_at: startedAt,
    });
    // MySQL has no RETURNING; its driver answers with the insert id anyway.
    const mysql = engineOf(this.db).includes('mysql');
    const [row] = await (mysql ? insert : insert.returning('id'));
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async add(snapshotId: number, entityRefs: string[]): Promise<void> {
    const rows = [...new Set(entityRefs)].map(entityRef => ({
      snapshot_id: snapshotId,
      entity_ref: entityRef,
    }));
    await insertRows(this.db, 'visible_products', rows, {
      onConflict: ['snapshot_id', 'entity_ref'],
    });
  }

  async complete(
    snapshotId: number,
    computedAt: string,
    productCount: number,
  ): Promise<boolean> {
    const updated = await this.db('visibility_snapshots')
      .where('id', snapshotId)
      .whereNull('computed_at')
      .update({ computed_at: computedAt, product_count: productCount });
    return updated > 0;
  }

  async visibleAmong(
    snapshotId: number,
    entityRefs: string[],
  ): Promise<Set<string> | undefined> {
    const rows: Array<{ entity_ref: string | null }> = await this.db(
      'visibility_snapshots as s',
    )
      .leftJoin('visible_products as v', join =>
        join
          .on('v.snapshot_id', 's.id')
          .onIn('v.entity_ref', entityRefs.length ? entityRefs : ['']),
      )
      .where('s.id', snapshotId)
      .whereNotNull('s.computed_at')
      .select('v.entity_ref');
    if (rows.length === 0) {
      return undefined;
    }
    return new Set(
      rows.flatMap(row => (row.entity_ref ? [row.entity_ref] : [])),
    );
  }

  async deleteOld(options: {
    completedBefore: string;
    abandonedBefore: string;
    keep: number;
  }): Promise<number> {
    const old: number[] = await this.db('visibility_snapshots')
      .where('computed_at', '<', options.completedBefore)
      .orWhere(abandoned =>
        abandoned
          .whereNull('computed_at')
          .where('started_at', '<', options.abandonedBefore),
      )
      .pluck('id');
    const beyondKeep: number[] = await this.db('visibility_snapshots')
      .whereNotNull('computed_at')
      .orderBy('computed_at', 'desc')
      .orderBy('id', 'desc')
      .offset(options.keep)
      .pluck('id');
    const ids = [...new Set([...old, ...beyondKeep].map(Number))];
    await this.delete(ids);
    return ids.length;
  }

  async delete(snapshotIds: number[]): Promise<void> {
    if (snapshotIds.length === 0) {
      return;
    }
    await this.db('visibility_snapshots')
      .whereIn('id', snapshotIds)
      .update({ computed_at: null });
    for (const id of snapshotIds) {
      for (;;) {
        const last = await this.db('visible_products')
          .where('snapshot_id', id)
          .orderBy('entity_ref')
          .offset(DELETE_SLICE - 1)
          .first('entity_ref');
        const slice = this.db('visible_products').where('snapshot_id', id);
        if (!last) {
          await slice.delete();
          break;
        }
        await slice.where('entity_ref', '<=', last.entity_ref).delete();
      }
      await this.db('visibility_snapshots').where('id', id).delete();
    }
  }
}
