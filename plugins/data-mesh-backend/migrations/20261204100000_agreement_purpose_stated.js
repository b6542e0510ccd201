// @ts-check

// Whether an agreement states a purpose, kept with the agreement when it is
// written, so that a sweep aggregates each product's consumers (and whether
// one of their agreements states a purpose) from the by-product index
// alone, without reading every agreement's purpose from the table. The
// index this extends (a prefix of its columns) is dropped.

const BEFORE = ['product_ref', 'status', 'expires_at', 'consumer_ref'];
const AFTER = [...BEFORE, 'purpose_stated'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agreements', table => {
    table
      .boolean('purpose_stated')
      .notNullable()
      .defaultTo(false)
      .comment('Whether the purpose is other than blank');
  });
  await knex('agreements')
    .update({ purpose_stated: true })
    .whereRaw("TRIM(purpose) <> ''");
  await knex.schema.alterTable('agreements', table => {
    table.index(AFTER, 'agreements_product_consumers_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropIndex(BEFORE, 'agreements_product_active_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agreements', table => {
    table.index(BEFORE, 'agreements_product_active_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropIndex(AFTER, 'agreements_product_consumers_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropColumn('purpose_stated');
  });
};
