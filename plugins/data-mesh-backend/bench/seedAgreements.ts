// Seeds agreements (and the requests they came from) straight into the
// plugin's tables, for the agreement benchmarks: a million in a minute or
// so (one prepared statement in one transaction on SQLite, one JSON
// insert per batch on PostgreSQL).
import { Knex } from 'knex';

/**
 * Inserts rows (all with the same keys) fast: on SQLite one prepared
 * statement run per row in a single transaction, on PostgreSQL one
 * `INSERT ... SELECT FROM json_populate_recordset(...)` per 5,000
 * rows, elsewhere knex's
 * batched inserts.
 */
async function insertFast(
  knex: Knex,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const client = knex.client.config.client;
  if (client === 'better-sqlite3') {
    const connection = await knex.client.acquireConnection();
    try {
      const insert = connection.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns
          .map(() => '?')
          .join(', ')})`,
      );
      connection.transaction(() => {
        for (const row of rows) {
          insert.run(
            columns.map(c =>
              typeof row[c] === 'boolean' ? Number(row[c]) : row[c],
            ),
          );
        }
      })();
    } finally {
      await knex.client.releaseConnection(connection);
    }
    return;
  }
  if (client === 'pg') {
    const list = columns.join(', ');
    for (let i = 0; i < rows.length; i += 5000) {
      await knex.raw(
        `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ?::json)`,
        [JSON.stringify(rows.slice(i, i + 5000))],
      );
    }
    return;
  }
  await knex.batchInsert(table, rows as any[], 500);
}

/** How the seeded agreements end up. */
const STATUSES = [
  ...Array(7).fill('active'),
  'expired',
  'expired',
  'revoked',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `count` agreements spread evenly over `products`, each with its approved
 * request, plus one pending request per ten agreements. Seven in ten are
 * active (expiring within two years), the rest expired or revoked. Every
 * `productConsumerShare`-th consumer is one of the products (a product
 * reading another), the others components.
 */
export async function seedAgreements(
  knex: Knex,
  options: { products: string[]; count: number; productConsumerEvery?: number },
): Promise<void> {
  const { products, count } = options;
  const every = options.productConsumerEvery ?? 3;
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  let requests: Record<string, unknown>[] = [];
  let agreements: Record<string, unknown>[] = [];
  const flush = async () => {
    await insertFast(knex, 'access_requests', requests);
    await insertFast(knex, 'agreements', agreements);
    requests = [];
    agreements = [];
  };
  for (let i = 0; i < count; i++) {
    const product = products[i % products.length];
    const consumer =
      i % every === 0
        ? products[(i * 7 + 1) % products.length]
        : `component:default/consumer-${i % 5000}`;
    const status = STATUSES[i % STATUSES.length];
    const at = iso(start + (i % 300) * 86_400_000);
    const expires = iso(
      status === 'expired'
        ? start + 100 * 86_400_000
        : Date.now() + (30 + (i % 700)) * 86_400_000,
    );
    const id = `a-${i}`;
    const requestId = `r-${i}`;
    const common = {
      product_ref: product,
      port: 'table',
      consumer_ref: consumer,
      purpose: `purpose ${i % 97}`,
      purpose_shareable: i % 4 === 0,
      fields: '[]',
      requested_by: `user:default/requester-${i % 300}`,
    };
    requests.push({
      ...common,
      id: requestId,
      until: expires,
      reviewer: null,
      status: 'approved',
      mode: 'manual',
      requested_at: at,
      decided_by: 'user:default/owner',
      decided_at: at,
      comment: null,
      external_reference: null,
      renews: null,
      agreement_id: id,
    });
    if (i % 10 === 0) {
      requests.push({
        ...common,
        id: `p-${i}`,
        until: expires,
        reviewer: null,
        status: 'pending',
        mode: 'manual',
        requested_at: at,
        decided_by: null,
        decided_at: null,
        comment: null,
        external_reference: null,
        renews: null,
        agreement_id: null,
      });
    }
    agreements.push({
      ...common,
      id,
      request_id: requestId,
      purpose_stated: true,
      approved_by: 'user:default/owner',
      approved_at: at,
      expires_at: expires,
      status,
      ending: null,
      end_reason: null,
      status_reason: null,
      updated_at: at,
    });
    if (agreements.length >= 20_000) await flush();
  }
  await flush();
  // As autovacuum would have by the time a sweep reads them: the planner
  // knows the tables' statistics.
  if (knex.client.config.client === 'pg') {
    await knex.raw('ANALYZE access_requests, agreements');
  }
}
