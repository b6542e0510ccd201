import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';

const TABLES = [
  'scorecards',
  'scorecard_rule_hits',
  'scorecard_history',
  'domain_rollups_daily',
  'waivers',
  'sweeps',
  'measurements',
  'quality_test_results',
  'product_facts',
  'kpi_state',
  'kpi_snapshots',
  'product_provenance',
  'notification_claims',
];

describe('database migrations', () => {
  const databases = createTestDatabases();

  it('run on SQLite and on every configured engine', () => {
    const configured = Object.entries(process.env).flatMap(([name, value]) => {
      const match = name.match(
        /^BACKSTAGE_TEST_DATABASE_(POSTGRES|MYSQL)(\d+)_CONNECTION_STRING$/,
      );
      return match && value ? [`${match[1]}_${match[2]}`] : [];
    });
    const ids = databases.eachSupportedId().map(([id]) => id);
    expect(ids).toEqual(expect.arrayContaining(['SQLITE_3', ...configured]));
  });

  it.each(databases.eachSupportedId())(
    'turn waivers granted through the API into approved ones, and back, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const directory = resolvePackagePath(
        '@datamesh-backstage/plugin-data-mesh-backend',
        'migrations',
      );
      await knex.migrate.up({ directory });
      await knex.migrate.up({ directory });
      const granted = {
        entity_ref: 'dataproduct:default/a',
        rule_id: 'SEC-001',
        reason: 'Vendor migration',
        expires_at: '2027-01-31T00:00:00.000Z',
        created_by: 'user:default/ana',
        created_at: '2026-11-21T10:00:00.000Z',
      };
      await knex('waivers').insert(granted);
      await applyDatabaseMigrations(knex);
      expect(await knex('waivers').select()).toEqual([
        {
          entity_ref: 'dataproduct:default/a',
          rule_id: 'SEC-001',
          source: 'api',
          reason: 'Vendor migration',
          expires_at: '2027-01-31T00:00:00.000Z',
          status: 'approved',
          requested_by: 'user:default/ana',
          requested_at: '2026-11-21T10:00:00.000Z',
          decided_by: 'user:default/ana',
          decided_at: '2026-11-21T10:00:00.000Z',
          comment: null,
        },
      ]);
      // The spec and the API may each hold a waiver of the same rule.
      const declared = {
        entity_ref: 'dataproduct:default/a',
        rule_id: 'SEC-001',
        source: 'entity',
        reason: 'Declared in the spec',
        expires_at: '2027-01-31T23:59:59.999Z',
        requested_at: '2026-11-22T00:00:00.000Z',
      };
      await knex('waivers').insert(declared);
      const duplicate = await knex('waivers')
        .insert(declared)
        .then(
          () => 'inserted',
          error => String(error),
        );
      expect(duplicate).toMatch(/unique|duplicate/i);
      expect(await knex('waivers').where({ source: 'entity' })).toEqual([
        expect.objectContaining({ status: 'pending', requested_by: null }),
      ]);
      // Down to before the waiver migration (a later one comes after it).
      while (
        (await knex.migrate.currentVersion({ directory })) >= '20261130000000'
      ) {
        await knex.migrate.down({ directory });
      }
      expect(await knex('waivers').select()).toEqual([granted]);
    },
  );

  it.each(databases.eachSupportedId())(
    'apply, store what they declare, and roll back on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }

      // Long JSON, unicode and ISO timestamps survive each engine unchanged.
      const violations = JSON.stringify(
        Array.from({ length: 2000 }, (_, i) => ({
          ruleId: 'SCHEMA-002',
          message: `Field 'feld_${i}' — ünïcode`,
        })),
      );
      const row = {
        entity_ref: 'dataproduct:default/customer-360',
        domain: 'domain:default/customer',
        owner: 'group:default/customer-domain-team',
        product_type: 'aggregate',
        lifecycle: 'production',
        score: 87.5,
        status: 'warn',
        status_rank: 1,
        error_count: 0,
        warning_count: 6,
        info_count: 1,
        waived_count: 0,
        violations,
        policy_version: 'abc123',
        result_hash: 'f'.repeat(64),
        outcome_hash: 'e'.repeat(64),
        stale: false,
        stale_reason: null,
        details: null,
        evaluated_at: '2026-11-21T10:00:00.000Z',
        changed_at: '2026-11-21T10:00:00.000Z',
        waivers: JSON.stringify([{ ruleId: 'SEC-001', counts: false }]),
      };
      await knex('scorecards').insert(row);
      const [stored] = await knex('scorecards').select();
      expect({ ...stored, stale: Boolean(stored.stale) }).toEqual(row);
      expect(violations.length).toBeGreaterThan(65_535);

      await knex('scorecards').delete();
      await rollbackDatabaseMigrations(knex);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    },
  );
});
