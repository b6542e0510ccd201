import type { DataProductVersionSnapshot } from '@datamesh-backstage/plugin-data-mesh-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseProductVersionStore } from './DatabaseProductVersionStore';
import { applyDatabaseMigrations } from './migrations';
import { ProductVersionRecord } from './ProductVersionStore';

const A = 'dataproduct:default/a';
const B = 'dataproduct:default/b';

const snapshot = (
  version: string,
  fields: string[],
): DataProductVersionSnapshot => ({
  version,
  fields: fields.map(name => ({ name, type: 'string' })),
  outputPorts: [],
  slo: {},
});

const record = (
  entityRef: string,
  version: string,
  fields: string[],
  lifecycle = 'production',
  seenAt = '2026-11-20T10:00:00.000Z',
  breakingUnannounced = false,
): ProductVersionRecord => ({
  entityRef,
  version,
  lifecycle,
  snapshotHash: `${version}:${fields.join(',')}`,
  snapshot: snapshot(version, fields),
  breakingUnannounced,
  seenAt,
});

describe('ProductVersionStore', () => {
  const databases = createTestDatabases();

  async function createStore(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    return new DatabaseProductVersionStore(knex);
  }

  it.each(databases.eachSupportedId())(
    'records a version only when its snapshot or lifecycle changes, on %p',
    async id => {
      const store = await createStore(id);
      const v1 = record(A, '1.0.0', ['id', 'email']);
      expect(await store.record([v1, record(B, '0.1.0', ['x'])])).toHaveLength(
        2,
      );
      // The same snapshot again (a second sweep, a concurrent writer): nothing.
      expect(await store.record([v1])).toEqual([]);
      // The same contract, now in another lifecycle: a new row.
      const retired = { ...v1, lifecycle: 'deprecated' };
      expect(await store.record([retired])).toEqual([retired]);
      const v2 = record(
        A,
        '2.0.0',
        ['id'],
        'production',
        '2026-11-21T10:00:00.000Z',
      );
      expect(await store.record([v2])).toEqual([v2]);
      expect(await store.list(A)).toEqual([v1, retired, v2]);
      expect(await store.list('dataproduct:default/none')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives each product its latest version and its last production version that broke nothing unannounced, on %p',
    async id => {
      const store = await createStore(id);
      await store.record([
        record(A, '1.0.0', ['id', 'email']),
        record(B, '0.1.0', ['x'], 'experimental'),
      ]);
      const heads = await store.heads([A, B, 'dataproduct:default/new']);
      expect(heads.get(A)).toEqual({
        latest: { snapshotHash: '1.0.0:id,email', lifecycle: 'production' },
        production: snapshot('1.0.0', ['id', 'email']),
      });
      // B was never in production: nothing to break.
      expect(heads.get(B)).toEqual({
        latest: { snapshotHash: '0.1.0:x', lifecycle: 'experimental' },
      });
      expect(heads.has('dataproduct:default/new')).toBe(false);

      // 1.1.0 broke 1.0.0 unannounced: A stays compared with 1.0.0.
      const broken = {
        ...record(A, '1.1.0', ['id']),
        breakingUnannounced: true,
      };
      await store.record([broken]);
      const after = (await store.heads([A])).get(A);
      expect(after?.latest?.snapshotHash).toBe('1.1.0:id');
      expect(after?.production).toEqual(snapshot('1.0.0', ['id', 'email']));
      expect((await store.list(A)).map(v => v.breakingUnannounced)).toEqual([
        false,
        true,
      ]);

      // 2.0.0 announced it: from now on A is compared with 2.0.0.
      await store.record([record(A, '2.0.0', ['id'])]);
      expect((await store.heads([A])).get(A)?.production).toEqual(
        snapshot('2.0.0', ['id']),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'flags a product whose contract is its version in production instead of reading that version, on %p',
    async id => {
      const store = await createStore(id);
      await store.record([
        record(A, '1.0.0', ['id', 'email']),
        record(B, '1.0.0', ['x']),
      ]);
      const heads = await store.heads(
        [A, B],
        new Map([
          [A, '1.0.0:id,email'],
          [B, '1.1.0:x,y'],
        ]),
      );
      expect(heads.get(A)).toEqual({
        latest: { snapshotHash: '1.0.0:id,email', lifecycle: 'production' },
        sameAsProduction: true,
      });
      // B changed since: its version in production is read to compare with.
      expect(heads.get(B)?.production).toEqual(snapshot('1.0.0', ['x']));
      expect(heads.get(B)?.sameAsProduction).toBeUndefined();
    },
  );
});
