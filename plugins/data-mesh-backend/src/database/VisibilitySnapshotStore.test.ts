import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseVisibilitySnapshotStore } from './DatabaseVisibilitySnapshotStore';
import { whereVisible } from './visibleProducts';

const ref = (i: number) => `dataproduct:default/p${i}`;
const at = (minute: number) =>
  new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();

describe('VisibilitySnapshotStore', () => {
  const databases = createMigratedTestDatabases();

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = new DatabaseVisibilitySnapshotStore(knex);
    /** A complete snapshot of `refs` for `key`, started and completed at `minute`. */
    const snapshot = async (key: string, refs: string[], minute: number) => {
      const id = await store.begin(key, at(minute));
      await store.add(id, refs);
      expect(await store.complete(id, at(minute), refs.length)).toBe(true);
      return id;
    };
    const rowsOf = async (id: number) =>
      Number(
        (
          await knex('visible_products')
            .where('snapshot_id', id)
            .count({ n: '*' })
        )[0].n,
      );
    return { knex, store, snapshot, rowsOf };
  }

  it.each(databases.eachSupportedId())(
    'is used once complete, page after page, and filters in SQL on %p',
    async databaseId => {
      const { knex, store, rowsOf } = await setUp(databaseId);
      const id = await store.begin('key-a', at(0));
      await store.add(id, [ref(1), ref(2), ref(2)]);
      await store.add(id, [ref(3), ref(2)]);
      // Being written: nobody uses it.
      expect(await store.fresh('key-a', at(0))).toBeUndefined();
      expect(await store.visibleAmong(id, [ref(1)])).toBeUndefined();
      expect(await store.complete(id, at(1), 3)).toBe(true);
      expect(await rowsOf(id)).toBe(3);

      expect(await store.fresh('key-a', at(1))).toBe(id);
      expect(await store.fresh('key-a', at(2))).toBeUndefined();
      expect(await store.fresh('key-b', at(0))).toBeUndefined();
      expect(await store.visibleAmong(id, [ref(3), ref(4), ref(1)])).toEqual(
        new Set([ref(1), ref(3)]),
      );
      expect(await store.visibleAmong(id, [ref(4)])).toEqual(new Set());
      expect(await store.visibleAmong(id + 1, [ref(1)])).toBeUndefined();

      await knex('scorecard_rule_hits').insert(
        [1, 2, 4].map(i => ({ entity_ref: ref(i), rule_id: 'R-1' })),
      );
      const visible = whereVisible(knex('scorecard_rule_hits'), 'entity_ref', {
        all: false,
        snapshotId: id,
      });
      expect(
        (await visible.orderBy('entity_ref')).map(r => r.entity_ref),
      ).toEqual([ref(1), ref(2)]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes expired, abandoned and surplus snapshots with their refs on %p',
    async databaseId => {
      const { store, snapshot, rowsOf } = await setUp(databaseId);
      // More refs than one deleting slice.
      const many = Array.from({ length: 12_345 }, (_, i) => ref(i));
      const expired = await snapshot('key-a', many, 0);
      const abandoned = await store.begin('key-b', at(1));
      await store.add(abandoned, [ref(1)]);
      const older = await snapshot('key-c', [ref(1)], 10);
      const newer = await snapshot('key-d', [ref(2)], 11);
      const newest = await snapshot('key-a', [ref(3)], 12);
      const writing = await store.begin('key-e', at(12));

      expect(
        await store.deleteOld({
          completedBefore: at(5),
          abandonedBefore: at(5),
          keep: 2,
        }),
      ).toBe(3);
      for (const gone of [expired, abandoned, older]) {
        expect(await rowsOf(gone)).toBe(0);
        expect(await store.visibleAmong(gone, [ref(1)])).toBeUndefined();
      }
      expect(await store.fresh('key-a', at(0))).toBe(newest);
      expect(await store.fresh('key-d', at(0))).toBe(newer);
      // A snapshot being written is not abandoned yet, nor counted.
      await store.add(writing, [ref(4)]);
      expect(await store.complete(writing, at(13), 1)).toBe(true);
      // One deleted while being written cannot be completed.
      const late = await store.begin('key-f', at(13));
      await store.delete([late]);
      expect(await store.complete(late, at(14), 0)).toBe(false);
    },
  );
});
