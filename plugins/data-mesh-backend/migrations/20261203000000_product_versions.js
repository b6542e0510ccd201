// @ts-check

// Each version of a data product the plugin has seen: a compact snapshot of
// its contract (schema fields, output ports, SLOs), recorded by sweeps and
// re-scores when the version, the contract or the lifecycle changes. The
// breaking-change rule compares a product with its last version in
// production that broke nothing unannounced; the product page lists the
// history.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('product_versions', table => {
    table.comment('Versions of data products seen, oldest first by id');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable().comment('The data product');
    table
      .string('version', 64)
      .nullable()
      .comment('spec.version; null when the product declares none');
    table
      .string('lifecycle', 64)
      .notNullable()
      .comment('spec.lifecycle when the version was seen');
    table
      .string('snapshot_hash', 64)
      .notNullable()
      .comment('SHA-256 of the snapshot: a new row only when it changes');
    table
      .text('snapshot')
      .notNullable()
      .comment('JSON: version, schema fields, output ports and SLOs');
    table
      .boolean('breaking_unannounced')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Whether it broke the version in production without a major bump: never a baseline',
      );
    table.string('seen_at', 24).notNullable().comment('When first seen');
    table.index(['entity_ref', 'id'], 'product_versions_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('product_versions');
};
