import type { CampaignFailingPage } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import {
  countByDomain,
  insertOutcomes,
  inScope,
  notDoneSql,
} from './campaignQueries';
import { fromCampaignRow, toCampaignRow } from './campaignRows';
import type {
  CampaignRecord,
  CampaignStandard,
  CampaignStore,
  DomainCount,
  OwnerCount,
  ProductFacts,
} from './CampaignStore';
import { insertRows } from './insertRows';
import { transactionWithRetry } from './rowLocks';
import { unwaivedRuleIds, upcomingHits } from './rows';
import { EVERY_PRODUCT, Visibility, whereVisible } from './visibleProducts';

/**
 * The campaign store on the plugin's database. Progress is counted in SQL
 * over `scorecards` and the rule hits, scored and upcoming (only per-domain figures come
 * back); a closing campaign's outcomes are written by one INSERT … SELECT.
 */
export class DatabaseCampaignStore implements CampaignStore {
  constructor(private readonly db: Knex) {}

  async create(campaign: CampaignRecord): Promise<void> {
    await this.db('campaigns').insert(toCampaignRow(campaign));
  }

  async get(id: string): Promise<CampaignRecord | undefined> {
    const row = await this.db('campaigns').where({ id }).first();
    return row ? fromCampaignRow(row) : undefined;
  }

  async list(
    options: { status?: CampaignRecord['status']; limit?: number } = {},
  ): Promise<CampaignRecord[]> {
    const query = this.db('campaigns')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(options.limit ?? 500);
    if (options.status) {
      query.where({ status: options.status });
    }
    return (await query).map(fromCampaignRow);
  }

  progress(
    standard: CampaignStandard,
    visibility: Visibility,
  ): Promise<DomainCount[]> {
    return countByDomain(this.db, standard, visibility);
  }

  async closedProgress(
    id: string,
    visibility: Visibility,
  ): Promise<DomainCount[]> {
    const rows: Array<Record<string, unknown>> = await whereVisible(
      this.db('campaign_outcomes').where({ campaign_id: id }),
      'entity_ref',
      visibility,
    )
      .select('domain')
      .count({ total: '*' })
      .select(
        this.db.raw('SUM(CASE WHEN done = ? THEN 1 ELSE 0 END) AS done', [
          true,
        ]),
      )
      .groupBy('domain');
    return rows.map(row => ({
      domain: (row.domain as string | null) ?? undefined,
      total: Number(row.total),
      done: Number(row.done ?? 0),
    }));
  }

  async saveDay(
    id: string,
    day: string,
    counts: DomainCount[],
    tracked: { health: CampaignRecord['health']; trackedAt: string },
  ): Promise<void> {
    await transactionWithRetry(this.db, async tx => {
      await tx('campaign_progress_daily')
        .where({ campaign_id: id, day })
        .delete();
      await insertRows(
        tx,
        'campaign_progress_daily',
        counts.map(count => ({
          campaign_id: id,
          day,
          domain: count.domain ?? '',
          total_count: count.total,
          done_count: count.done,
        })),
      );
      await tx('campaigns')
        .where({ id })
        .update({ health: tracked.health, tracked_at: tracked.trackedAt });
    });
  }

  async days(id: string) {
    const rows: Array<Record<string, unknown>> = await this.db(
      'campaign_progress_daily',
    )
      .where({ campaign_id: id })
      .select('day')
      .sum({ total: 'total_count', done: 'done_count' })
      .groupBy('day')
      .orderBy('day');
    return rows.map(row => ({
      day: String(row.day),
      total: Number(row.total),
      done: Number(row.done),
    }));
  }

  async close(
    campaign: CampaignRecord,
    outcome: 'met' | 'missed',
    finalShare: number,
    closedAt: string,
  ): Promise<boolean> {
    return transactionWithRetry(this.db, async tx => {
      const updated = await tx('campaigns')
        .where({ id: campaign.id, status: 'open' })
        .update({
          status: outcome,
          health: outcome,
          closed_at: closedAt,
          final_share: finalShare,
        });
      if (updated === 0) {
        return false;
      }
      await insertOutcomes(tx, campaign.id, campaign);
      return true;
    });
  }

  async failing(
    campaign: CampaignRecord,
    visibility: Visibility,
    page: { limit: number; after?: string },
  ): Promise<CampaignFailingPage> {
    const open = campaign.status === 'open';
    let query: Knex.QueryBuilder;
    if (open) {
      const notDone = notDoneSql(campaign);
      query = inScope(this.db, campaign, visibility).whereRaw(
        notDone.sql,
        notDone.bindings,
      );
    } else {
      query = whereVisible(
        this.db({ s: 'campaign_outcomes' }).where({
          's.campaign_id': campaign.id,
          's.done': false,
        }),
        's.entity_ref',
        visibility,
      );
    }
    if (page.after !== undefined) {
      query.where('s.entity_ref', '>', page.after);
    }
    const rows: Array<Record<string, any>> = await query
      .select('s.entity_ref', 's.domain', 's.owner', 's.score')
      .orderBy('s.entity_ref')
      .limit(page.limit + 1);
    const items = rows.slice(0, page.limit);
    const hits = new Map<string, string[]>();
    if (open && campaign.ruleIds.length > 0 && items.length > 0) {
      const refs = items.map(row => row.entity_ref);
      const found: Array<{ entity_ref: string; rule_id: string }> = [];
      for (const table of ['scorecard_rule_hits', 'scorecard_upcoming_hits']) {
        found.push(
          ...(await this.db(table)
            .whereIn('entity_ref', refs)
            .whereIn('rule_id', campaign.ruleIds)
            .select('entity_ref', 'rule_id')),
        );
      }
      found.sort((a, b) => a.rule_id.localeCompare(b.rule_id));
      for (const hit of found) {
        hits.set(hit.entity_ref, [
          ...(hits.get(hit.entity_ref) ?? []),
          hit.rule_id,
        ]);
      }
    }
    return {
      items: items.map(row => ({
        entityRef: row.entity_ref,
        ...(row.domain ? { domain: row.domain } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
        score: Number(row.score),
        failingRules: hits.get(row.entity_ref) ?? [],
      })),
      ...(rows.length > page.limit
        ? { nextCursor: items[items.length - 1].entity_ref }
        : {}),
    };
  }

  async failingOwners(campaign: CampaignRecord): Promise<OwnerCount[]> {
    let query: Knex.QueryBuilder;
    if (campaign.status === 'open') {
      const notDone = notDoneSql(campaign);
      query = inScope(this.db, campaign, EVERY_PRODUCT).whereRaw(
        notDone.sql,
        notDone.bindings,
      );
    } else {
      query = this.db({ s: 'campaign_outcomes' }).where({
        's.campaign_id': campaign.id,
        's.done': false,
      });
    }
    const rows: Array<Record<string, unknown>> = await query
      .whereNotNull('s.owner')
      .select('s.owner')
      .count({ count: '*' })
      .groupBy('s.owner')
      .orderBy('s.owner');
    return rows.map(row => ({
      owner: String(row.owner),
      count: Number(row.count),
    }));
  }

  async productFacts(entityRef: string): Promise<ProductFacts | undefined> {
    const row = await this.db('scorecards')
      .where({ entity_ref: entityRef })
      .first(
        'domain',
        'product_type',
        'lifecycle',
        'score',
        'violations',
        'details',
      );
    if (!row) {
      return undefined;
    }
    return {
      domain: row.domain ?? undefined,
      type: row.product_type ?? undefined,
      lifecycle: row.lifecycle ?? undefined,
      score: Number(row.score),
      ruleIds: [
        ...unwaivedRuleIds({ violations: JSON.parse(row.violations) }),
        ...upcomingHits(row.details ? JSON.parse(row.details) : {}).map(
          hit => hit.ruleId,
        ),
      ],
    };
  }
}
