import {
  changedMesh,
  drops,
  team,
  told,
} from '../../__testUtils__/notifications';
import { createSweepHarness } from '../../__testUtils__/sweepHarness';
import { createMigratedTestDatabases } from '../../__testUtils__/migratedDatabases';

const productPage = (name: string) => `/catalog/default/dataproduct/${name}`;

describe('notifications of outcome changes', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    "tell a product's owner once that its status dropped, with the new errors folded in, on %p",
    async databaseId => {
      const t = await createSweepHarness(await databases.init(databaseId));
      await t.sweep.run();
      // Scored for the first time: nothing dropped.
      expect(t.told.sent).toEqual([]);

      t.setNow('2026-11-20T11:00:00Z');
      t.setEntities(
        changedMesh({ 'product-0': drops.toFail, 'product-1': drops.toWarn }),
      );
      await t.sweep.run();
      expect(told(t.told.sent)).toEqual([
        {
          to: [team('customer')],
          topic: 'data-product-status-dropped',
          title: 'Data product product-0: status dropped (+1 more)',
          link: productPage('product-0'),
          severity: 'high',
          description:
            'Status dropped from pass to fail (score 90).\nNew error-severity violation: DOC-001.',
        },
        {
          to: [team('order')],
          topic: 'data-product-status-dropped',
          title: 'Data product product-1: status dropped',
          link: productPage('product-1'),
          severity: 'normal',
          description: 'Status dropped from pass to warn (score 98).',
        },
      ]);
      expect(t.told.signalled).toEqual(
        expect.arrayContaining([
          'data-mesh:scorecard:dataproduct:default/product-0',
          'data-mesh:scorecard:dataproduct:default/product-1',
        ]),
      );

      // The next sweeps see the same outcome: nothing more. Fixed and
      // broken again the same day: told once a day.
      t.setNow('2026-11-20T12:00:00Z');
      await t.sweep.run();
      t.setEntities(changedMesh());
      t.setNow('2026-11-20T13:00:00Z');
      await t.sweep.run();
      t.setEntities(changedMesh({ 'product-0': drops.toFail }));
      t.setNow('2026-11-20T14:00:00Z');
      await t.sweep.run();
      expect(t.told.sent).toHaveLength(2);

      // The same drop on another day is told again.
      t.setEntities(changedMesh());
      t.setNow('2026-11-21T10:00:00Z');
      await t.sweep.run();
      t.setEntities(changedMesh({ 'product-0': drops.toFail }));
      t.setNow('2026-11-21T11:00:00Z');
      await t.sweep.run();
      expect(told(t.told.sent.slice(2))).toEqual([
        expect.objectContaining({
          to: [team('customer')],
          title: 'Data product product-0: status dropped (+1 more)',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tell the owner of a failing product of a new error violation, on %p',
    async databaseId => {
      const t = await createSweepHarness(await databases.init(databaseId));
      await t.sweep.run();
      // product-3 already fails DOC-001 and loses its classification
      // (SEC-001); product-10 loses its upstream product (LIN-001).
      t.setNow('2026-11-20T11:00:00Z');
      t.setEntities(
        changedMesh({
          'product-3': p => {
            delete p.spec.access!.classification;
          },
          'product-10': p => {
            p.spec.lineage = { upstreamProducts: ['gone'] };
          },
        }),
      );
      await t.sweep.run();
      expect(told(t.told.sent)).toEqual([
        {
          to: [team('marketing')],
          topic: 'data-product-new-error-violations',
          title: 'Data product product-3: new error-severity violations',
          link: productPage('product-3'),
          severity: 'high',
          description: 'New error-severity violation: SEC-001.',
        },
        expect.objectContaining({
          to: [team('finance')],
          topic: 'data-product-status-dropped',
          description:
            'Status dropped from pass to fail (score 90).\nNew error-severity violation: LIN-001.',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'send nothing of a disabled topic, and still update open pages, on %p',
    async databaseId => {
      const t = await createSweepHarness(await databases.init(databaseId), {
        config: {
          dataMesh: {
            notifications: {
              statusDropped: { enabled: false },
              newErrorViolations: { enabled: false },
            },
          },
        },
      });
      await t.sweep.run();
      t.setNow('2026-11-20T11:00:00Z');
      t.setEntities(changedMesh({ 'product-0': drops.toFail }));
      t.told.signalled.length = 0;
      await t.sweep.run();
      expect(t.told.sent).toEqual([]);
      expect(t.told.signalled).toEqual([
        'data-mesh:scorecard:dataproduct:default/product-0',
      ]);
      const [{ n }] = await t.knex('notification_claims').count({ n: '*' });
      expect(Number(n)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'tell nothing of products the catalog could not be read for, on %p',
    async databaseId => {
      // Pages of 5: product-0 is on the first page, product-11 on the third.
      const t = await createSweepHarness(await databases.init(databaseId), {
        pageSize: 5,
      });
      await t.sweep.run();
      t.setNow('2026-11-20T11:00:00Z');
      t.setEntities(
        changedMesh({ 'product-0': drops.toFail, 'product-11': drops.toFail }),
      );
      const unavailable = Object.assign(new Error('503 Service Unavailable'), {
        name: 'ResponseError',
      });
      t.failAt('stream', unavailable, 1);
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'catalog-unavailable',
      });
      expect(told(t.told.sent).map(n => n.link)).toEqual([
        productPage('product-0'),
      ]);
      expect(
        await t.scorecards.get('dataproduct:default/product-11'),
      ).toMatchObject({ stale: true, status: 'warn' });
    },
  );
});
