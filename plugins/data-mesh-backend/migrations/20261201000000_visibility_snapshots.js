// @ts-check

// Which products a caller may read in the catalog, when the permission
// policy makes that conditional: written a page at a time as the catalog
// streams them, reused for a short while by that caller on any replica, and
// read by lists, rollups, KPIs, waivers and dry-runs in SQL. Callers are
// named by a hash, never by their identity.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('visibility_snapshots', table => {
    table.comment(
      'The products one caller may read in the catalog, as the catalog answered at one time',
    );
    table.increments('id').primary();
    table
      .string('principal_key', 64)
      .notNullable()
      .comment(
        'SHA-256 (hex) of the caller and their permission decision: no identity in plain text',
      );
    table.string('started_at', 24).notNullable();
    table
      .string('computed_at', 24)
      .nullable()
      .comment('When the catalog finished answering; null while being written');
    table.integer('product_count').notNullable().defaultTo(0);
    table.index(
      ['principal_key', 'computed_at'],
      'visibility_snapshots_principal_idx',
    );
  });

  await knex.schema.createTable('visible_products', table => {
    table.comment('The entity refs of each visibility snapshot');
    table
      .integer('snapshot_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('visibility_snapshots')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['snapshot_id', 'entity_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('visible_products');
  await knex.schema.dropTable('visibility_snapshots');
};
