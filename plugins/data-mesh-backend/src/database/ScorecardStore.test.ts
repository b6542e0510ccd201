import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { scorecard } from '../__testUtils__/scorecards';
import { DatabaseScorecardHistoryStore } from './DatabaseScorecardHistoryStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

describe('ScorecardStore', () => {
  const databases = createMigratedTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return {
      knex,
      store: new DatabaseScorecardStore(knex),
      history: new DatabaseScorecardHistoryStore(knex),
    };
  }

  const historyRows = async (knex: any) =>
    Number((await knex('scorecard_history').count({ n: '*' }))[0].n);

  it.each(databases.eachSupportedId())(
    'stores only changed results, with one history row per change, on %p',
    async databaseId => {
      const { knex, store, history } = await createStore(databaseId);
      const a = scorecard('a', { violations: [{ ruleId: 'SEC-001' }] });
      const b = scorecard('b');

      expect(
        await store.saveResults([a, b], '2026-11-20T10:00:00.000Z'),
      ).toEqual({
        changedOutcomes: 2,
        kept: [],
        changed: [a.entityRef, b.entityRef],
        // Scored for the first time: no transition.
        transitions: [],
      });
      expect(await store.get(a.entityRef)).toEqual({ ...a, stale: false });

      // The same results again: nothing written but "evaluated now".
      expect(
        (await store.saveResults([a, b], '2026-11-20T11:00:00.000Z'))
          .changedOutcomes,
      ).toBe(0);

      // a is fixed: one more history row for a, rule hits replaced.
      const fixed = scorecard('a', { evaluatedAt: '2026-11-20T12:00:00.000Z' });
      expect(
        await store.saveResults([fixed, b], '2026-11-20T12:00:00.000Z'),
      ).toEqual({
        changedOutcomes: 1,
        kept: [],
        changed: [a.entityRef],
        transitions: [
          {
            entityRef: a.entityRef,
            owner: 'group:default/customer-domain-team',
            score: 100,
            previous: { status: 'fail', errorRuleIds: ['SEC-001'] },
            current: { status: 'pass', errorRuleIds: [] },
          },
        ],
      });
      expect(await history.list(a.entityRef, {})).toEqual([
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
        await history.list(a.entityRef, { from: '2026-11-20T11:00:00.000Z' }),
      ).toHaveLength(1);
      expect(await knex('scorecard_rule_hits').select()).toEqual([]);
      expect(await historyRows(knex)).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a change once when two writers store it at the same time, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.saveResults([scorecard('a')], '2026-11-20T10:00:00.000Z');
      const broken = scorecard('a', { violations: [{ ruleId: 'SEC-001' }] });
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          store.saveResults([broken], `2026-11-20T11:00:0${i}.000Z`),
        ),
      );
      expect(results.map(r => r.changedOutcomes).sort()).toEqual([0, 0, 0, 1]);
      expect(await historyRows(knex)).toBe(2);
      // Exactly one writer reports the transition.
      expect(results.flatMap(r => r.transitions)).toEqual([
        expect.objectContaining({
          entityRef: 'dataproduct:default/a',
          previous: { status: 'pass', errorRuleIds: [] },
          current: { status: 'fail', errorRuleIds: ['SEC-001'] },
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'marks results stale with the reason, lists leftovers and deletes, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const at = (name: string, evaluatedAt: string) =>
        scorecard(name, { evaluatedAt });
      await store.saveResults(
        [
          at('a', '2026-11-20T10:00:00.000Z'),
          at('b', '2026-11-20T10:00:00.000Z'),
          at('c', '2026-11-20T12:00:00.000Z'),
        ],
        '2026-11-20T10:00:00.000Z',
      );
      await store.markStale('catalog down', {
        evaluatedBefore: '2026-11-20T11:00:00.000Z',
      });
      expect(await store.get('dataproduct:default/a')).toMatchObject({
        stale: true,
        staleReason: 'catalog down',
      });
      expect((await store.get('dataproduct:default/c'))?.stale).toBe(false);
      await store.markStale('gone invalid', {
        entityRefs: ['dataproduct:default/c'],
      });
      expect((await store.get('dataproduct:default/c'))?.staleReason).toBe(
        'gone invalid',
      );
      // Storing the unchanged result again makes it fresh.
      await store.saveResults(
        [at('a', '2026-11-21T10:00:00.000Z')],
        '2026-11-21T10:00:00.000Z',
      );
      const fresh = await store.get('dataproduct:default/a');
      expect(fresh).toMatchObject({
        stale: false,
        evaluatedAt: '2026-11-21T10:00:00.000Z',
      });
      expect(fresh?.staleReason).toBeUndefined();

      const before = '2026-11-21T00:00:00.000Z';
      expect(await store.evaluatedBefore(before, { limit: 1 })).toEqual([
        'dataproduct:default/b',
      ]);
      expect(
        await store.evaluatedBefore(before, {
          after: 'dataproduct:default/b',
          limit: 10,
        }),
      ).toEqual(['dataproduct:default/c']);
      expect(await store.delete(['dataproduct:default/b'])).toBe(1);
      expect(await store.count()).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes thousands of results in chunks; retention keeps each latest history row, on %p',
    async databaseId => {
      const { knex, store, history } = await createStore(databaseId);
      const cards = Array.from({ length: 1203 }, (_, i) =>
        scorecard(`p${i}`, {
          violations:
            i % 2 ? [{ ruleId: 'SEC-001' }, { ruleId: 'SLO-002' }] : [],
        }),
      );
      expect(
        (await store.saveResults(cards, '2026-01-01T00:00:00.000Z'))
          .changedOutcomes,
      ).toBe(1203);
      // p1 changes twice more; the first change is also old.
      await store.saveResults([scorecard('p1')], '2026-01-01T06:00:00.000Z');
      await store.saveResults(
        [scorecard('p1', { violations: [{ ruleId: 'DOC-001' }] })],
        '2026-03-01T00:00:00.000Z',
      );
      expect(await store.count()).toBe(1203);
      // Everything before February goes, except each product's latest row.
      expect(await history.deleteBefore('2026-02-01T00:00:00.000Z')).toBe(2);
      expect(await historyRows(knex)).toBe(1203);
      expect(await history.list('dataproduct:default/p1', {})).toEqual([
        expect.objectContaining({
          recordedAt: '2026-03-01T00:00:00.000Z',
          ruleIds: ['DOC-001'],
        }),
      ]);
      expect(await history.list('dataproduct:default/p2', {})).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'rewrites a result whose messages changed without a history row, on %p',
    async databaseId => {
      const { knex, store, history } = await createStore(databaseId);
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
      await store.saveResults([breach(98.1)], '2026-11-20T10:00:00.000Z');
      expect(
        (await store.saveResults([breach(98.3)], '2026-11-20T11:00:00.000Z'))
          .changedOutcomes,
      ).toBe(0);
      expect(
        (await store.get('dataproduct:default/a'))?.violations[0].message,
      ).toBe('availability SLO breached: 98.3% of checks');
      expect(await history.list('dataproduct:default/a', {})).toHaveLength(1);
      expect(await historyRows(knex)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps results scored after a sweep started, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const sweepStart = '2026-11-20T10:00:00.000Z';
      // Re-scored from a catalog change while the sweep was running:
      const newer = scorecard('a', { evaluatedAt: '2026-11-20T10:00:02.000Z' });
      await store.saveResults([newer], '2026-11-20T10:00:02.000Z');

      // The sweep read the catalog before: its older result of a fails.
      const older = scorecard('a', {
        violations: [{ ruleId: 'SEC-001' }],
        evaluatedAt: sweepStart,
      });
      expect(
        await store.saveResults([older, scorecard('b')], sweepStart, {
          evaluatedBefore: sweepStart,
        }),
      ).toEqual({
        changedOutcomes: 1,
        kept: ['dataproduct:default/a'],
        changed: ['dataproduct:default/b'],
        // b is scored for the first time; a's newer result is not replaced.
        transitions: [],
      });
      expect(await store.get('dataproduct:default/a')).toMatchObject({
        status: 'pass',
        evaluatedAt: '2026-11-20T10:00:02.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stores what a result is still waiting for, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const waiting = {
        ...scorecard('a'),
        pendingReferences: [
          { ref: 'group:default/new-team', path: 'spec.owner' },
        ],
        pendingUntil: '2026-11-20T10:15:00.000Z',
      };
      await store.saveResults([waiting], '2026-11-20T10:00:00.000Z');
      expect(await store.get('dataproduct:default/a')).toEqual({
        ...waiting,
        stale: false,
      });
      // The reference arrived: same score, but the result is rewritten.
      await store.saveResults([scorecard('a')], '2026-11-20T10:01:00.000Z');
      expect(
        (await store.get('dataproduct:default/a'))?.pendingReferences,
      ).toBeUndefined();
    },
  );
});
