// Seeds agreements (and the requests they came from) straight into the
// plugin's tables, in batched inserts, for the agreement benchmarks.
import { Knex } from 'knex';

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
  let requests: object[] = [];
  let agreements: object[] = [];
  const flush = async () => {
    await knex.transaction(async trx => {
      if (requests.length)
        await trx.batchInsert('access_requests', requests as any[], 500);
      if (agreements.length)
        await trx.batchInsert('agreements', agreements as any[], 500);
    });
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
      approved_by: 'user:default/owner',
      approved_at: at,
      expires_at: expires,
      status,
      ending: null,
      end_reason: null,
      status_reason: null,
      updated_at: at,
    });
    if (agreements.length >= 10_000) await flush();
  }
  await flush();
}
