import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';

interface WaiverRow {
  entity_ref: string;
  rule_id: string;
  reason: string;
  expires_at: string;
  created_by: string;
  created_at: string;
}

const toWaiver = (row: WaiverRow): Waiver => ({
  entityRef: row.entity_ref,
  ruleId: row.rule_id,
  reason: row.reason,
  expiresAt: row.expires_at,
  source: 'api',
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** Waivers granted through the API (one per product and rule). */
export class WaiverStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): WaiverStore {
    return new WaiverStore(db);
  }

  async list(entityRef?: string): Promise<Waiver[]> {
    const query = this.db<WaiverRow>('waivers').orderBy([
      'entity_ref',
      'rule_id',
    ]);
    if (entityRef) query.where({ entity_ref: entityRef });
    return (await query).map(toWaiver);
  }

  /** The waivers of a page of products, by product. */
  async forProducts(entityRefs: string[]): Promise<Map<string, Waiver[]>> {
    const rows = await this.db<WaiverRow>('waivers')
      .whereIn('entity_ref', entityRefs)
      .orderBy(['entity_ref', 'rule_id']);
    const byRef = new Map<string, Waiver[]>();
    for (const waiver of rows.map(toWaiver)) {
      byRef.set(waiver.entityRef, [
        ...(byRef.get(waiver.entityRef) ?? []),
        waiver,
      ]);
    }
    return byRef;
  }

  /** Grants or replaces the waiver of a rule for a product. */
  async upsert(
    waiver: Omit<Waiver, 'source'> & { createdBy: string; createdAt: string },
  ): Promise<Waiver> {
    const row: WaiverRow = {
      entity_ref: waiver.entityRef,
      rule_id: waiver.ruleId,
      reason: waiver.reason,
      expires_at: waiver.expiresAt,
      created_by: waiver.createdBy,
      created_at: waiver.createdAt,
    };
    await this.db('waivers')
      .insert(row)
      .onConflict(['entity_ref', 'rule_id'])
      .merge();
    return toWaiver(row);
  }

  /** Revokes a waiver; false when there was none. */
  async delete(entityRef: string, ruleId: string): Promise<boolean> {
    const count = await this.db('waivers')
      .where({ entity_ref: entityRef, rule_id: ruleId })
      .delete();
    return count > 0;
  }
}
