import {
  NO_DOMAIN,
  RollupFigures,
  RollupTrendPoint,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { CurrentRollups, MESH, RollupStore } from './RollupStore';
import { Visibility, whereVisible } from './visibleProducts';

const TOP_RULES = 5;

const round = (value: number) => Math.round(value * 100) / 100;

/** The rollup store on the plugin's database, aggregating in SQL. */
export class DatabaseRollupStore implements RollupStore {
  constructor(private readonly db: Knex) {}

  /**
   * The rollups of the products the caller may see, aggregated in SQL per
   * domain: only per-domain figures come back, whatever the number of
   * products.
   */
  async current(visibility: Visibility): Promise<CurrentRollups> {
    const scorecards = whereVisible(
      this.db('scorecards'),
      'entity_ref',
      visibility,
    );
    const ruleHits = whereVisible(
      this.db('scorecard_rule_hits'),
      'entity_ref',
      visibility,
    );
    const rows: Array<Record<string, any>> = await scorecards
      .select('domain')
      .count({ product_count: '*' })
      .sum({ score_sum: 'score' })
      .min({ minimum_score: 'score' })
      .select(
        this.db.raw(
          'SUM(CASE WHEN status_rank = 2 THEN 1 ELSE 0 END) AS pass_count',
        ),
        this.db.raw(
          'SUM(CASE WHEN status_rank = 1 THEN 1 ELSE 0 END) AS warn_count',
        ),
        this.db.raw(
          'SUM(CASE WHEN status_rank = 0 THEN 1 ELSE 0 END) AS fail_count',
        ),
      )
      .groupBy('domain');
    const hits: Array<Record<string, any>> = await ruleHits
      .select('domain', 'rule_id')
      .count({ count: '*' })
      .groupBy('domain', 'rule_id');

    const rulesByDomain = new Map<string, Map<string, number>>();
    const meshRules = new Map<string, number>();
    for (const hit of hits) {
      const count = Number(hit.count);
      // Products without a domain are counted in an explicit bucket.
      const key = hit.domain ?? NO_DOMAIN;
      const domainRules = rulesByDomain.get(key) ?? new Map();
      rulesByDomain.set(key, domainRules);
      domainRules.set(hit.rule_id, count);
      meshRules.set(hit.rule_id, (meshRules.get(hit.rule_id) ?? 0) + count);
    }
    const top = (rules: Map<string, number> | undefined) =>
      [...(rules ?? new Map<string, number>()).entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP_RULES)
        .map(([ruleId, count]) => ({ ruleId, count }));

    const domains = new Map<string, RollupFigures>();
    const mesh = { count: 0, sum: 0, min: Infinity, pass: 0, warn: 0, fail: 0 };
    for (const row of rows) {
      const count = Number(row.product_count);
      const sum = Number(row.score_sum);
      const min = Number(row.minimum_score);
      const figures = {
        productCount: count,
        averageScore: round(sum / count),
        minimumScore: min,
        passCount: Number(row.pass_count),
        warnCount: Number(row.warn_count),
        failCount: Number(row.fail_count),
        topFailingRules: top(rulesByDomain.get(row.domain ?? NO_DOMAIN)),
      };
      domains.set(row.domain ?? NO_DOMAIN, figures);
      mesh.count += count;
      mesh.sum += sum;
      mesh.min = Math.min(mesh.min, min);
      mesh.pass += figures.passCount;
      mesh.warn += figures.warnCount;
      mesh.fail += figures.failCount;
    }
    return {
      domains,
      mesh: {
        productCount: mesh.count,
        averageScore: mesh.count ? round(mesh.sum / mesh.count) : null,
        minimumScore: mesh.count ? mesh.min : null,
        passCount: mesh.pass,
        warnCount: mesh.warn,
        failCount: mesh.fail,
        topFailingRules: top(meshRules),
      },
    };
  }

  /** Records today's rollups (replacing any earlier ones of the same day). */
  async saveDaily(day: string, rollups: CurrentRollups): Promise<void> {
    const rows = [
      [MESH, rollups.mesh] as const,
      ...rollups.domains.entries(),
    ].map(([domain, figures]) => ({
      day,
      domain,
      product_count: figures.productCount,
      average_score: figures.averageScore ?? 0,
      minimum_score: figures.minimumScore ?? 0,
      pass_count: figures.passCount,
      warn_count: figures.warnCount,
      fail_count: figures.failCount,
      top_failing_rules: JSON.stringify(figures.topFailingRules),
    }));
    await this.db.transaction(async tx => {
      await tx('domain_rollups_daily').where({ day }).delete();
      await tx('domain_rollups_daily').insert(rows);
    });
  }

  /** Daily points from `fromDay` on, per domain key (`*` for the mesh). */
  async trends(fromDay: string): Promise<Map<string, RollupTrendPoint[]>> {
    const rows = await this.db('domain_rollups_daily')
      .where('day', '>=', fromDay)
      .orderBy('day', 'asc')
      .select('day', 'domain', 'average_score', 'product_count');
    const trends = new Map<string, RollupTrendPoint[]>();
    for (const row of rows) {
      const points = trends.get(row.domain) ?? [];
      trends.set(row.domain, points);
      points.push({
        day: row.day,
        averageScore: Number(row.product_count)
          ? Number(row.average_score)
          : null,
        productCount: Number(row.product_count),
      });
    }
    return trends;
  }

  /** Deletes daily rollups before `beforeDay`. */
  async deleteBefore(beforeDay: string): Promise<number> {
    return this.db('domain_rollups_daily')
      .where('day', '<', beforeDay)
      .delete();
  }
}
