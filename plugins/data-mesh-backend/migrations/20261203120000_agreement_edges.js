// @ts-check

// Agreements as the mesh's edges: a requester may let everybody read the
// purpose of a request (private by default); agreements are read per
// product and per consumer with their status, and the pending renewals of
// an ending agreement are found by the agreement; the KPI inputs keep the
// consumers and cross-domain reads that are declared but not agreed apart
// from the agreed ones.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const name of ['access_requests', 'agreements']) {
    await knex.schema.alterTable(name, table => {
      table
        .boolean('purpose_shareable')
        .notNullable()
        .defaultTo(false)
        .comment('Whether anyone may read the purpose (else private)');
    });
  }
  await knex.schema.alterTable('agreements', table => {
    table.index(
      ['product_ref', 'status', 'approved_at'],
      'agreements_product_status_idx',
    );
    table.index(['consumer_ref', 'status'], 'agreements_consumer_status_idx');
  });
  await knex.schema.alterTable('access_requests', table => {
    table.index(['renews', 'status'], 'access_requests_renews_idx');
    table.index(['product_ref', 'requested_at'], 'access_requests_listing_idx');
  });
  await knex.schema.alterTable('product_facts', table => {
    table
      .integer('declared_consumer_count')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Consumers declared (annotations, input ports) without an agreement',
      );
    table
      .boolean('declared_cross_domain')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Reads another domain by declaration only, without an agreement',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('product_facts', table => {
    table.dropColumn('declared_cross_domain');
    table.dropColumn('declared_consumer_count');
  });
  await knex.schema.alterTable('access_requests', table => {
    table.dropIndex(
      ['product_ref', 'requested_at'],
      'access_requests_listing_idx',
    );
    table.dropIndex(['renews', 'status'], 'access_requests_renews_idx');
  });
  await knex.schema.alterTable('agreements', table => {
    table.dropIndex(
      ['consumer_ref', 'status'],
      'agreements_consumer_status_idx',
    );
    table.dropIndex(
      ['product_ref', 'status', 'approved_at'],
      'agreements_product_status_idx',
    );
  });
  for (const name of ['agreements', 'access_requests']) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('purpose_shareable');
    });
  }
};
