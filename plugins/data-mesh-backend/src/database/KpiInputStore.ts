import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { insertRows } from './insertRows';
import { chunks } from './rows';
import { Visibility, whereVisible } from './visibleProducts';

/** What the KPIs need to know of one product. */
export interface KpiInputs {
  entityRef: string;
  /** Entity ref of the Domain. */
  domain: string;
  lifecycle: string;
  /** Created through a template: the scaffolder recorded it (never an annotation). */
  selfServe: boolean;
  /** Reads from an upstream product of another domain. */
  crossDomain: boolean;
  /** Entities that read the product; undefined keeps the stored count. */
  consumerCount?: number;
  /** No unwaived violation of a documentation rule. */
  documentationComplete: boolean;
  /** Every measured SLO met; null when nothing is measured. */
  sloCompliant: boolean | null;
  /** When the template run that created it was requested, as recorded. */
  requestedAt: string | null;
  /** The governance score. */
  score: number | null;
}

/** A stored product, with its milestones. */
export interface KpiInputsRow extends Required<KpiInputs> {
  firstSeenAt: string;
  firstProductionAt: string | null;
}

/**
 * When a product first reached production: the first evaluation that saw
 * it with lifecycle `production`. Once set it stays, whatever the product
 * declares later.
 */
function firstProduction(
  stored: string | null | undefined,
  fact: KpiInputs,
  now: string,
): string | null {
  if (stored) {
    return stored;
  }
  return fact.lifecycle === 'production' ? now : null;
}

/**
 * The per-product inputs of the KPIs, with the milestones the time-to-data
 * KPI reads: when the product was first seen, and first seen in production.
 */
export class KpiInputStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): KpiInputStore {
    return new KpiInputStore(db);
  }

  /** Stores the facts that changed; keeps milestones once set. Returns how many changed. */
  async record(facts: KpiInputs[], now: string): Promise<number> {
    const existing = new Map<string, any>();
    for (const batch of chunks(facts.map(f => f.entityRef))) {
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
    const rows = facts.flatMap(fact => {
      const before = existing.get(fact.entityRef);
      const row = {
        entity_ref: fact.entityRef,
        domain: fact.domain,
        lifecycle: fact.lifecycle,
        self_serve: fact.selfServe,
        cross_domain: fact.crossDomain,
        consumer_count:
          fact.consumerCount ?? Number(before?.consumer_count ?? 0),
        documentation_complete: fact.documentationComplete,
        slo_compliant: fact.sloCompliant,
        score: fact.score,
        requested_at: fact.requestedAt,
        first_seen_at: before?.first_seen_at ?? now,
        first_production_at: firstProduction(
          before?.first_production_at,
          fact,
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

  /**
   * When each of these products was first seen, for those seen before.
   */
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

  /**
   * Forgets products the catalog confirmed are gone (their milestones go
   * with them). A product that only dropped out of one read keeps its
   * dates: callers delete only what the catalog confirmed.
   */
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

  /** Changes whenever any product's facts change, on any replica. */
  async version(): Promise<number> {
    const row = await this.db('kpi_state')
      .where({ id: 1 })
      .first('facts_version');
    return Number(row?.facts_version ?? 0);
  }

  /** Every stored product (for tests and tools; the KPIs read sums). */
  async rows(): Promise<KpiInputsRow[]> {
    const rows: Array<Record<string, any>> = await this.db('product_facts');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      domain: row.domain,
      lifecycle: row.lifecycle,
      selfServe: Boolean(row.self_serve),
      crossDomain: Boolean(row.cross_domain),
      consumerCount: Number(row.consumer_count),
      documentationComplete: Boolean(row.documentation_complete),
      sloCompliant:
        row.slo_compliant === null ? null : Boolean(row.slo_compliant),
      requestedAt: row.requested_at,
      firstSeenAt: row.first_seen_at,
      firstProductionAt: row.first_production_at,
      score: row.score === null ? null : Number(row.score),
    }));
  }

  /** Sums per domain over the products the caller may see, in one query. */
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
        sum('f.documentation_complete', 'documented'),
        sum('f.slo_compliant IS NOT NULL', 'slo_measured'),
        sum('f.slo_compliant', 'slo_compliant'),
      )
      .sum({ consumers: 'f.consumer_count', score_sum: 'f.score' })
      .count({ scored: 'f.score' })
      .groupBy('f.domain');
  }

  /**
   * Request and first production of the self-served products the caller
   * may see, per domain.
   */
  async deliveries(
    visibility: Visibility,
  ): Promise<
    Array<Pick<KpiInputsRow, 'domain' | 'requestedAt' | 'firstProductionAt'>>
  > {
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
