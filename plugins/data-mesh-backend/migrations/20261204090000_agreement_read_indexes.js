// @ts-check

// Agreements read by product or by consumer, active and not yet expired,
// from the index alone: what a sweep aggregates for each page of products
// (consumers per product, the products a consumer reads, the latest expiry).
// A product's agreements are listed newest first from the index. The
// indexes these extend (a prefix of their columns) are dropped.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agreements', table => {
    table.index(
      ['product_ref', 'status', 'expires_at', 'consumer_ref'],
      'agreements_product_active_idx',
    );
    table.index(
      ['consumer_ref', 'status', 'expires_at', 'product_ref'],
      'agreements_consumer_active_idx',
    );
    table.index(['product_ref', 'approved_at'], 'agreements_listing_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropIndex(['product_ref'], 'agreements_product_idx');
    table.dropIndex(['consumer_ref'], 'agreements_consumer_idx');
    table.dropIndex(
      ['consumer_ref', 'status'],
      'agreements_consumer_status_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agreements', table => {
    table.index(['product_ref'], 'agreements_product_idx');
    table.index(['consumer_ref'], 'agreements_consumer_idx');
    table.index(['consumer_ref', 'status'], 'agreements_consumer_status_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropIndex(['product_ref', 'approved_at'], 'agreements_listing_idx');
    table.dropIndex(
      ['consumer_ref', 'status', 'expires_at', 'product_ref'],
      'agreements_consumer_active_idx',
    );
    table.dropIndex(
      ['product_ref', 'status', 'expires_at', 'consumer_ref'],
      'agreements_product_active_idx',
    );
  });
};
