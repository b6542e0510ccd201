import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseScorecardHistoryStore } from './DatabaseScorecardHistoryStore';
import { HISTORY_LIMIT } from './ScorecardHistoryStore';

jest.setTimeout(60_000);

describe('ScorecardHistoryStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'returns the latest 1,000 changes, oldest first, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
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
});
