import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { sumsFromAggregate, sumsFromRows } from '../service/kpis/domainSums';
import { EVERY_PRODUCT } from './visibleProducts';
import { DatabaseKpiSnapshotStore } from './DatabaseKpiSnapshotStore';
import { DatabaseKpiInputStore } from './DatabaseKpiInputStore';
import { KpiInputs } from './KpiInputStore';

const fact = (name: string, overrides: Partial<KpiInputs> = {}): KpiInputs => ({
  entityRef: `dataproduct:default/${name}`,
  domain: 'domain:default/customer',
  lifecycle: 'production',
  selfServe: false,
  crossDomain: false,
  consumerCount: 0,
  documentationComplete: true,
  sloCompliant: null,
  requestedAt: null,
  score: 100,
  ...overrides,
});

describe('KpiInputStore and KpiSnapshotStore', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'records facts and milestones, writing only changes, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseKpiInputStore(knex);
      const requestedAt = '2026-11-20T08:00:00.000Z';
      expect(
        await store.record(
          [
            fact('a', {
              selfServe: true,
              requestedAt,
              lifecycle: 'experimental',
            }),
            fact('b', {
              selfServe: true,
              requestedAt: '2026-09-01T00:00:00.000Z',
            }),
            fact('c', { consumerCount: 4 }),
          ],
          '2026-11-20T10:00:00.000Z',
        ),
      ).toBe(3);
      expect(
        await store.record(
          [fact('c', { consumerCount: 4 })],
          '2026-11-20T11:00:00.000Z',
        ),
      ).toBe(0);

      // a reaches production; c's consumer count is kept when not given.
      await store.record(
        [
          fact('a', { selfServe: true, requestedAt }),
          fact('c', { consumerCount: undefined, sloCompliant: false }),
        ],
        '2026-11-20T14:00:00.000Z',
      );
      const rows = Object.fromEntries(
        (await store.rows()).map(r => [r.entityRef.split('/')[1], r]),
      );
      expect(rows.a).toMatchObject({
        firstSeenAt: '2026-11-20T10:00:00.000Z',
        firstProductionAt: '2026-11-20T14:00:00.000Z',
      });
      // In production when first seen: that is its first production.
      expect(rows.b).toMatchObject({
        firstProductionAt: '2026-11-20T10:00:00.000Z',
      });
      expect(rows.c).toMatchObject({
        consumerCount: 4,
        sloCompliant: false,
        firstProductionAt: '2026-11-20T10:00:00.000Z',
      });
      expect(await store.deliveries(EVERY_PRODUCT)).toEqual(
        expect.arrayContaining([
          {
            domain: 'domain:default/customer',
            requestedAt,
            firstProductionAt: '2026-11-20T14:00:00.000Z',
          },
          {
            domain: 'domain:default/customer',
            requestedAt: '2026-09-01T00:00:00.000Z',
            firstProductionAt: '2026-11-20T10:00:00.000Z',
          },
        ]),
      );
      expect(
        await store.firstSeen([
          'dataproduct:default/a',
          'dataproduct:default/unknown',
        ]),
      ).toEqual(
        new Map([['dataproduct:default/a', '2026-11-20T10:00:00.000Z']]),
      );
      // Back in experimental and in production again: the first stays.
      await store.record(
        [fact('a', { lifecycle: 'experimental' })],
        '2026-11-21T00:00:00.000Z',
      );
      await store.record([fact('a')], '2026-11-22T00:00:00.000Z');
      expect(
        (await store.rows()).find(r => r.entityRef.endsWith('/a'))
          ?.firstProductionAt,
      ).toBe('2026-11-20T14:00:00.000Z');
      expect(
        await store.delete(['dataproduct:default/b', 'dataproduct:default/c']),
      ).toBe(2);
      expect((await store.rows()).map(r => r.entityRef)).toEqual([
        'dataproduct:default/a',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'sums per domain in SQL exactly as from rows on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseKpiInputStore(knex);
      const facts = Array.from({ length: 40 }, (_, i) =>
        fact(`p${i}`, {
          domain: `domain:default/${['customer', 'order', 'finance'][i % 3]}`,
          lifecycle: i % 5 ? 'production' : 'experimental',
          selfServe: i % 2 === 0,
          crossDomain: i % 7 === 0,
          consumerCount: i % 4,
          documentationComplete: i % 3 !== 1,
          sloCompliant: [null, true, false][i % 3],
          requestedAt: i % 2 === 0 ? '2026-11-01T00:00:00.000Z' : null,
          score: i < 30 ? 100 - (i % 3 ? 0 : 10) : null,
        }),
      );
      await store.record(facts, '2026-11-20T00:00:00.000Z');
      const fromSql = sumsFromAggregate(
        await store.sumsByDomain(EVERY_PRODUCT),
        await store.deliveries(EVERY_PRODUCT),
      );
      const fromRows = sumsFromRows(await store.rows());
      const sorted = (map: Map<string, any>) =>
        [...map.entries()]
          .sort()
          .map(([k, v]) => [
            k,
            { ...v, deliveryDays: [...v.deliveryDays].sort() },
          ]);
      expect(sorted(fromSql)).toEqual(sorted(fromRows));
      expect(fromRows.get('domain:default/customer')).toMatchObject({
        products: 14,
        scored: 10,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one KPI snapshot per day on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseKpiSnapshotStore(knex);
      const kpi = (value: number) =>
        ({
          id: 'data_quality_score',
          value,
          byDomain: [{ domain: 'd', value, meetsTarget: true }],
        } as any);
      await store.save('2026-11-20', [kpi(80)], '2026-11-20T01:00:00.000Z');
      await store.save('2026-11-20', [kpi(85)], '2026-11-20T23:00:00.000Z');
      await store.save('2026-11-21', [kpi(90)], '2026-11-21T01:00:00.000Z');
      expect(await store.range('2026-11-01', '2026-11-30')).toEqual([
        {
          day: '2026-11-20',
          kpiId: 'data_quality_score',
          value: 85,
          byDomain: [{ domain: 'd', value: 85, meetsTarget: true }],
        },
        {
          day: '2026-11-21',
          kpiId: 'data_quality_score',
          value: 90,
          byDomain: [{ domain: 'd', value: 90, meetsTarget: true }],
        },
      ]);
      expect(await store.deleteBefore('2026-11-21')).toBe(1);
    },
  );
});
