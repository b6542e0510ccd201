import { createTestDatabases } from '../__testUtils__/testDatabases';
import { scorecard } from '../__testUtils__/scorecards';
import { applyDatabaseMigrations } from './migrations';
import { HISTORY_LIMIT, ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

describe('ScorecardStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    return { knex, store: ScorecardStore.create(knex) };
  }

  it.each(databases.eachSupportedId())(
    'stores only changed results, with one history row per change, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = scorecard('a', { violations: [{ ruleId: 'SEC-001' }] });
      const b = scorecard('b');

      expect(
        await store.saveResults(
          [a, b],
          await store.storedStates(),
          '2026-11-20T10:00:00.000Z',
        ),
      ).toBe(2);
      expect(await store.get(a.entityRef)).toEqual({ ...a, stale: false });

      // The same results again: nothing written.
      expect(
        await store.saveResults(
          [a, b],
          await store.storedStates(),
          '2026-11-20T11:00:00.000Z',
        ),
      ).toBe(0);

      // a is fixed: one more history row for a, rule hits replaced.
      const fixed = scorecard('a', { evaluatedAt: '2026-11-20T12:00:00.000Z' });
      expect(
        await store.saveResults(
          [fixed, b],
          await store.storedStates(),
          '2026-11-20T12:00:00.000Z',
        ),
      ).toBe(1);
      expect(await store.history(a.entityRef, {})).toEqual([
        {
          recordedAt: '2026-11-20T10:00:00.000Z',
          score: 90,
          status: 'fail',
          errorCount: 1,
          warningCount: 0,
          ruleIds: ['SEC-001'],
          policyVersion: 'v1',
        },
        {
          recordedAt: '2026-11-20T12:00:00.000Z',
          score: 100,
          status: 'pass',
          errorCount: 0,
          warningCount: 0,
          ruleIds: [],
          policyVersion: 'v1',
        },
      ]);
      expect(
        await store.history(a.entityRef, { from: '2026-11-20T11:00:00.000Z' }),
      ).toHaveLength(1);
      expect(await knex('scorecard_rule_hits').select()).toEqual([]);
      expect(
        Number((await knex('scorecard_history').count({ n: '*' }))[0].n),
      ).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'marks stale, refreshes and deletes missing products on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const cards = ['a', 'b', 'c'].map(name => scorecard(name));
      await store.saveResults(cards, new Map(), '2026-11-20T10:00:00.000Z');

      await store.markAllStale();
      expect((await store.get('dataproduct:default/a'))?.stale).toBe(true);
      await store.markAllEvaluated('2026-11-21T10:00:00.000Z');
      expect(await store.get('dataproduct:default/a')).toMatchObject({
        stale: false,
        evaluatedAt: '2026-11-21T10:00:00.000Z',
      });

      expect(
        await store.deleteMissing(new Set(['dataproduct:default/a'])),
      ).toBe(2);
      expect([...(await store.storedStates()).keys()]).toEqual([
        'dataproduct:default/a',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes thousands of results in chunks and applies history retention on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const cards = Array.from({ length: 1203 }, (_, i) =>
        scorecard(`p${i}`, {
          violations:
            i % 2 ? [{ ruleId: 'SEC-001' }, { ruleId: 'SLO-002' }] : [],
        }),
      );
      expect(
        await store.saveResults(cards, new Map(), '2026-01-01T00:00:00.000Z'),
      ).toBe(1203);
      expect((await store.storedStates()).size).toBe(1203);
      expect(await store.deleteHistoryBefore('2026-01-02T00:00:00.000Z')).toBe(
        1203,
      );
      expect(await store.history('dataproduct:default/p1', {})).toEqual([]);
      expect(await store.get('dataproduct:default/p1')).toMatchObject({
        score: 80,
      });
    },
  );
  it.each(databases.eachSupportedId())(
    'rewrites a result whose messages changed without a history row, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const breach = (compliance: number) =>
        scorecard('a', {
          violations: [
            {
              ruleId: 'SLO-003',
              path: 'spec.slo.availability',
              message: `availability SLO breached: ${compliance}% of checks`,
            },
          ],
        });
      await store.saveResults(
        [breach(98.1)],
        await store.storedStates(),
        '2026-11-20T10:00:00.000Z',
      );
      expect(
        await store.saveResults(
          [breach(98.3)],
          await store.storedStates(),
          '2026-11-20T11:00:00.000Z',
        ),
      ).toBe(0);
      expect(
        (await store.get('dataproduct:default/a'))?.violations[0].message,
      ).toBe('availability SLO breached: 98.3% of checks');
      expect(await store.history('dataproduct:default/a', {})).toHaveLength(1);
      expect(
        Number((await knex('scorecard_history').count({ n: '*' }))[0].n),
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps results scored after a sweep started, and products first scored since, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const sweepStart = '2026-11-20T10:00:00.000Z';
      // Re-scored from a catalog change while the sweep was running:
      const newer = scorecard('a', { evaluatedAt: '2026-11-20T10:00:02.000Z' });
      const created = scorecard('new', {
        evaluatedAt: '2026-11-20T10:00:03.000Z',
      });
      await store.saveResults(
        [newer, created],
        new Map(),
        '2026-11-20T10:00:03.000Z',
      );

      // The sweep read the catalog before both: its older result of a fails.
      const older = scorecard('a', {
        violations: [{ ruleId: 'SEC-001' }],
        evaluatedAt: sweepStart,
      });
      expect(
        await store.saveResults(
          [older],
          await store.storedStates(),
          sweepStart,
          {
            evaluatedBefore: sweepStart,
          },
        ),
      ).toBe(0);
      expect(
        await store.deleteMissing(new Set(['dataproduct:default/a']), {
          evaluatedUpTo: sweepStart,
        }),
      ).toBe(0);
      await store.markAllEvaluated(sweepStart);
      expect(await store.get('dataproduct:default/a')).toMatchObject({
        status: 'pass',
        evaluatedAt: '2026-11-20T10:00:02.000Z',
      });
      expect(await store.get('dataproduct:default/new')).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'returns the latest 1,000 changes, oldest first, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const rows = Array.from({ length: 1005 }, (_, i) => ({
        entity_ref: 'dataproduct:default/a',
        score: i % 100,
        status: 'fail',
        error_count: 1,
        warning_count: 0,
        rule_ids: '[]',
        policy_version: 'v1',
        recorded_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 200) {
        await knex('scorecard_history').insert(rows.slice(i, i + 200));
      }
      const history = await store.history('dataproduct:default/a', {});
      expect(history).toHaveLength(HISTORY_LIMIT);
      expect(history[0].recordedAt).toBe(rows[5].recorded_at);
      expect(history[history.length - 1].recordedAt).toBe(
        rows[1004].recorded_at,
      );
    },
  );
});
