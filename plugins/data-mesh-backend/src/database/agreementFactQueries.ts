import type { ProductAgreementFacts } from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { EDGE_COLUMNS, toAgreementEdge } from './activeAgreements';
import { chunks } from './rows';

/**
 * The facts of the active agreements (neither ended nor past their expiry
 * at `now`) of each product in `refs`, aggregated in SQL: per product, its
 * consumers and whether one of their agreements states a purpose, the
 * products it reads, its latest expiry. Only the agreements that run past
 * a product's sunset date (`sunsets`, by product ref) are read one by one,
 * and only for a product whose latest expiry is past it. Two grouped,
 * indexed queries per chunk of refs (a third when some product has
 * agreements past its sunset), whatever the number of agreements. Every
 * ref gets an entry. Both grouped queries read an index alone: whether
 * an agreement states a purpose is kept with it when written
 * (`purpose_stated`), not read from its purpose.
 */
export async function readAgreementFacts(
  db: Knex,
  refs: string[],
  now: string,
  sunsets: Map<string, string> = new Map(),
): Promise<Map<string, ProductAgreementFacts>> {
  const result = new Map<string, ProductAgreementFacts>();
  for (const ref of refs) {
    result.set(ref, { consumers: [], consumedProducts: [], pastSunset: [] });
  }
  const active = () =>
    db('agreements').where('status', 'active').where('expires_at', '>', now);
  for (const batch of chunks([...new Set(refs)])) {
    const [consumers, consumed] = await Promise.all([
      active()
        .whereIn('product_ref', batch)
        .groupBy('product_ref', 'consumer_ref')
        .select(
          'product_ref',
          'consumer_ref',
          db.raw('MAX(expires_at) AS latest'),
          db.raw(
            'MAX(CASE WHEN purpose_stated THEN 1 ELSE 0 END) AS with_purpose',
          ),
        ),
      active()
        .whereIn('consumer_ref', batch)
        .groupBy('consumer_ref', 'product_ref')
        .select('consumer_ref', 'product_ref'),
    ]);
    for (const row of consumers) {
      const facts = result.get(row.product_ref)!;
      facts.consumers.push({
        consumer: row.consumer_ref,
        withPurpose: Number(row.with_purpose) === 1,
      });
      if (!facts.latestExpiry || row.latest > facts.latestExpiry) {
        facts.latestExpiry = row.latest;
      }
    }
    for (const row of consumed) {
      result.get(row.consumer_ref)!.consumedProducts.push(row.product_ref);
    }
    // A sunset is a date: an expiry on a later day sorts after it.
    const past = batch.flatMap(ref => {
      const sunset = sunsets.get(ref);
      const latest = result.get(ref)!.latestExpiry;
      return sunset && latest && latest.slice(0, 10) > sunset
        ? [{ ref, sunset }]
        : [];
    });
    if (past.length === 0) continue;
    const rows = await active()
      .where(inner => {
        for (const { ref, sunset } of past) {
          inner.orWhere(both =>
            both.where('product_ref', ref).where('expires_at', '>', sunset),
          );
        }
      })
      .select(EDGE_COLUMNS)
      .orderBy(['expires_at', 'id']);
    for (const row of rows) {
      if (row.expires_at.slice(0, 10) <= sunsets.get(row.product_ref)!) {
        continue;
      }
      result.get(row.product_ref)!.pastSunset.push(toAgreementEdge(row));
    }
  }
  // Sorted as JavaScript sorts, whatever the database's collation.
  const byRef = (a: string, b: string) => Number(a > b) - Number(a < b);
  for (const facts of result.values()) {
    facts.consumers.sort((a, b) => byRef(a.consumer, b.consumer));
    facts.consumedProducts.sort(byRef);
  }
  return result;
}
