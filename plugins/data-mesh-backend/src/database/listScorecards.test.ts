import { scorecard } from '../__testUtils__/scorecards';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { listScorecards, ListScorecardsQuery } from './listScorecards';
import { applyDatabaseMigrations } from './migrations';
import { ScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

const all = { all: true as const };
const base: ListScorecardsQuery = {
  orderBy: 'entityRef',
  order: 'asc',
  limit: 50,
};

describe('listScorecards', () => {
  const databases = createTestDatabases();

  async function seed(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const cards = Array.from({ length: 25 }, (_, i) =>
      scorecard(`p${String(i).padStart(2, '0')}`, {
        domain: i % 2 ? 'order' : 'customer',
        type: i % 3 ? 'aggregate' : 'source-aligned',
        violations: Array.from({ length: i % 4 }, (__, j) => ({
          ruleId: `R-${j}`,
          severity: j === 2 ? 'error' : 'warning',
        })),
      }),
    );
    await ScorecardStore.create(knex).saveResults(
      cards,
      '2026-11-20T10:00:00.000Z',
    );
    return knex;
  }

  async function collect(
    knex: any,
    query: ListScorecardsQuery,
    visibility: any = all,
  ) {
    const refs: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listScorecards(knex, { ...query, cursor }, visibility);
      expect(page.items.length).toBeLessThanOrEqual(query.limit);
      refs.push(
        ...page.items.map(item => `${item.entityRef.slice(-3)}:${item.score}`),
      );
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { refs, pages };
  }

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
      const { refs, pages } = await collect(knex, { ...base, limit: 10 });
      expect(pages).toBe(3);
      expect(new Set(refs).size).toBe(25);
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts by score and status with ties broken by ref on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const byScore = await collect(knex, {
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

      const desc = await collect(knex, {
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

  it.each(databases.eachSupportedId())(
    'never returns or counts invisible products on %p',
    async databaseId => {
      const knex = await seed(databaseId);
      const visible = new Set([
        'dataproduct:default/p03',
        'dataproduct:default/p17',
        'dataproduct:default/p24',
      ]);
      const visibility = { all: false as const, refs: visible };
      const { refs } = await collect(knex, { ...base, limit: 2 }, visibility);
      expect(refs.map(r => r.split(':')[0])).toEqual(['p03', 'p17', 'p24']);
      const page = await listScorecards(
        knex,
        { ...base, limit: 2 },
        visibility,
      );
      expect(page.totalItems).toBe(3);
      const none = await listScorecards(knex, base, {
        all: false,
        refs: new Set(),
      });
      expect(none).toEqual({ items: [], totalItems: 0, nextCursor: undefined });
    },
  );

  it('rejects a forged cursor with a 400', async () => {
    const knex = await seed('SQLITE_3');
    await expect(
      listScorecards(knex, { ...base, cursor: 'bm9wZQ' }, all),
    ).rejects.toThrow('cursor: not a cursor returned by this API');
  });

  it.each(databases.eachSupportedId())(
    'counts the visible products among more rows than one counting round reads, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const cards = Array.from({ length: 10_250 }, (_, i) =>
        scorecard(`p${String(i).padStart(5, '0')}`),
      );
      await ScorecardStore.create(knex).saveResults(
        cards,
        '2026-11-20T10:00:00.000Z',
      );
      // Every third product is visible, including the very last one.
      const visible = new Set(
        cards
          .filter((_, i) => i % 3 === 0 || i === 10_249)
          .map(c => c.entityRef),
      );
      const page = await listScorecards(knex, base, {
        all: false,
        refs: visible,
      });
      expect(page.totalItems).toBe(visible.size);
      expect(page.items.every(item => visible.has(item.entityRef))).toBe(true);
    },
  );
});
