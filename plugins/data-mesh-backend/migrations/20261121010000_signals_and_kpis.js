// @ts-check

// Signals from pipelines (SLO measurements, quality test results), the facts
// the KPIs are computed from, and the daily KPI snapshots. Times are ISO-8601
// UTC strings and days `YYYY-MM-DD`, as in the first migration.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('measurements', table => {
    table.comment(
      'SLO checks posted by pipelines, kept for the rolling window',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('freshness | availability | completeness | accuracy');
    table.string('observed_at', 24).notNullable();
    table
      .boolean('passed')
      .notNullable()
      .comment('Whether the check met the target in force when it was taken');
    table
      .double('value')
      .nullable()
      .comment(
        'Lag in seconds (freshness) or percent (completeness, accuracy)',
      );
    table
      .string('source', 32)
      .notNullable()
      .comment('api | dbt | great-expectations');
    table.index(['entity_ref', 'kind', 'observed_at'], 'measurements_ref_idx');
    table.index(['observed_at'], 'measurements_observed_idx');
  });

  await knex.schema.createTable('quality_test_results', table => {
    table.comment('The latest result of each quality test of each product');
    table.string('entity_ref', 255).notNullable();
    table.string('test', 255).notNullable();
    table.boolean('passed').notNullable();
    table.string('observed_at', 24).notNullable();
    table.text('message').nullable();
    table.string('source', 32).notNullable();
    table.primary(['entity_ref', 'test']);
  });

  await knex.schema.createTable('product_facts', table => {
    table.comment('Per product, what the mesh-adoption KPIs are computed from');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('domain', 255).notNullable();
    table.string('lifecycle', 64).notNullable();
    table.boolean('self_serve').notNullable();
    table.boolean('cross_domain').notNullable();
    table.integer('consumer_count').notNullable();
    table.boolean('documentation_complete').notNullable();
    table
      .boolean('slo_compliant')
      .nullable()
      .comment('Null when nothing is measured');
    table
      .double('score')
      .nullable()
      .comment('The governance score, as in scorecards');
    table.string('requested_at', 24).nullable();
    table.string('first_seen_at', 24).notNullable();
    table
      .string('first_production_at', 24)
      .nullable()
      .comment('When the product was first seen with lifecycle production');
    table.string('facts_hash', 64).notNullable();
    table.index(['domain'], 'product_facts_domain_idx');
  });

  await knex.schema.createTable('kpi_state', table => {
    table.comment(
      'A counter every change of product_facts bumps, so replicas know when to recompute',
    );
    table.integer('id').primary();
    table.bigInteger('facts_version').notNullable();
  });
  await knex('kpi_state').insert({ id: 1, facts_version: 0 });

  await knex.schema.createTable('kpi_snapshots', table => {
    table.comment('One row per KPI per day');
    table.string('day', 10).notNullable();
    table.string('kpi_id', 64).notNullable();
    table.double('value').nullable();
    table
      .text('by_domain')
      .notNullable()
      .comment('JSON array of domain values');
    table.string('taken_at', 24).notNullable();
    table.primary(['day', 'kpi_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kpi_snapshots');
  await knex.schema.dropTable('kpi_state');
  await knex.schema.dropTable('product_facts');
  await knex.schema.dropTable('quality_test_results');
  await knex.schema.dropTable('measurements');
};
