import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';
import { SweepLog } from './SweepLog';
import { WaiverStore } from './WaiverStore';

jest.setTimeout(60_000);

describe('WaiverStore and SweepLog', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'grant, replace, list and revoke waivers on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = WaiverStore.create(knex);
      const grant = {
        entityRef: 'dataproduct:default/a',
        ruleId: 'SEC-002',
        reason: 'Legal review',
        expiresAt: '2027-01-01T00:00:00.000Z',
        createdBy: 'user:default/grace.hopper',
        createdAt: '2026-11-21T00:00:00.000Z',
      };
      await store.upsert(grant);
      await store.upsert({ ...grant, reason: 'Extended review' });
      await store.upsert({ ...grant, entityRef: 'dataproduct:default/b' });
      expect(await store.list('dataproduct:default/a')).toEqual([
        { ...grant, reason: 'Extended review', source: 'api' },
      ]);
      expect([
        ...(
          await store.forProducts([
            'dataproduct:default/a',
            'dataproduct:default/b',
            'dataproduct:default/c',
          ])
        ).keys(),
      ]).toEqual(['dataproduct:default/a', 'dataproduct:default/b']);
      expect(await store.delete('dataproduct:default/a', 'SEC-002')).toBe(true);
      expect(await store.delete('dataproduct:default/a', 'SEC-002')).toBe(
        false,
      );
      expect(await store.list()).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records sweeps and prunes old ones on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const log = SweepLog.create(knex);
      const first = await log.start('2026-11-21T00:00:00.000Z');
      await log.finish(first, {
        finishedAt: '2026-11-21T00:00:05.000Z',
        outcome: 'ok',
        productCount: 10,
        changedCount: 3,
      });
      const second = await log.start('2026-11-21T01:00:00.000Z');
      expect(second).toBeGreaterThan(first);
      expect(await log.latestFinished()).toEqual({
        id: first,
        startedAt: '2026-11-21T00:00:00.000Z',
        finishedAt: '2026-11-21T00:00:05.000Z',
        outcome: 'ok',
        productCount: 10,
        changedCount: 3,
        message: undefined,
      });
      await log.finish(second, {
        finishedAt: '2026-11-21T01:00:01.000Z',
        outcome: 'catalog-unavailable',
        productCount: 0,
        changedCount: 0,
        message: 'down',
      });
      expect((await log.latestFinished())?.outcome).toBe('catalog-unavailable');
      await log.prune(1);
      expect((await log.list()).map(r => r.id)).toEqual([second]);
    },
  );
});
