import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseMeasurementStore } from './DatabaseMeasurementStore';

const ref = 'dataproduct:default/orders';
const check = (
  observedAt: string,
  passed: boolean,
  kind: any = 'availability',
) => ({
  entityRef: ref,
  kind,
  observedAt,
  passed,
  value: passed ? 100 : 0,
  source: 'api',
});

describe('MeasurementStore', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'summarises checks within the window and keeps the latest quality results on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseMeasurementStore(knex);
      await store.save(
        [
          check('2026-10-01T00:00:00.000Z', false),
          check('2026-11-20T00:00:00.000Z', true),
          check('2026-11-20T01:00:00.000Z', false),
          check('2026-11-20T02:00:00.000Z', true),
          check('2026-11-20T03:00:00.000Z', true, 'freshness'),
        ],
        [
          {
            entityRef: ref,
            test: 'unique_orders_id',
            passed: false,
            observedAt: '2026-11-20T00:00:00.000Z',
            source: 'dbt',
          },
          {
            entityRef: ref,
            test: 'unique_orders_id',
            passed: true,
            observedAt: '2026-11-20T05:00:00.000Z',
            source: 'dbt',
          },
          {
            entityRef: ref,
            test: 'not_null_orders_id',
            passed: false,
            observedAt: '2026-11-20T05:00:00.000Z',
            message: '3 nulls',
            source: 'dbt',
          },
        ],
      );
      // An older result arriving later does not replace a newer one.
      await store.save(
        [],
        [
          {
            entityRef: ref,
            test: 'unique_orders_id',
            passed: false,
            observedAt: '2026-11-19T00:00:00.000Z',
            source: 'dbt',
          },
        ],
      );

      const signals = await store.ofProducts('2026-11-01T00:00:00.000Z');
      expect(signals.get(ref)).toEqual({
        summaries: expect.arrayContaining([
          {
            kind: 'availability',
            total: 3,
            passed: 2,
            lastObservedAt: '2026-11-20T02:00:00.000Z',
          },
          {
            kind: 'freshness',
            total: 1,
            passed: 1,
            lastObservedAt: '2026-11-20T03:00:00.000Z',
          },
        ]),
        qualityTests: [
          {
            test: 'not_null_orders_id',
            passed: false,
            observedAt: '2026-11-20T05:00:00.000Z',
            message: '3 nulls',
          },
          {
            test: 'unique_orders_id',
            passed: true,
            observedAt: '2026-11-20T05:00:00.000Z',
          },
        ],
      });
      expect(
        (
          await store.ofProducts('2026-11-01T00:00:00.000Z', [
            'dataproduct:default/other',
          ])
        ).size,
      ).toBe(0);
      expect(await store.deleteBefore('2026-11-01T00:00:00.000Z')).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores all or nothing on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseMeasurementStore(knex);
      const outcomes = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        outcomes.push(
          await store
            .save(
              [
                check('2026-11-20T00:00:00.000Z', true),
                { ...check('x', true), observedAt: null as any },
              ],
              [],
            )
            .then(
              async () =>
                `resolved ${JSON.stringify(
                  await knex('measurements').select(),
                )}`,
              () => 'rejected',
            ),
        );
      }
      expect(outcomes).toEqual(['rejected', 'rejected', 'rejected']);
      expect((await store.ofProducts('2000-01-01T00:00:00.000Z')).size).toBe(0);
    },
  );
});
