// @ts-check

// Waivers are requests until someone holding `data-mesh.waiver.approve`
// approves them. A product's spec (`spec.governance.waivers`) and the API
// each keep one waiver per rule: the key becomes (entity_ref, rule_id,
// source). Waivers granted through the API before this migration were
// granted by governance: they become approved by whoever granted them.
// History rows gain notes saying why a result changed, and scorecards list
// every waiver with whether it counts.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('waivers', table => {
    table.comment(
      'Waiver requests of a rule for a product, from its spec or the API, and their approval',
    );
    table.renameColumn('created_by', 'requested_by');
    table.renameColumn('created_at', 'requested_at');
  });
  await knex.schema.alterTable('waivers', table => {
    table
      .string('source', 8)
      .notNullable()
      .defaultTo('api')
      .comment('entity (the product spec) | api');
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('pending')
      .comment('pending | approved | rejected | revoked');
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('comment').nullable().comment('Why it was decided so');
  });
  await knex('waivers').update({
    status: 'approved',
    decided_by: knex.ref('requested_by'),
    decided_at: knex.ref('requested_at'),
  });
  await knex.schema.alterTable('waivers', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('waivers', table => {
    table
      .string('requested_by', 255)
      .nullable()
      .comment('The user who asked through the API; null for the spec')
      .alter();
  });
  await knex.schema.alterTable('waivers', table => {
    table.primary(['entity_ref', 'rule_id', 'source']);
  });

  await knex.schema.alterTable('scorecards', table => {
    table
      .text('waivers', 'longtext')
      .nullable()
      .comment('JSON array of the waivers listed, with whether each counts');
  });
  await knex.schema.alterTable('scorecard_history', table => {
    table
      .text('notes')
      .nullable()
      .comment('JSON array of why the result changed, for people');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_history', table => {
    table.dropColumn('notes');
  });
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('waivers');
  });
  // Only the API's approved waivers existed before.
  await knex('waivers')
    .whereNot({ source: 'api' })
    .orWhereNot({ status: 'approved' })
    .delete();
  await knex.schema.alterTable('waivers', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('waivers', table => {
    table.dropColumn('comment');
    table.dropColumn('decided_at');
    table.dropColumn('decided_by');
    table.dropColumn('status');
    table.dropColumn('source');
  });
  await knex.schema.alterTable('waivers', table => {
    table.primary(['entity_ref', 'rule_id']);
  });
  await knex.schema.alterTable('waivers', table => {
    table.renameColumn('requested_by', 'created_by');
    table.renameColumn('requested_at', 'created_at');
  });
  await knex.schema.alterTable('waivers', table => {
    table.string('created_by', 255).notNullable().alter();
  });
};
