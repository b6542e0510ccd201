import { NO_DOMAIN } from '@datamesh-backstage/plugin-data-mesh-common';
import { scorecard } from '../__testUtils__/scorecards';
import { listScorecards } from './listScorecards';
import { visibleSnapshot } from '../__testUtils__/visibleSnapshot';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseRollupStore } from './DatabaseRollupStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

describe('RollupStore', () => {
  const databases = createMigratedTestDatabases();

  async function seed(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await new DatabaseScorecardStore(knex).saveResults(
      [
        scorecard('a', { domain: 'customer' }),
        scorecard('b', {
          domain: 'customer',
          violations: [{ ruleId: 'SEC-001' }, { ruleId: 'SLO-002' }],
        }),
        scorecard('c', {
          domain: 'customer',
          violations: [{ ruleId: 'SCHEMA-002', severity: 'warning' }],
        }),
        scorecard('d', {
          domain: 'order',
          violations: [
            { ruleId: 'SEC-001' },
            { ruleId: 'SEC-002', waived: true },
          ],
        }),
      ],
      '2026-11-20T10:00:00.000Z',
    );
    return { rollups: new DatabaseRollupStore(knex), knex };
  }

  const customer = {
    productCount: 3,
    averageScore: 92.67,
    minimumScore: 80,
    passCount: 1,
    warnCount: 1,
    failCount: 1,
    topFailingRules: [
      { ruleId: 'SCHEMA-002', count: 1 },
      { ruleId: 'SEC-001', count: 1 },
      { ruleId: 'SLO-002', count: 1 },
    ],
  };

  it.each(databases.eachSupportedId())(
    'aggregates per domain and for the mesh on %p',
    async databaseId => {
      const { rollups } = await seed(databaseId);
      const current = await rollups.current({ all: true });
      expect(current.domains.get('domain:default/customer')).toEqual(customer);
      expect(current.domains.get('domain:default/order')).toEqual({
        productCount: 1,
        averageScore: 90,
        minimumScore: 90,
        passCount: 0,
        warnCount: 0,
        failCount: 1,
        topFailingRules: [{ ruleId: 'SEC-001', count: 1 }],
      });
      expect(current.mesh).toEqual({
        productCount: 4,
        averageScore: 92,
        minimumScore: 80,
        passCount: 1,
        warnCount: 1,
        failCount: 2,
        topFailingRules: [
          { ruleId: 'SEC-001', count: 2 },
          { ruleId: 'SCHEMA-002', count: 1 },
          { ruleId: 'SLO-002', count: 1 },
        ],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the same figures from the rows a caller may see on %p',
    async databaseId => {
      const { rollups, knex } = await seed(databaseId);
      const everything = await rollups.current(
        await visibleSnapshot(
          knex,
          ['a', 'b', 'c', 'd'].map(n => `dataproduct:default/${n}`),
        ),
      );
      expect(everything.domains.get('domain:default/customer')).toEqual(
        customer,
      );
      const some = await rollups.current(
        await visibleSnapshot(knex, ['dataproduct:default/a']),
      );
      expect([...some.domains.keys()]).toEqual(['domain:default/customer']);
      expect(some.mesh).toMatchObject({
        productCount: 1,
        averageScore: 100,
        topFailingRules: [],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one daily rollup per day and domain, with retention, on %p',
    async databaseId => {
      const { rollups } = await seed(databaseId);
      const current = await rollups.current({ all: true });
      await rollups.saveDaily('2026-11-19', current);
      await rollups.saveDaily('2026-11-20', current);
      await rollups.saveDaily('2026-11-20', current);
      const trends = await rollups.trends('2026-11-01');
      expect(trends.get('*')).toEqual([
        { day: '2026-11-19', averageScore: 92, productCount: 4 },
        { day: '2026-11-20', averageScore: 92, productCount: 4 },
      ]);
      expect(trends.get('domain:default/order')).toHaveLength(2);
      expect(await rollups.deleteBefore('2026-11-20')).toBe(3);
      expect((await rollups.trends('2026-11-01')).get('*')).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls up a visibility snapshot of many products as the aggregate of every product, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const cards = Array.from({ length: 1234 }, (_, i) =>
        scorecard(`p${i}`, {
          domain: ['customer', 'order', 'finance'][i % 3],
          violations: Array.from({ length: i % 4 }, (__, j) => ({
            ruleId: `R-${(i + j) % 7}`,
            severity: j === 1 ? 'warning' : 'error',
          })),
        }),
      );
      await new DatabaseScorecardStore(knex).saveResults(
        cards,
        '2026-11-20T10:00:00.000Z',
      );
      const rollups = new DatabaseRollupStore(knex);
      const visible = await visibleSnapshot(
        knex,
        cards.map(card => card.entityRef),
      );
      expect(await rollups.current(visible)).toEqual(
        await rollups.current({ all: true }),
      );
      // A snapshot of the products of one domain rolls up that domain only.
      const domain = 'domain:default/order';
      const order = cards.filter(card => card.domain === domain);
      const orderOnly = await rollups.current(
        await visibleSnapshot(
          knex,
          order.map(card => card.entityRef),
        ),
      );
      expect([...orderOnly.domains.keys()]).toEqual([domain]);
      expect(orderOnly.mesh.productCount).toBe(order.length);
      expect(orderOnly.domains.get(domain)).toEqual(
        (await rollups.current({ all: true })).domains.get(domain),
      );
    },
  );
});

describe('RollupStore, products without a domain', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'rolls them up in the explicit no-domain bucket, daily too, and lists them by it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const withoutDomain = (name: string, ruleIds: string[]) => {
        const card = scorecard(name, {
          violations: ruleIds.map(ruleId => ({ ruleId })),
        });
        delete card.domain;
        delete card.type;
        delete card.lifecycle;
        return card;
      };
      await new DatabaseScorecardStore(knex).saveResults(
        [
          scorecard('a', { domain: 'customer' }),
          withoutDomain('imported-1', ['CORE-001', 'CORE-001']),
          withoutDomain('imported-2', ['CORE-001']),
        ],
        '2026-11-20T10:00:00.000Z',
      );
      const rollups = new DatabaseRollupStore(knex);
      const current = await rollups.current({ all: true });
      expect([...current.domains.keys()].sort()).toEqual([
        NO_DOMAIN,
        'domain:default/customer',
      ]);
      expect(current.domains.get(NO_DOMAIN)).toEqual({
        productCount: 2,
        averageScore: 85,
        minimumScore: 80,
        passCount: 0,
        warnCount: 0,
        failCount: 2,
        topFailingRules: [{ ruleId: 'CORE-001', count: 2 }],
      });
      expect(current.mesh.productCount).toBe(3);
      await rollups.saveDaily('2026-11-20', current);
      expect((await rollups.trends('2026-11-01')).get(NO_DOMAIN)).toEqual([
        { day: '2026-11-20', averageScore: 85, productCount: 2 },
      ]);
      const page = await listScorecards(
        knex,
        { domain: NO_DOMAIN, orderBy: 'entityRef', order: 'asc', limit: 10 },
        { all: true },
      );
      expect(page.items.map(card => card.entityRef)).toEqual([
        'dataproduct:default/imported-1',
        'dataproduct:default/imported-2',
      ]);
      expect(page.items[0].domain).toBeUndefined();
    },
  );
});
