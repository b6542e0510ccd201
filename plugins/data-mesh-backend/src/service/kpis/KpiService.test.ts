import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { visibleSnapshot } from '../../__testUtils__/visibleSnapshot';
import { DatabaseKpiSnapshotStore } from '../../database/DatabaseKpiSnapshotStore';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DatabaseKpiInputStore } from '../../database/DatabaseKpiInputStore';
import { NO_PRODUCT } from '../../database/visibleProducts';
import { CatalogReader } from '../CatalogReader';
import { KpiService } from './KpiService';

describe('KpiService', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'computes the KPIs of the products a caller sees in SQL, as over every product, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const facts = new DatabaseKpiInputStore(knex);
      const refs = Array.from(
        { length: 1234 },
        (_, i) => `dataproduct:default/p${i}`,
      );
      await facts.record(
        refs.map((entityRef, i) => ({
          entityRef,
          domain: `domain:default/${['customer', 'order', 'finance'][i % 3]}`,
          lifecycle: i % 5 ? 'production' : 'experimental',
          selfServe: i % 2 === 0,
          crossDomain: i % 7 === 0,
          consumerCount: i % 4,
          documentationComplete: i % 3 !== 1,
          sloCompliant: [null, true, false][i % 3],
          requestedAt: i % 2 === 0 ? '2026-11-01T00:00:00.000Z' : null,
          score: 100 - (i % 5) * 10,
        })),
        '2026-11-20T00:00:00.000Z',
      );
      const logger = mockServices.logger.mock();
      const kpis = new KpiService({
        kpiInputs: facts,
        snapshots: new DatabaseKpiSnapshotStore(knex),
        reader: new CatalogReader({
          catalog: catalogServiceMock({ entities: [] }),
          logger,
        }),
        auth: mockServices.auth(),
        retentionDays: 30,
        now: () => new Date('2026-11-20T12:00:00Z'),
      });
      const credentials = mockCredentials.service();
      const everything = await kpis.current(credentials, { all: true });
      const visible = await kpis.current(
        credentials,
        await visibleSnapshot(knex, refs),
      );
      expect(visible).toEqual(everything);
      expect(everything.kpis.length).toBeGreaterThan(0);

      // A caller who sees the order domain's products: its figures only.
      const order = 'domain:default/order';
      const orderOnly = await kpis.current(
        credentials,
        await visibleSnapshot(
          knex,
          refs.filter((_, i) => i % 3 === 1),
        ),
      );
      for (const kpi of orderOnly.kpis) {
        const whole = everything.kpis.find(k => k.id === kpi.id)!;
        expect(kpi.byDomain.map(d => d.domain)).toEqual([order]);
        expect(kpi.byDomain[0]).toEqual(
          whole.byDomain.find(d => d.domain === order),
        );
      }
      const published = orderOnly.kpis.find(
        k => k.id === 'data_products_published',
      )!;
      expect(published.value).toBe(
        refs.filter((_, i) => i % 3 === 1 && i % 5 !== 0).length,
      );
      const none = await kpis.current(credentials, NO_PRODUCT);
      expect(none.kpis.every(k => k.byDomain.length === 0)).toBe(true);
    },
  );
});
