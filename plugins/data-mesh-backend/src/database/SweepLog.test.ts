import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseSweepLog } from './DatabaseSweepLog';

describe('SweepLog', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'records sweeps and prunes old ones on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const log = new DatabaseSweepLog(knex);
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
