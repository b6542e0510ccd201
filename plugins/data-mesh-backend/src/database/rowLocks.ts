import { Knex } from 'knex';

/** The knex client of a database: `pg`, `mysql2`, `better-sqlite3`… */
export const engineOf = (db: Knex) => String(db.client.config.client);

/**
 * Locks the results of these products for the rest of the transaction, so
 * that two writers (a sweep and a re-score, or two replicas) never both
 * record the same change: the second one waits, then sees the first one's
 * result. PostgreSQL: transaction-scoped advisory locks, taken in one order
 * (new products have no row to lock); MySQL and MariaDB: `SELECT … FOR
 * UPDATE`, whose gap locks also cover rows not written yet; SQLite has a
 * single writer.
 */
export async function lockProducts(
  tx: Knex.Transaction,
  entityRefs: string[],
): Promise<void> {
  if (entityRefs.length === 0) {
    return;
  }
  const engine = engineOf(tx);
  if (engine === 'pg') {
    await tx.raw(
      `SELECT pg_advisory_xact_lock(h) FROM (
         SELECT DISTINCT hashtext(r) AS h FROM unnest(?::text[]) AS r ORDER BY 1
       ) AS locks`,
      [entityRefs],
    );
  } else if (engine.includes('mysql')) {
    await tx('scorecards')
      .whereIn('entity_ref', entityRefs)
      .select('entity_ref')
      .forUpdate();
  }
}

/** Deadlocks and serialisation failures: the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: string; errno?: number })?.code;
  const errno = (error as { errno?: number })?.errno;
  return (
    code === '40P01' || // PostgreSQL deadlock_detected
    code === '40001' || // serialization_failure
    code === 'ER_LOCK_DEADLOCK' ||
    errno === 1213 ||
    code === 'SQLITE_BUSY'
  );
}

/** Runs a transaction, again (up to `attempts` times) after a deadlock. */
export async function transactionWithRetry<T>(
  db: Knex,
  fn: (tx: Knex.Transaction) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) {
        throw error;
      }
    }
  }
}
