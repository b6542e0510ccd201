// @ts-check

// Numbers are doubles (knex's float is float(8,2) on MySQL). Times are
// stored as ISO-8601 UTC strings (`2026-11-21T10:00:00.000Z`) and
// days as `YYYY-MM-DD`: they sort the same on SQLite, PostgreSQL and MySQL,
// and no driver converts them between time zones.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards', table => {
    table.comment('The latest governance result of each data product');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('domain', 255).nullable().comment('Domain entity ref');
    table.string('owner', 255).nullable().comment('Owner entity ref');
    table.string('product_type', 32).nullable();
    table.string('lifecycle', 64).nullable();
    table.double('score').notNullable();
    table.string('status', 8).notNullable().comment('pass | warn | fail');
    table
      .integer('status_rank')
      .notNullable()
      .comment('0 fail, 1 warn, 2 pass: sorts worst first');
    table.integer('error_count').notNullable();
    table.integer('warning_count').notNullable();
    table.integer('info_count').notNullable();
    table.integer('waived_count').notNullable();
    table
      .text('violations', 'longtext')
      .notNullable()
      .comment('JSON array of violations');
    table.string('policy_version', 64).notNullable();
    table
      .string('result_hash', 64)
      .notNullable()
      .comment(
        'Hash of the whole result, messages included: rewritten when it changes',
      );
    table
      .string('outcome_hash', 64)
      .notNullable()
      .comment(
        'Hash of score, status and the rules broken where: history when it changes',
      );
    table.boolean('stale').notNullable().defaultTo(false);
    table.string('evaluated_at', 24).notNullable();
    table
      .string('changed_at', 24)
      .notNullable()
      .comment('When the result last changed');
    table.index(['domain', 'entity_ref'], 'scorecards_domain_idx');
    table.index(['status', 'entity_ref'], 'scorecards_status_idx');
    table.index(['score', 'entity_ref'], 'scorecards_score_idx');
  });

  await knex.schema.createTable('scorecard_rule_hits', table => {
    table.comment('The rules each product violates (unwaived), for rollups');
    table.string('entity_ref', 255).notNullable();
    table.string('rule_id', 64).notNullable();
    table.string('domain', 255).nullable();
    table.primary(['entity_ref', 'rule_id']);
    table.index(['domain', 'rule_id'], 'scorecard_rule_hits_domain_idx');
  });

  await knex.schema.createTable('scorecard_history', table => {
    table.comment('One row per change of a product result');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.double('score').notNullable();
    table.string('status', 8).notNullable();
    table.integer('error_count').notNullable();
    table.integer('warning_count').notNullable();
    table
      .text('rule_ids')
      .notNullable()
      .comment('JSON array of the unwaived rule ids violated');
    table.string('policy_version', 64).notNullable();
    table.string('recorded_at', 24).notNullable();
    table.index(['entity_ref', 'recorded_at'], 'scorecard_history_ref_idx');
    table.index(['recorded_at'], 'scorecard_history_recorded_idx');
  });

  await knex.schema.createTable('domain_rollups_daily', table => {
    table.comment('Daily rollup per domain; domain "*" is the whole mesh');
    table.string('day', 10).notNullable();
    table.string('domain', 255).notNullable();
    table.integer('product_count').notNullable();
    table.double('average_score').notNullable();
    table.double('minimum_score').notNullable();
    table.integer('pass_count').notNullable();
    table.integer('warn_count').notNullable();
    table.integer('fail_count').notNullable();
    table
      .text('top_failing_rules')
      .notNullable()
      .comment('JSON array of { ruleId, count }');
    table.primary(['day', 'domain']);
  });

  await knex.schema.createTable('waivers', table => {
    table.comment('Rule waivers granted to a product until an expiry date');
    table.string('entity_ref', 255).notNullable();
    table.string('rule_id', 64).notNullable();
    table.text('reason').notNullable();
    table.string('expires_at', 24).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.primary(['entity_ref', 'rule_id']);
  });

  await knex.schema.createTable('sweeps', table => {
    table.comment('Outcome of each full governance sweep');
    table.bigIncrements('id').primary();
    table.string('started_at', 24).notNullable();
    table.string('finished_at', 24).nullable();
    table
      .string('outcome', 32)
      .notNullable()
      .comment('running | ok | catalog-unavailable | empty-read | failed');
    table.integer('product_count').notNullable().defaultTo(0);
    table.integer('changed_count').notNullable().defaultTo(0);
    table.text('message').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sweeps');
  await knex.schema.dropTable('waivers');
  await knex.schema.dropTable('domain_rollups_daily');
  await knex.schema.dropTable('scorecard_history');
  await knex.schema.dropTable('scorecard_rule_hits');
  await knex.schema.dropTable('scorecards');
};
