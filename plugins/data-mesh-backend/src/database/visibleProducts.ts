import { Knex } from 'knex';

/**
 * Which products a caller may see: all of them; those of a visibility
 * snapshot (written by `VisibilitySnapshotStore`, read in SQL); or none.
 * Nothing here grows with the number of products.
 */
export type Visibility =
  | { all: true }
  | { all: false; snapshotId: number }
  | { all: false; none: true };

/** Every product: the caller may read the whole catalog. */
export const EVERY_PRODUCT: Visibility = { all: true };

/** No product: reading the catalog is denied. */
export const NO_PRODUCT: Visibility = { all: false, none: true };

/** Whether a visibility shows no product at all, without asking the database. */
export const seesNothing = (visibility: Visibility): boolean =>
  !visibility.all && 'none' in visibility;

/**
 * Keeps the rows of `query` whose `column` (an entity ref) names a product
 * the caller may see: nothing added for every product, `1 = 0` for none,
 * else `column IN (SELECT entity_ref FROM visible_products WHERE
 * snapshot_id = ?)`. The refs never leave the database. SQLite, PostgreSQL
 * and MariaDB all run it as a semi-join that reads the snapshot's range of
 * the `(snapshot_id, entity_ref)` key and looks each ref up by the filtered
 * table's key (or hashes the range), so its cost follows what the caller
 * sees, and lists, counts and aggregates keep their shape.
 */
export function whereVisible<Q extends Knex.QueryBuilder>(
  query: Q,
  column: string,
  visibility: Visibility,
): Q {
  if (visibility.all) {
    return query;
  }
  if ('none' in visibility) {
    return query.whereRaw('1 = 0') as Q;
  }
  const { snapshotId } = visibility;
  return query.whereIn(column, function visibleRefs() {
    this.select('entity_ref')
      .from('visible_products')
      .where('snapshot_id', snapshotId);
  }) as Q;
}
