import type {
  DataProductEntityV1alpha1,
  Waiver,
  WaiverStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityWaivers } from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { chunks } from './rows';
import { Visibility, whereVisible } from './visibleProducts';
import { ApiWaiverRequest, WaiverDecision, WaiverStore } from './WaiverStore';
import {
  KEY,
  keyOf,
  requestRow,
  storable,
  toWaiver,
  WaiverKey,
  WaiverRow,
} from './waiverRows';

/** The waiver store on the plugin's database (`waivers`). */
export class DatabaseWaiverStore implements WaiverStore {
  private readonly now: () => Date;

  constructor(private readonly db: Knex, options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async forProducts(entityRefs: string[]): Promise<Map<string, Waiver[]>> {
    const byRef = new Map<string, Waiver[]>();
    if (entityRefs.length === 0) {
      return byRef;
    }
    const rows = await this.db<WaiverRow>('waivers')
      .whereIn('entity_ref', entityRefs)
      .orderBy(KEY);
    for (const row of rows) {
      const list = byRef.get(row.entity_ref) ?? [];
      list.push(toWaiver(row));
      byRef.set(row.entity_ref, list);
    }
    return byRef;
  }

  async syncDeclared(products: DataProductEntityV1alpha1[]): Promise<Waiver[]> {
    if (products.length === 0) {
      return [];
    }
    const declared = new Map<string, Waiver>();
    for (const product of products) {
      const ref = stringifyEntityRef(product);
      for (const waiver of entityWaivers(product, ref).filter(storable)) {
        declared.set(`${ref}\u0000${waiver.ruleId}`, waiver);
      }
    }
    const stored = await this.db<WaiverRow>('waivers')
      .where({ source: 'entity' })
      .whereIn(
        'entity_ref',
        products.map(product => stringifyEntityRef(product)),
      )
      .select('entity_ref', 'rule_id', 'reason', 'expires_at');
    const gone: Array<[string, string]> = [];
    for (const row of stored) {
      const key = `${row.entity_ref}\u0000${row.rule_id}`;
      const waiver = declared.get(key);
      if (!waiver) {
        gone.push([row.entity_ref, row.rule_id]);
      } else if (
        waiver.reason === row.reason &&
        waiver.expiresAt === row.expires_at
      ) {
        declared.delete(key);
      }
    }
    const requestedAt = this.now().toISOString();
    const requested = [...declared.values()].map(waiver =>
      requestRow(waiver, requestedAt),
    );
    for (const batch of chunks(requested)) {
      // A changed declaration is a new request, whatever was decided before.
      await this.db('waivers').insert(batch).onConflict(KEY).merge();
    }
    for (const batch of chunks(gone)) {
      await this.db('waivers')
        .where({ source: 'entity' })
        .whereIn(['entity_ref', 'rule_id'], batch)
        .delete();
    }
    return requested.map(toWaiver);
  }

  async approvedExpiring(range: {
    from: string;
    to: string;
  }): Promise<Array<{ waiver: Waiver; owner: string }>> {
    const rows = await this.db<WaiverRow>('waivers')
      .join('scorecards', 'scorecards.entity_ref', 'waivers.entity_ref')
      .where('waivers.status', 'approved')
      .where('waivers.expires_at', '>', range.from)
      .where('waivers.expires_at', '<=', range.to)
      .where('scorecards.stale', false)
      .whereNotNull('scorecards.owner')
      .orderBy(KEY.map(column => `waivers.${column}`))
      .select('waivers.*', 'scorecards.owner as owner');
    return rows.map(row => ({ waiver: toWaiver(row), owner: row.owner }));
  }

  async list(
    filter: { entityRef?: string; status?: WaiverStatus },
    visibility: Visibility,
  ): Promise<Waiver[]> {
    const query = whereVisible(
      this.db<WaiverRow>('waivers'),
      'entity_ref',
      visibility,
    ).orderBy(KEY);
    if (filter.entityRef) query.where({ entity_ref: filter.entityRef });
    if (filter.status) query.where({ status: filter.status });
    return (await query).map(toWaiver);
  }

  async request(waiver: ApiWaiverRequest): Promise<Waiver> {
    const row = requestRow(
      { ...waiver, source: 'api' },
      this.now().toISOString(),
    );
    await this.db('waivers').insert(row).onConflict(KEY).merge();
    return toWaiver(row);
  }

  async decide(
    key: WaiverKey,
    seen: Pick<Waiver, 'status' | 'reason' | 'expiresAt'>,
    decision: WaiverDecision,
  ): Promise<Waiver | undefined> {
    const updated = await this.db('waivers')
      .where({
        ...keyOf(key),
        status: seen.status,
        reason: seen.reason,
        expires_at: seen.expiresAt,
      })
      .update({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: this.now().toISOString(),
        comment: decision.comment ?? null,
      });
    if (updated === 0) {
      return undefined;
    }
    const row = await this.db<WaiverRow>('waivers').where(keyOf(key)).first();
    return row && toWaiver(row);
  }
}
