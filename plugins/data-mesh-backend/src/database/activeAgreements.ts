import type {
  AgreementEdge,
  ProductAgreements,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { chunks } from './rows';

/** The columns of an agreement as rules read it (see `toAgreementEdge`). */
export const EDGE_COLUMNS = [
  'id',
  'product_ref',
  'port',
  'consumer_ref',
  'purpose',
  'fields',
  'expires_at',
];

/** An agreement row of `EDGE_COLUMNS` as rules read it. */
export function toAgreementEdge(row: Record<string, string>): AgreementEdge {
  return {
    id: row.id,
    product: row.product_ref,
    port: row.port,
    consumer: row.consumer_ref,
    purpose: row.purpose,
    fields: JSON.parse(row.fields),
    expiresAt: row.expires_at,
  };
}

/**
 * The active agreements of each product in `refs` (both those on it and
 * those it holds as a consumer), neither ended nor past their expiry at
 * `now`: two indexed queries per chunk of refs, whatever the number of
 * agreements elsewhere. Every ref gets an entry, empty when it has none.
 */
export async function readActiveAgreements(
  db: Knex,
  refs: string[],
  now: string,
): Promise<Map<string, ProductAgreements>> {
  const result = new Map<string, ProductAgreements>();
  for (const ref of refs) {
    result.set(ref, { consumers: [], consumed: [] });
  }
  for (const batch of chunks([...new Set(refs)])) {
    const active = () =>
      db('agreements')
        .where('status', 'active')
        .where('expires_at', '>', now)
        .select(EDGE_COLUMNS);
    const [on, held] = await Promise.all([
      active().whereIn('product_ref', batch),
      active().whereIn('consumer_ref', batch),
    ]);
    for (const [rows, side, key] of [
      [on, 'consumers', 'product_ref'],
      [held, 'consumed', 'consumer_ref'],
    ] as const) {
      for (const row of rows) {
        result.get(row[key])?.[side].push(toAgreementEdge(row));
      }
    }
  }
  return result;
}
