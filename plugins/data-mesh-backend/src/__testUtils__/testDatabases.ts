import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

const connectionStringSet = (id: TestDatabaseId) =>
  Boolean(
    process.env[
      `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
    ],
  );

/**
 * The databases every store test runs on: SQLite always, plus each engine
 * whose `BACKSTAGE_TEST_DATABASE_<ID>_CONNECTION_STRING` is set (CI sets
 * PostgreSQL and MySQL, which is MariaDB there). Where Docker may be used and
 * nothing is set, Backstage's containers for PostgreSQL 18 and MySQL 8.
 *
 * Use it the way Backstage's own store tests use `TestDatabases`:
 *
 * ```ts
 * const databases = createTestDatabases();
 * it.each(databases.eachSupportedId())('works on %p', async id => {
 *   const knex = await databases.init(id);
 * });
 * ```
 */
export function createTestDatabases(): TestDatabases {
  const configured = [...POSTGRES_IDS, 'MYSQL_8' as const].filter(
    connectionStringSet,
  );
  const dockerAllowed =
    Boolean(process.env.CI) && !process.env.BACKSTAGE_TEST_DISABLE_DOCKER;
  const ids: TestDatabaseId[] =
    configured.length > 0 || !dockerAllowed
      ? ['SQLITE_3', ...configured]
      : ['SQLITE_3', 'POSTGRES_18', 'MYSQL_8'];
  return TestDatabases.create({ ids });
}
