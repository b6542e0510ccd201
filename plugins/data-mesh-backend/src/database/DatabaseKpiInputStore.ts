import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { insertRows } from './insertRows';
import {
  KpiDelivery,
  KpiInputs,
  KpiInputsRow,
  KpiInputStore,
} from './KpiInputStore';
import { chunks } from './rows';
import { Visibility, whereVisible } from './visibleProducts';

/**
 * When a product first reached production: the first evaluation that saw
 * it with lifecycle `production`. Once set it stays, whatever the product
 * declares later.
 */
function firstProduction(
  stored: string | null | undefined,
  input: KpiInputs,
  now: string,
): string | null {
  if (stored) {
    return stored;
  }
  return input.lifecycle === 'production' ? now : null;
}

/**
 * The KPI input store on the plugin's database: one row per product in
 * `product_facts` (a table name kept from before KPI inputs had their own
 * name; the engine's facts are what rules read, see `RuleFacts`).
 */
export class DatabaseKpiInputStore implements KpiInputStore {
  constructor(private readonly db: Knex) {}

  async record(inputs: KpiInputs[], now: string): Promise<number> {
    const existing = new Map<string, any>();
    for (const batch of chunks(inputs.map(i => i.entityRef))) {
      for (const row of await this.db('product_facts')
        .whereIn('entity_ref', batch)
        .select(
          'entity_ref',
          'consumer_count',
          'first_seen_at',
          'first_production_at',
          'facts_hash',
        )) {
        existing.set(row.entity_ref, row);
      }
    }
    const rows = inputs.flatMap(input => {
      const before = existing.get(input.entityRef);
      const row = {
        entity_ref: input.entityRef,
        domain: input.domain,
        lifecycle: input.lifecycle,
        self_serve: input.selfServe,
        cross_domain: input.crossDomain,
        consumer_count:
          input.consumerCount ?? Number(before?.consumer_count ?? 0),
        declared_cross_domain: input.declaredCrossDomain ?? false,
        declared_consumer_count: input.declaredConsumerCount ?? 0,
        documentation_complete: input.documentationComplete,
        slo_compliant: input.sloCompliant,
        score: input.score,
        requested_at: input.requestedAt,
        first_seen_at: before?.first_seen_at ?? now,
        first_production_at: firstProduction(
          before?.first_production_at,
          input,
          now,
        ),
      };
      const hash = createHash('sha256')
        .update(JSON.stringify(row))
        .digest('hex');
      return before?.facts_hash === hash ? [] : [{ ...row, facts_hash: hash }];
    });
    await insertRows(this.db, 'product_facts', rows, {
      onConflict: ['entity_ref'],
    });
    if (rows.length) {
      await this.#bumpVersion();
    }
    return rows.length;
  }

  async firstSeen(entityRefs: string[]): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    for (const batch of chunks(entityRefs)) {
      const rows = await this.db('product_facts')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'first_seen_at');
      for (const row of rows) {
        seen.set(row.entity_ref, row.first_seen_at);
      }
    }
    return seen;
  }

  async delete(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(entityRefs)) {
      deleted += await this.db('product_facts')
        .whereIn('entity_ref', batch)
        .delete();
    }
    if (deleted) {
      await this.#bumpVersion();
    }
    return deleted;
  }

  async #bumpVersion() {
    await this.db('kpi_state')
      .where({ id: 1 })
      .update({ facts_version: this.db.raw('facts_version + 1') });
  }

  async version(): Promise<number> {
    const row = await this.db('kpi_state')
      .where({ id: 1 })
      .first('facts_version');
    return Number(row?.facts_version ?? 0);
  }

  async rows(): Promise<KpiInputsRow[]> {
    const rows: Array<Record<string, any>> = await this.db('product_facts');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      domain: row.domain,
      lifecycle: row.lifecycle,
      selfServe: Boolean(row.self_serve),
      crossDomain: Boolean(row.cross_domain),
      consumerCount: Number(row.consumer_count),
      declaredCrossDomain: Boolean(row.declared_cross_domain),
      declaredConsumerCount: Number(row.declared_consumer_count),
      documentationComplete: Boolean(row.documentation_complete),
      sloCompliant:
        row.slo_compliant === null ? null : Boolean(row.slo_compliant),
      requestedAt: row.requested_at,
      firstSeenAt: row.first_seen_at,
      firstProductionAt: row.first_production_at,
      score: row.score === null ? null : Number(row.score),
    }));
  }

  async sumsByDomain(
    visibility: Visibility,
  ): Promise<Array<Record<string, any>>> {
    const sum = (expression: string, alias: string) =>
      this.db.raw(`SUM(CASE WHEN ${expression} THEN 1 ELSE 0 END) AS ${alias}`);
    return whereVisible(
      this.db('product_facts as f'),
      'f.entity_ref',
      visibility,
    )
      .select('f.domain')
      .count({ products: '*' })
      .select(
        sum("f.lifecycle = 'production'", 'in_production'),
        sum('f.self_serve', 'self_serve'),
        sum('f.cross_domain', 'cross_domain'),
        sum('f.declared_cross_domain', 'declared_cross_domain'),
        sum('f.documentation_complete', 'documented'),
        sum('f.slo_compliant IS NOT NULL', 'slo_measured'),
        sum('f.slo_compliant', 'slo_compliant'),
      )
      .sum({
        consumers: 'f.consumer_count',
        declared_consumers: 'f.declared_consumer_count',
        score_sum: 'f.score',
      })
      .count({ scored: 'f.score' })
      .groupBy('f.domain');
  }

  async deliveries(visibility: Visibility): Promise<KpiDelivery[]> {
    const rows = await whereVisible(
      this.db('product_facts'),
      'entity_ref',
      visibility,
    )
      .whereNotNull('requested_at')
      .whereNotNull('first_production_at')
      .select('domain', 'requested_at', 'first_production_at');
    return rows.map(row => ({
      domain: row.domain,
      requestedAt: row.requested_at,
      firstProductionAt: row.first_production_at,
    }));
  }
}
