import { Knex } from 'knex';
import { createMigratedTestDatabases } from './migratedDatabases';

/** Inserts a snapshot with one product and answers the snapshot's id. */
async function insertSnapshot(knex: Knex): Promise<number> {
  const [inserted] = await knex('visibility_snapshots')
    .insert({ principal_key: 'k', started_at: '2026-11-20T10:00:00.000Z' })
    .returning('id');
  const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
  await knex('visible_products').insert({
    snapshot_id: id,
    entity_ref: 'dataproduct:default/a',
  });
  return id;
}

const count = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

describe('createMigratedTestDatabases', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'hands a later test the migrated schema with every table empty and identities restarted, on %p',
    async databaseId => {
      const first = await databases.init(databaseId);
      const migrations = await count(first, 'knex_migrations');
      expect(migrations).toBeGreaterThan(0);
      expect(await insertSnapshot(first)).toBe(1);
      expect(await insertSnapshot(first)).toBe(2);

      const later = await databases.init(databaseId);
      expect(await count(later, 'visibility_snapshots')).toBe(0);
      expect(await count(later, 'visible_products')).toBe(0);
      // The migrations stay recorded, so they are not run again.
      expect(await count(later, 'knex_migrations')).toBe(migrations);
      expect(await insertSnapshot(later)).toBe(1);
    },
  );
});
