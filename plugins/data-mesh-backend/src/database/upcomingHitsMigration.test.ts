import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';

const directory = resolvePackagePath(
  '@datamesh-backstage/plugin-data-mesh-backend',
  'migrations',
);
// Undone and applied again by name: later migrations stay applied.
const migration = '20261204000000_upcoming_rule_hits.js';

const upcoming = (ruleId: string, state: string, passes: boolean) => ({
  ruleId,
  title: ruleId,
  severity: 'error',
  state,
  passes,
  violations: [],
});

const scorecardRow = (name: string, details: string | null) => ({
  entity_ref: `dataproduct:default/${name}`,
  domain: 'domain:default/customer',
  owner: 'group:default/customer-domain-team',
  product_type: 'aggregate',
  lifecycle: 'production',
  score: 100,
  status: 'pass',
  status_rank: 2,
  error_count: 0,
  warning_count: 0,
  info_count: 0,
  waived_count: 0,
  violations: '[]',
  policy_version: 'abc123',
  result_hash: 'f'.repeat(64),
  outcome_hash: 'e'.repeat(64),
  stale: false,
  stale_reason: null,
  details,
  evaluated_at: '2026-11-30T10:00:00.000Z',
  changed_at: '2026-11-30T10:00:00.000Z',
});

describe('the upcoming rule hits migration', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'fills the table from the stored results: failing draft and grace rules only, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await knex.migrate.down({ directory, name: migration });
      expect(await knex.schema.hasTable('scorecard_upcoming_hits')).toBe(false);
      await knex('scorecards').insert([
        scorecardRow(
          'a',
          JSON.stringify({
            upcoming: [
              upcoming('CERT-001', 'grace', false),
              upcoming('CERT-002', 'draft', true),
              upcoming('OLD-001', 'deprecated', false),
            ],
          }),
        ),
        scorecardRow(
          'b',
          JSON.stringify({ upcoming: [upcoming('CERT-002', 'draft', false)] }),
        ),
        scorecardRow('c', null),
      ]);
      await knex.migrate.up({ directory, name: migration });
      expect(
        await knex('scorecard_upcoming_hits')
          .orderBy(['entity_ref', 'rule_id'])
          .select(),
      ).toEqual([
        {
          entity_ref: 'dataproduct:default/a',
          rule_id: 'CERT-001',
          state: 'grace',
        },
        {
          entity_ref: 'dataproduct:default/b',
          rule_id: 'CERT-002',
          state: 'draft',
        },
      ]);
      await knex.destroy();
    },
  );
});
