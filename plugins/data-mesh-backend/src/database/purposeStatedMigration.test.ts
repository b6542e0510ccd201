import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';

const directory = resolvePackagePath(
  '@datamesh-backstage/plugin-data-mesh-backend',
  'migrations',
);
const name = '20261204100000_agreement_purpose_stated.js';

const agreementRow = (id: string, purpose: string) => ({
  id,
  request_id: `r-${id}`,
  product_ref: 'dataproduct:default/orders',
  port: 'table',
  consumer_ref: `component:default/${id}`,
  purpose,
  purpose_shareable: false,
  fields: '[]',
  requested_by: 'user:default/jo',
  approved_by: 'user:default/ann',
  approved_at: '2026-12-01T00:00:00.000Z',
  expires_at: '2027-12-01T00:00:00.000Z',
  status: 'active',
  ending: null,
  end_reason: null,
  status_reason: null,
  updated_at: '2026-12-01T00:00:00.000Z',
});

describe('the stated purpose migration', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'marks the existing agreements whose purpose is not blank, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasColumn('agreements', 'purpose_stated')).toBe(
        false,
      );
      await knex('agreements').insert([
        agreementRow('a', 'churn prediction'),
        agreementRow('b', '   '),
        agreementRow('c', ' \t\n '),
        agreementRow('d', '\tfraud scoring '),
      ]);
      await knex.migrate.up({ directory, name });
      const rows = await knex('agreements')
        .orderBy('id')
        .select('id', 'purpose_stated');
      expect(rows.map(row => [row.id, Boolean(row.purpose_stated)])).toEqual([
        ['a', true],
        ['b', false],
        ['c', false],
        ['d', true],
      ]);
    },
  );
});
