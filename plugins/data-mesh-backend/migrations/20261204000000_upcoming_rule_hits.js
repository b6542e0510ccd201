// @ts-check

// Campaigns may target a rule before it is scored (in draft, or in grace
// before its date): the rules in draft or grace each product fails
// (unwaived) are kept beside the scored ones, so campaign progress counts
// them in SQL too. Existing results are read once to fill the table.

const BATCH = 500;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_upcoming_hits', table => {
    table.comment(
      'The rules in draft or grace each product fails (unwaived), for campaigns',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('rule_id', 64).notNullable();
    table.string('state', 16).notNullable().comment('draft | grace');
    table.primary(['entity_ref', 'rule_id']);
  });

  let after = '';
  for (;;) {
    /** @type {Array<{ entity_ref: string; details: string }>} */
    const rows = await knex('scorecards')
      .whereNotNull('details')
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(BATCH)
      .select('entity_ref', 'details');
    if (rows.length === 0) break;
    after = rows[rows.length - 1].entity_ref;
    const hits = rows.flatMap(row =>
      (JSON.parse(row.details).upcoming ?? [])
        .filter(
          (/** @type {any} */ rule) =>
            (rule.state === 'draft' || rule.state === 'grace') && !rule.passes,
        )
        .map((/** @type {any} */ rule) => ({
          entity_ref: row.entity_ref,
          rule_id: rule.ruleId,
          state: rule.state,
        })),
    );
    if (hits.length > 0) {
      await knex.batchInsert('scorecard_upcoming_hits', hits, 100);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_upcoming_hits');
};
