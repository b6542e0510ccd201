import { createTestDatabases } from '../__testUtils__/testDatabases';
import { insertRows } from './insertRows';

describe('insertRows', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'inserts more rows than a statement holds, and merges on conflict, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('items', table => {
        table.string('ref', 255).primary();
        table.string('label', 255).nullable();
        table.boolean('flag').notNullable();
        table.integer('size').nullable();
      });
      const rows = Array.from({ length: 1201 }, (_, i) => ({
        ref: `item-${String(i).padStart(4, '0')}`,
        label: i % 3 ? `label ${i}` : null,
        flag: i % 2 === 0,
        size: i % 5 ? i : null,
      }));
      await insertRows(knex, 'items', rows);
      const stored = await knex('items').orderBy('ref');
      expect(stored.map(row => ({ ...row, flag: Boolean(row.flag) }))).toEqual(
        rows,
      );

      await insertRows(
        knex,
        'items',
        [
          { ref: 'item-0000', label: 'merged', flag: false, size: 7 },
          { ref: 'item-9999', label: null, flag: true, size: null },
        ],
        { onConflict: ['ref'] },
      );
      expect(Number((await knex('items').count({ n: '*' }))[0].n)).toBe(1202);
      expect(
        await knex('items')
          .whereIn('ref', ['item-0000', 'item-9999'])
          .orderBy('ref')
          .select('ref', 'label', 'size'),
      ).toEqual([
        { ref: 'item-0000', label: 'merged', size: 7 },
        { ref: 'item-9999', label: null, size: null },
      ]);
      // Without onConflict a stored key is refused. (Matched by message, not
      // toThrow: better-sqlite3's errors may come from another test's realm.)
      await expect(
        insertRows(knex, 'items', [
          { ref: 'item-0001', label: null, flag: true, size: null },
        ]),
      ).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/unique|duplicate/i),
      );
    },
  );
});
