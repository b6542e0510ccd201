import { mockServices } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseProductVersionStore } from '../database/DatabaseProductVersionStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { recordExampleVersions } from './exampleProductVersions';

const FILE = join(
  __dirname,
  '../../../../examples/versions/customer-360-2.0.0.yaml',
);
const REF = 'dataproduct:default/customer-360';

describe('recordExampleVersions', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    "records an example product's earlier version once, before any other, on %p",
    async id => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const versions = new DatabaseProductVersionStore(knex);
      const options = {
        config: mockServices.rootConfig({
          data: {
            dataMesh: {
              examples: { productVersions: [{ file: FILE, seenDaysAgo: 30 }] },
            },
          },
        }),
        logger: mockServices.logger.mock(),
        versions,
        now: () => new Date('2026-11-30T10:00:00.000Z'),
      };
      expect(await recordExampleVersions(options)).toBe(1);
      const [earlier] = await versions.list(REF);
      expect(earlier).toMatchObject({
        version: '2.0.0',
        lifecycle: 'production',
        seenAt: '2026-10-31T10:00:00.000Z',
        breakingUnannounced: false,
      });
      expect(earlier.snapshot.fields.map(f => f.name)).not.toContain(
        'churn_probability',
      );
      // A restart records nothing again.
      expect(await recordExampleVersions(options)).toBe(0);
      expect(await versions.list(REF)).toHaveLength(1);
    },
  );
});
