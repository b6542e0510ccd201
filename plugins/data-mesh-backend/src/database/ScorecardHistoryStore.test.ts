import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseScorecardHistoryStore } from './DatabaseScorecardHistoryStore';
import { HISTORY_LIMIT } from './ScorecardHistoryStore';

describe('ScorecardHistoryStore', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'returns the latest 1,000 changes, oldest first, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
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
      const history = await new DatabaseScorecardHistoryStore(knex).list(
        'dataproduct:default/a',
        {},
      );
      expect(history).toHaveLength(HISTORY_LIMIT);
      expect(history[0].recordedAt).toBe(rows[5].recorded_at);
      expect(history[history.length - 1].recordedAt).toBe(
        rows[1004].recorded_at,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'gives what each product broke from a moment on, with where it stood before, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const row = (ref: string, day: string, ruleIds: string[]) => ({
        entity_ref: `dataproduct:default/${ref}`,
        score: 100,
        status: 'pass',
        error_count: 0,
        warning_count: 0,
        rule_ids: JSON.stringify(ruleIds),
        policy_version: 'v1',
        recorded_at: `${day}T10:00:00.000Z`,
      });
      await knex('scorecard_history').insert([
        row('a', '2026-08-01', ['OLD-001']),
        row('a', '2026-09-01', ['SEC-001']),
        row('a', '2026-11-01', []),
        row('a', '2026-11-05', ['DOC-001']),
        row('b', '2026-08-01', ['SEC-002']),
        row('c', '2026-11-02', ['DOC-001']),
        row('d', '2026-11-02', ['DOC-001']),
      ]);
      const found = await new DatabaseScorecardHistoryStore(knex).rulesSince(
        [
          'dataproduct:default/a',
          'dataproduct:default/b',
          'dataproduct:default/c',
        ],
        '2026-10-01T00:00:00.000Z',
      );
      expect(Object.fromEntries(found)).toEqual({
        'dataproduct:default/a': [
          { recordedAt: '2026-09-01T10:00:00.000Z', ruleIds: ['SEC-001'] },
          { recordedAt: '2026-11-01T10:00:00.000Z', ruleIds: [] },
          { recordedAt: '2026-11-05T10:00:00.000Z', ruleIds: ['DOC-001'] },
        ],
        'dataproduct:default/b': [
          { recordedAt: '2026-08-01T10:00:00.000Z', ruleIds: ['SEC-002'] },
        ],
        'dataproduct:default/c': [
          { recordedAt: '2026-11-02T10:00:00.000Z', ruleIds: ['DOC-001'] },
        ],
      });
    },
  );
});
