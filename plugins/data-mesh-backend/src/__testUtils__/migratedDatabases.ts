import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { createTestDatabases } from './testDatabases';

/** Tables knex keeps its own migration state in: never emptied. */
const MIGRATION_TABLES = new Set(['knex_migrations', 'knex_migrations_lock']);

async function listTables(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  let names: string[];
  if (client.includes('sqlite')) {
    const rows = await knex('sqlite_master')
      .where({ type: 'table' })
      .whereNot('name', 'like', 'sqlite_%')
      .select('name');
    names = rows.map(row => row.name);
  } else if (client.includes('pg')) {
    const { rows } = await knex.raw(
      'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()',
    );
    names = rows.map((row: { tablename: string }) => row.tablename);
  } else {
    const [rows] = await knex.raw(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    names = rows.map((row: { name: string }) => row.name);
  }
  return names.filter(name => !MIGRATION_TABLES.has(name)).sort();
}

/**
 * Empties every table of the plugin and restarts its identity counters, so
 * the database is as a fresh migration left it.
 */
async function emptyTables(knex: Knex, tables: string[]): Promise<void> {
  const client = String(knex.client.config.client);
  if (client.includes('pg')) {
    await knex.raw(
      `TRUNCATE ${tables.map(() => '??').join(', ')} RESTART IDENTITY CASCADE`,
      tables,
    );
    return;
  }
  if (client.includes('sqlite')) {
    await knex.raw('PRAGMA foreign_keys = OFF');
    try {
      for (const table of tables) await knex(table).delete();
      if (await knex.schema.hasTable('sqlite_sequence')) {
        await knex('sqlite_sequence').delete();
      }
    } finally {
      await knex.raw('PRAGMA foreign_keys = ON');
    }
    return;
  }
  // MySQL: one connection, so that switching off the foreign key checks
  // holds for the deletes.
  await knex.transaction(async trx => {
    await trx.raw('SET FOREIGN_KEY_CHECKS = 0');
    for (const table of tables) await trx(table).delete();
    await trx.raw('SET FOREIGN_KEY_CHECKS = 1');
  });
  const [counters] = await knex.raw(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = DATABASE() AND auto_increment > 1`,
  );
  for (const { name } of counters as Array<{ name: string }>) {
    await knex.raw('ALTER TABLE ?? AUTO_INCREMENT = 1', [name]);
  }
}

/**
 * The store tests' databases (see `createTestDatabases`), each migrated to
 * the plugin's latest schema once per test file: `init` hands the first
 * test of an engine a freshly migrated database and each later test the
 * same one with every table emptied. Running the migrations costs seconds
 * on MySQL and PostgreSQL; emptying the tables costs milliseconds.
 *
 * ```ts
 * const databases = createMigratedTestDatabases();
 * it.each(databases.eachSupportedId())('works on %p', async id => {
 *   const knex = await databases.init(id);
 * });
 * ```
 */
export function createMigratedTestDatabases() {
  const databases = createTestDatabases();
  const migrated = new Map<TestDatabaseId, { knex: Knex; tables: string[] }>();
  return {
    eachSupportedId: () => databases.eachSupportedId(),
    async init(id: TestDatabaseId): Promise<Knex> {
      const known = migrated.get(id);
      if (known) {
        await emptyTables(known.knex, known.tables);
        return known.knex;
      }
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      migrated.set(id, { knex, tables: await listTables(knex) });
      return knex;
    },
  };
}
