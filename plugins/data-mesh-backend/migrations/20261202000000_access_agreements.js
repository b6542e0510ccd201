// @ts-check

// Data sharing agreements: consumers request access to an output port of a
// product; an approved request becomes an agreement, provisioned through the
// plugin's provisioners, that ends when revoked or expired. Every state
// change of both is kept in an audit trail.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_requests', table => {
    table.comment('Requests for access to an output port of a data product');
    table.string('id', 36).primary().comment('UUID');
    table.string('product_ref', 255).notNullable();
    table.string('port', 255).notNullable().comment('The output port');
    table.string('consumer_ref', 255).notNullable();
    table.text('purpose').notNullable();
    table.text('fields').notNullable().comment('JSON array of field names');
    table.string('until', 24).notNullable().comment('Requested end (ISO-8601)');
    table
      .string('reviewer', 255)
      .nullable()
      .comment('Data protection reviewer');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | approved | rejected');
    table
      .string('mode', 16)
      .notNullable()
      .comment('manual | automatic | external');
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 24).notNullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('comment').nullable();
    table.string('external_reference', 255).nullable();
    table
      .string('renews', 36)
      .nullable()
      .comment('The agreement a renewal extends');
    table.string('agreement_id', 36).nullable();
    table.index(['product_ref', 'status'], 'access_requests_product_idx');
    table.index(['requested_by'], 'access_requests_requester_idx');
  });
  await knex.schema.createTable('agreements', table => {
    table.comment('Approved access of a consumer to an output port');
    table.string('id', 36).primary().comment('UUID');
    table.string('request_id', 36).notNullable();
    table.string('product_ref', 255).notNullable();
    table.string('port', 255).notNullable();
    table.string('consumer_ref', 255).notNullable();
    table.text('purpose').notNullable();
    table.text('fields').notNullable().comment('JSON array of field names');
    table.string('requested_by', 255).notNullable();
    table.string('approved_by', 255).notNullable();
    table.string('approved_at', 24).notNullable();
    table.string('expires_at', 24).notNullable();
    table
      .string('status', 24)
      .notNullable()
      .comment(
        'provisioning | active | provisioning-failed | revoking | revoke-failed | revoked | expired',
      );
    table
      .string('ending', 16)
      .nullable()
      .comment('While revoking: revoked | expired');
    table
      .text('end_reason')
      .nullable()
      .comment('Why it was revoked or expired, kept while access is removed');
    table.text('status_reason').nullable();
    table.string('updated_at', 24).notNullable();
    table.index(['product_ref'], 'agreements_product_idx');
    table.index(['consumer_ref'], 'agreements_consumer_idx');
    table.index(['status', 'expires_at'], 'agreements_expiry_idx');
  });
  await knex.schema.createTable('access_audit', table => {
    table.comment('Every state change of access requests and agreements');
    table.bigIncrements('id').primary();
    table.string('at', 24).notNullable();
    table.string('actor', 255).notNullable();
    table
      .string('subject', 16)
      .notNullable()
      .comment('access-request | agreement');
    table.string('subject_id', 36).notNullable();
    table.string('product_ref', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('from_status', 24).nullable();
    table.string('to_status', 24).notNullable();
    table.text('reason').nullable();
    table.index(['at'], 'access_audit_at_idx');
    table.index(['product_ref'], 'access_audit_product_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_audit');
  await knex.schema.dropTable('agreements');
  await knex.schema.dropTable('access_requests');
};
