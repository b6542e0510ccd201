import { scorecard } from '../__testUtils__/scorecards';
import {
  collectPages,
  seedListedScorecards,
} from '../__testUtils__/scorecardLists';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { visibleSnapshot } from '../__testUtils__/visibleSnapshot';
import { listScorecards, ListScorecardsQuery } from './listScorecards';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { NO_PRODUCT } from './visibleProducts';

const base: ListScorecardsQuery = {
  orderBy: 'entityRef',
  order: 'asc',
  limit: 50,
};

describe('listScorecards of a caller who sees some products', () => {
  const databases = createMigratedTestDatabases();

  const seed = async (databaseId: Parameters<typeof databases.init>[0]) =>
    seedListedScorecards(await databases.init(databaseId));

  it.each(databases.eachSupportedId())(
    'never returns or counts invisible products on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const visibility = await visibleSnapshot(knex, [
        'dataproduct:default/p03',
        'dataproduct:default/p17',
        'dataproduct:default/p24',
        // A product the catalog shows but that has no scorecard yet.
        'dataproduct:default/p99',
      ]);
      const { refs } = await collectPages(
        knex,
        { ...base, limit: 2 },
        visibility,
      );
      expect(refs.map(r => r.split(':')[0])).toEqual(['p03', 'p17', 'p24']);
      const page = await listScorecards(
        knex,
        { ...base, limit: 2 },
        visibility,
      );
      expect(page.totalItems).toBe(3);
      const nothing = { items: [], totalItems: 0, nextCursor: undefined };
      expect(await listScorecards(knex, base, NO_PRODUCT)).toEqual(nothing);
      const empty = await visibleSnapshot(knex, []);
      expect(await listScorecards(knex, base, empty)).toEqual(nothing);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through the visible products in any order, with filters, on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const visibleNames = [1, 2, 5, 8, 11, 14, 17, 20, 23, 24];
      const visibility = await visibleSnapshot(
        knex,
        visibleNames.map(
          i => `dataproduct:default/p${String(i).padStart(2, '0')}`,
        ),
      );
      for (const query of [
        { ...base, orderBy: 'score' as const, order: 'desc' as const },
        { ...base, orderBy: 'status' as const, domain: 'domain:default/order' },
        { ...base, orderBy: 'type' as const, order: 'desc' as const },
      ]) {
        const everything = await collectPages(knex, { ...query, limit: 50 });
        const expected = everything.refs.filter(ref =>
          visibleNames.includes(Number(ref.slice(1, 3))),
        );
        const visible = await collectPages(
          knex,
          { ...query, limit: 3 },
          visibility,
        );
        expect(visible.refs).toEqual(expected);
        const first = await listScorecards(
          knex,
          { ...query, limit: 3 },
          visibility,
        );
        expect(first.totalItems).toBe(expected.length);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the visible products among many rows, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const cards = Array.from({ length: 10_250 }, (_, i) =>
        scorecard(`p${String(i).padStart(5, '0')}`),
      );
      await new DatabaseScorecardStore(knex).saveResults(
        cards,
        '2026-11-20T10:00:00.000Z',
      );
      // Every third product is visible, including the very last one.
      const visible = new Set(
        cards
          .filter((_, i) => i % 3 === 0 || i === 10_249)
          .map(c => c.entityRef),
      );
      const page = await listScorecards(
        knex,
        base,
        await visibleSnapshot(knex, [...visible]),
      );
      expect(page.totalItems).toBe(visible.size);
      expect(page.items.every(item => visible.has(item.entityRef))).toBe(true);
    },
  );
});
