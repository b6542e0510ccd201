import {
  collectPages,
  seedListedScorecards,
} from '../__testUtils__/scorecardLists';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { listScorecards, ListScorecardsQuery } from './listScorecards';
import { EVERY_PRODUCT as all } from './visibleProducts';

const base: ListScorecardsQuery = {
  orderBy: 'entityRef',
  order: 'asc',
  limit: 50,
};

describe('listScorecards', () => {
  const databases = createMigratedTestDatabases();

  const seed = async (databaseId: Parameters<typeof databases.init>[0]) =>
    seedListedScorecards(await databases.init(databaseId));

  it.each(databases.eachSupportedId())(
    'pages through every row exactly once on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const first = await listScorecards(knex, { ...base, limit: 10 }, all);
      expect(first.totalItems).toBe(25);
      expect(first.items).toHaveLength(10);
      expect(first.items[0]).toEqual({
        entityRef: 'dataproduct:default/p00',
        score: 100,
        status: 'pass',
        evaluatedAt: '2026-11-20T10:00:00.000Z',
        policyVersion: 'v1',
        stale: false,
        domain: 'domain:default/customer',
        owner: 'group:default/customer-domain-team',
        type: 'source-aligned',
        lifecycle: 'production',
        errorCount: 0,
        warningCount: 0,
        waivedCount: 0,
      });
      const { refs, pages } = await collectPages(knex, { ...base, limit: 10 });
      expect(pages).toBe(3);
      expect(new Set(refs).size).toBe(25);
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts by score and status with ties broken by ref on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const byScore = await collectPages(knex, {
        ...base,
        orderBy: 'score',
        order: 'asc',
        limit: 4,
      });
      const scores = byScore.refs.map(r => Number(r.split(':')[1]));
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(byScore.refs).toHaveLength(25);

      const byStatus = await listScorecards(
        knex,
        { ...base, orderBy: 'status', limit: 25 },
        all,
      );
      const statuses = byStatus.items.map(item => item.status);
      expect(statuses.indexOf('pass')).toBeGreaterThan(
        statuses.lastIndexOf('fail'),
      );

      const desc = await collectPages(knex, {
        ...base,
        orderBy: 'score',
        order: 'desc',
        limit: 7,
      });
      expect(desc.refs).toEqual(
        [...byScore.refs]
          .reverse()
          .sort(
            (a, b) =>
              Number(b.split(':')[1]) - Number(a.split(':')[1]) ||
              b.localeCompare(a),
          ),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by domain, status and type on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const page = await listScorecards(
        knex,
        {
          ...base,
          domain: 'domain:default/order',
          status: 'fail',
          type: 'aggregate',
        },
        all,
      );
      expect(page.items.map(i => i.entityRef.slice(-3))).toEqual([
        'p07',
        'p11',
        'p19',
        'p23',
      ]);
      expect(page.totalItems).toBe(4);

      const band = await listScorecards(
        knex,
        { ...base, minScore: 90, maxScore: 98, orderBy: 'score' },
        all,
      );
      expect(band.items.map(i => i.score)).toEqual([
        96, 96, 96, 96, 96, 96, 98, 98, 98, 98, 98, 98,
      ]);
      expect(band.totalItems).toBe(12);
    },
  );

  it('rejects a forged cursor with a 400', async () => {
    const knex = await seed('SQLITE_3');
    await expect(
      listScorecards(knex, { ...base, cursor: 'bm9wZQ' }, all),
    ).rejects.toThrow('cursor: not a cursor returned by this API');
  });
});
