// @ts-check

// What the plugin has told people, so that each change is told once: a
// notification is sent only by the writer whose claim of it was inserted
// first, whichever replica and sweep saw the change.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_claims', table => {
    table.comment(
      'Notifications claimed for sending: one row per topic, product and what was notified',
    );
    table
      .string('topic', 64)
      .notNullable()
      .comment('Notification topic, for example data-product-status-dropped');
    table.string('entity_ref', 255).notNullable().comment('The data product');
    table
      .string('fingerprint', 64)
      .notNullable()
      .comment(
        'SHA-256 of what was notified (a status change and its day, a waiver and its expiry)',
      );
    table
      .string('claim_id', 36)
      .notNullable()
      .comment('The write that inserted the row: it alone sends');
    table.string('claimed_at', 24).notNullable();
    table.primary(['topic', 'entity_ref', 'fingerprint']);
    table.index(['claim_id'], 'notification_claims_claim_idx');
    table.index(['claimed_at'], 'notification_claims_claimed_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_claims');
};
