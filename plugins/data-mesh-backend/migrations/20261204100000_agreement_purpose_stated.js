// @ts-check

// Whether an agreement states a purpose, kept with the agreement when it is
// written, so that a sweep aggregates each product's consumers (and whether
// one of their agreements states a purpose) from the by-product index
// alone, without reading every agreement's purpose from the table. The
// index this extends (a prefix of its columns) is dropped.

const BEFORE = ['product_ref', 'status', 'expires_at', 'consumer_ref'];
const AFTER = [...BEFORE, 'purpose_stated'];

/** Agreements read per page while filling the new column. */
const PAGE = 1000;

/**
 * Marks the existing agreements that state a purpose, a page at a time by
 * id: blank is decided as the rules decide it (JavaScript's `trim`, which
 * also removes tabs and line breaks, unlike SQL's `TRIM`).
 *
 * @param {import('knex').Knex} knex
 */
async function markStatedPurposes(knex) {
  let after = '';
  for (;;) {
    const rows = await knex('agreements')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .select('id', 'purpose');
    if (rows.length === 0) return;
    const stated = rows
      .filter(row => String(row.purpose).trim().length > 0)
      .map(row => row.id);
    if (stated.length > 0) {
      await knex('agreements')
        .whereIn('id', stated)
        .update({ purpose_stated: true });
    }
    after = rows[rows.length - 1].id;
  }
}

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
  await markStatedPurposes(knex);
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
