import { Knex } from 'knex';
import { DatabaseVisibilitySnapshotStore } from '../database/DatabaseVisibilitySnapshotStore';
import type { Visibility } from '../database/visibleProducts';

/**
 * A complete visibility snapshot of `entityRefs`, as a caller whose catalog
 * read is conditional gets it from `VisibilityService.visibleProducts`.
 */
export async function visibleSnapshot(
  knex: Knex,
  entityRefs: string[],
): Promise<Visibility> {
  const store = new DatabaseVisibilitySnapshotStore(knex);
  const now = new Date().toISOString();
  const snapshotId = await store.begin('test-principal', now);
  await store.add(snapshotId, entityRefs);
  await store.complete(snapshotId, now, entityRefs.length);
  return { all: false, snapshotId };
}
