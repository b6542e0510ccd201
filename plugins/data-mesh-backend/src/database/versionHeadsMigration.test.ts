import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseProductVersionStore } from './DatabaseProductVersionStore';
import { applyDatabaseMigrations } from './migrations';

const directory = resolvePackagePath(
  '@datamesh-backstage/plugin-data-mesh-backend',
  'migrations',
);
const name = '20261205000000_product_version_heads.js';

const A = 'dataproduct:default/a';
const B = 'dataproduct:default/b';
const C = 'dataproduct:default/c';

const versionRow = (
  entityRef: string,
  version: string,
  lifecycle: string,
  breakingUnannounced = false,
) => ({
  entity_ref: entityRef,
  version,
  lifecycle,
  snapshot_hash: `hash-${version}`,
  snapshot: JSON.stringify({ version, fields: [], outputPorts: [], slo: {} }),
  breaking_unannounced: breakingUnannounced,
  seen_at: '2026-11-20T10:00:00.000Z',
});

describe('the product version heads migration', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'fills each product head from the versions already stored, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasTable('product_version_heads')).toBe(false);
      // In id order: A's 1.1.0 broke 1.0.0 unannounced, then was retired;
      // B was never in production; C went from 1.0.0 to 2.0.0 in production.
      for (const row of [
        versionRow(A, '1.0.0', 'production'),
        versionRow(B, '0.1.0', 'development'),
        versionRow(C, '1.0.0', 'production'),
        versionRow(A, '1.1.0', 'production', true),
        versionRow(C, '2.0.0', 'production'),
        versionRow(A, '1.1.0', 'deprecated'),
      ]) {
        await knex('product_versions').insert(row);
      }
      await knex.migrate.up({ directory, name });

      const heads = await knex('product_version_heads')
        .orderBy('entity_ref')
        .select('*');
      expect(heads).toEqual([
        {
          entity_ref: A,
          latest_hash: 'hash-1.1.0',
          latest_lifecycle: 'deprecated',
          production_hash: 'hash-1.0.0',
        },
        {
          entity_ref: B,
          latest_hash: 'hash-0.1.0',
          latest_lifecycle: 'development',
          production_hash: null,
        },
        {
          entity_ref: C,
          latest_hash: 'hash-2.0.0',
          latest_lifecycle: 'production',
          production_hash: 'hash-2.0.0',
        },
      ]);
      // The store compares A with the version before the unannounced break.
      const read = await new DatabaseProductVersionStore(knex).heads([A, B]);
      expect(read.get(A)?.production?.version).toBe('1.0.0');
      expect(read.get(B)?.production).toBeUndefined();
    },
  );
});
