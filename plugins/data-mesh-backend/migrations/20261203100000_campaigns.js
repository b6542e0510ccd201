// @ts-check

// Campaigns: governance raising products in a scope to a standard (rules
// they must stop failing, or a minimum score) by a deadline. Progress is
// recorded per day and domain by the tracking task; when a campaign closes,
// the outcome of every product in its scope is kept, so the summary stays
// readable (and filterable by catalog visibility) once scores move on.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Campaign progress reads only these columns of every product in scope:
  // a covering index lets it scan the index, not the wide rows (violations
  // and details are JSON text).
  await knex.schema.alterTable('scorecards', table => {
    table.index(
      ['domain', 'product_type', 'lifecycle', 'score', 'entity_ref'],
      'scorecards_campaign_idx',
    );
  });
  await knex.schema.createTable('campaigns', table => {
    table.comment(
      'Governance campaigns: a standard, a scope, a target and a deadline',
    );
    table.string('id', 36).primary().notNullable();
    table.string('name', 200).notNullable();
    table.text('rule_ids').notNullable().comment('JSON array of rule ids');
    table.double('min_score').nullable();
    table
      .text('scope')
      .notNullable()
      .comment('JSON { domains, types, lifecycles }; an empty list is any');
    table.double('target_share').notNullable().comment('0 < share <= 1');
    table.string('deadline', 10).notNullable().comment('YYYY-MM-DD, inclusive');
    table.string('start_day', 10).notNullable();
    table
      .double('start_share')
      .notNullable()
      .comment('Share done on the start day: where the ideal line starts');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.string('status', 8).notNullable().comment('open | met | missed');
    table
      .string('health', 10)
      .notNullable()
      .comment('on-track | at-risk | met | missed, as last tracked');
    table.string('tracked_at', 24).nullable();
    table.string('closed_at', 24).nullable();
    table.double('final_share').nullable();
    table.index(['status', 'deadline'], 'campaigns_status_idx');
  });

  await knex.schema.createTable('campaign_progress_daily', table => {
    table.comment('Products in scope and done, per campaign, day and domain');
    table.string('campaign_id', 36).notNullable();
    table.string('day', 10).notNullable();
    table.string('domain', 255).notNullable().comment('"" for no domain');
    table.integer('total_count').notNullable();
    table.integer('done_count').notNullable();
    table.primary(['campaign_id', 'day', 'domain']);
  });

  await knex.schema.createTable('campaign_outcomes', table => {
    table.comment('Each product in scope when its campaign closed');
    table.string('campaign_id', 36).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('domain', 255).nullable();
    table.string('owner', 255).nullable();
    table.double('score').notNullable();
    table.boolean('done').notNullable();
    table.primary(['campaign_id', 'entity_ref']);
    table.index(
      ['campaign_id', 'done', 'entity_ref'],
      'campaign_outcomes_done_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.dropIndex([], 'scorecards_campaign_idx');
  });
  await knex.schema.dropTable('campaign_outcomes');
  await knex.schema.dropTable('campaign_progress_daily');
  await knex.schema.dropTable('campaigns');
};
