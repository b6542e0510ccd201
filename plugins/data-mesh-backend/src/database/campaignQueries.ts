import { Knex } from 'knex';
import type { CampaignStandard } from './CampaignStore';
import { Visibility, whereVisible } from './visibleProducts';

/**
 * SQL true for a scorecard row `s` that is not done: its score is below the
 * minimum, or it fails (unwaived) one of the targeted rules, scored or in
 * draft or grace, looked up by the hits' primary keys.
 */
export function notDoneSql(standard: CampaignStandard): {
  sql: string;
  bindings: Knex.Value[];
} {
  const parts: string[] = [];
  const bindings: Knex.Value[] = [];
  if (standard.minScore !== undefined) {
    parts.push('s.score < ?');
    bindings.push(standard.minScore);
  }
  if (standard.ruleIds.length > 0) {
    const marks = standard.ruleIds.map(() => '?').join(', ');
    for (const hits of ['scorecard_rule_hits', 'scorecard_upcoming_hits']) {
      parts.push(
        `EXISTS (SELECT 1 FROM ${hits} h WHERE h.entity_ref = s.entity_ref AND h.rule_id IN (${marks}))`,
      );
      bindings.push(...standard.ruleIds);
    }
  }
  return {
    sql: parts.length > 0 ? `(${parts.join(' OR ')})` : '(1 = 0)',
    bindings,
  };
}

/**
 * The stored scorecards (`s`) in a campaign's scope that the visibility
 * allows: an empty or missing list of the scope allows any value.
 */
export function inScope(
  db: Knex,
  standard: CampaignStandard,
  visibility: Visibility,
): Knex.QueryBuilder {
  const query = whereVisible(
    db({ s: 'scorecards' }),
    's.entity_ref',
    visibility,
  );
  const { domains, types, lifecycles } = standard.scope;
  if (domains?.length) {
    query.whereIn('s.domain', domains);
  }
  if (types?.length) {
    query.whereIn('s.product_type', types);
  }
  if (lifecycles?.length) {
    query.whereIn('s.lifecycle', lifecycles);
  }
  return query;
}

/** Products in scope and done per domain, aggregated in SQL. */
export async function countByDomain(
  db: Knex,
  standard: CampaignStandard,
  visibility: Visibility,
) {
  const notDone = notDoneSql(standard);
  const rows: Array<Record<string, unknown>> = await inScope(
    db,
    standard,
    visibility,
  )
    .select('s.domain')
    .count({ total: '*' })
    .select(
      db.raw(
        `SUM(CASE WHEN ${notDone.sql} THEN 0 ELSE 1 END) AS done`,
        notDone.bindings,
      ),
    )
    .groupBy('s.domain');
  return rows.map(row => ({
    domain: (row.domain as string | null) ?? undefined,
    total: Number(row.total),
    done: Number(row.done ?? 0),
  }));
}

/**
 * Writes the outcome of every product in scope (over the whole catalog) for
 * a closing campaign, as one INSERT … SELECT: nothing is read into memory.
 */
export async function insertOutcomes(
  tx: Knex,
  id: string,
  standard: CampaignStandard,
) {
  const notDone = notDoneSql(standard);
  const select = inScope(tx, standard, { all: true }).select(
    tx.raw('? AS campaign_id', [id]),
    's.entity_ref',
    's.domain',
    's.owner',
    's.score',
    tx.raw(
      `CASE WHEN ${notDone.sql} THEN FALSE ELSE TRUE END AS done`,
      notDone.bindings,
    ),
  );
  const { sql, bindings } = select.toSQL();
  await tx.raw(
    `INSERT INTO campaign_outcomes (campaign_id, entity_ref, domain, owner, score, done) ${sql}`,
    bindings as Knex.RawBinding[],
  );
}
