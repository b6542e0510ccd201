// @ts-check

// The head of each product's versions, one row per product keyed by its
// reference: the hash and lifecycle of its latest stored version, and the
// hash of its last version in production that broke nothing unannounced
// (what the breaking-change rule compares with). A sweep reads a page's
// heads by primary key instead of every version row of its products, which
// on a table without planner statistics (PostgreSQL before its first
// ANALYZE) was a sequential scan of all versions per page. Filled from the
// versions already stored.

/** Version rows read per page while filling the heads. */
const PAGE = 5000;
/** Head rows written per insert. */
const WRITE = 500;

/**
 * The heads of the stored versions, read a page at a time in id order (the
 * order versions were recorded in).
 *
 * @param {import('knex').Knex} knex
 */
async function headsOfStoredVersions(knex) {
  /** @type {Map<string, { entity_ref: string, latest_hash: string, latest_lifecycle: string, production_hash: string | null }>} */
  const heads = new Map();
  let after = 0;
  for (;;) {
    const rows = await knex('product_versions')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .select(
        'id',
        'entity_ref',
        'lifecycle',
        'snapshot_hash',
        'breaking_unannounced',
      );
    if (rows.length === 0) return heads;
    for (const row of rows) {
      const baseline =
        row.lifecycle === 'production' && !row.breaking_unannounced;
      heads.set(row.entity_ref, {
        entity_ref: row.entity_ref,
        latest_hash: row.snapshot_hash,
        latest_lifecycle: row.lifecycle,
        production_hash: baseline
          ? row.snapshot_hash
          : heads.get(row.entity_ref)?.production_hash ?? null,
      });
    }
    after = Number(rows[rows.length - 1].id);
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('product_version_heads', table => {
    table.comment(
      'The latest stored version of each product and its version in production',
    );
    table.string('entity_ref', 255).primary().comment('The data product');
    table
      .string('latest_hash', 64)
      .notNullable()
      .comment('Snapshot hash of the latest stored version');
    table
      .string('latest_lifecycle', 64)
      .notNullable()
      .comment('Lifecycle of the latest stored version');
    table
      .string('production_hash', 64)
      .nullable()
      .comment(
        'Snapshot hash of the last version in production that broke nothing unannounced; null when none',
      );
  });
  const heads = [...(await headsOfStoredVersions(knex)).values()];
  for (let i = 0; i < heads.length; i += WRITE) {
    await knex('product_version_heads').insert(heads.slice(i, i + WRITE));
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('product_version_heads');
};
