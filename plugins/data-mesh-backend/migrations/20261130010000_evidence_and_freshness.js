// @ts-check

// Why a result is stale, what a result is still waiting for, and the
// evidence the self-serve KPIs count: recorded by the suite, never read from
// annotations a product team can type.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table
      .text('stale_reason')
      .nullable()
      .comment('Why the result may be out of date, when stale');
    table
      .text('details')
      .nullable()
      .comment('JSON object: references pending in the catalog and until when');
  });

  await knex.schema.createTable('product_provenance', table => {
    table.comment(
      'Products created through a template, as the scaffolder recorded it when the run succeeded',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.string('template_ref', 255).notNullable();
    table
      .string('requested_at', 24)
      .notNullable()
      .comment('When the template run was requested');
    table.string('task_id', 255).nullable().comment('The scaffolder task');
    table
      .string('recorded_by', 255)
      .notNullable()
      .comment('The service principal that recorded it');
    table.string('recorded_at', 24).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('product_provenance');
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('details');
    table.dropColumn('stale_reason');
  });
};
