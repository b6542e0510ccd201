import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseSweepLog } from '../database/DatabaseSweepLog';
import { FreshnessService } from './FreshnessService';

describe('FreshnessService', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'tells when figures were computed and why they may be stale, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const sweeps = new DatabaseSweepLog(knex);
      let now = new Date('2026-11-30T10:00:00Z');
      const freshness = new FreshnessService({
        sweeps,
        staleAfterMs: 3_600_000,
        now: () => now,
      });
      expect(await freshness.current()).toEqual({
        stale: true,
        reason: 'No governance sweep has completed yet',
      });

      const sweep = async (outcome: any, at: string, message?: string) => {
        const id = await sweeps.start(at);
        await sweeps.finish(id, {
          finishedAt: at,
          outcome,
          productCount: 1,
          changedCount: 0,
          message,
        });
      };
      await sweep('ok', '2026-11-30T09:50:00.000Z');
      expect(await freshness.current()).toEqual({
        stale: false,
        computedAt: '2026-11-30T09:50:00.000Z',
        lastSweep: {
          startedAt: '2026-11-30T09:50:00.000Z',
          finishedAt: '2026-11-30T09:50:00.000Z',
          outcome: 'ok',
        },
      });

      await sweep(
        'catalog-unavailable',
        '2026-11-30T09:55:00.000Z',
        'The catalog could not be read (data products): 503',
      );
      expect(await freshness.current()).toMatchObject({
        stale: true,
        computedAt: '2026-11-30T09:50:00.000Z',
        reason:
          'The last governance sweep could not read the catalog: The catalog could not be read (data products): 503',
        lastSweep: { outcome: 'catalog-unavailable' },
      });

      await sweep('ok', '2026-11-30T09:58:00.000Z');
      now = new Date('2026-11-30T11:30:00Z');
      expect(await freshness.current()).toMatchObject({
        stale: true,
        reason:
          'No governance sweep has completed since 2026-11-30T09:58:00.000Z',
      });
    },
  );
});
