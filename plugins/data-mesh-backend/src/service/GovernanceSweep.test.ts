import { exampleMesh } from '../__testUtils__/startDataMesh';
import { createSweepHarness } from '../__testUtils__/sweepHarness';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';

describe('GovernanceSweep', () => {
  const databases = createMigratedTestDatabases();

  const setup = async (databaseId: Parameters<typeof databases.init>[0]) =>
    createSweepHarness(await databases.init(databaseId));
  const historyRows = async (knex: any) =>
    Number((await knex('scorecard_history').count({ n: '*' }))[0].n);

  it.each(databases.eachSupportedId())(
    'stores results, then only changes, and removes deleted products on %p',
    async databaseId => {
      const t = await setup(databaseId);
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'ok',
        productCount: 12,
        changedCount: 12,
      });
      expect(await historyRows(t.knex)).toBe(12);

      t.setNow('2026-11-20T11:00:00Z');
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'ok',
        changedCount: 0,
      });
      expect(await historyRows(t.knex)).toBe(12);
      expect(
        await t.scorecards.get('dataproduct:default/product-0'),
      ).toMatchObject({
        evaluatedAt: '2026-11-20T11:00:00.000Z',
        stale: false,
      });

      t.setNow('2026-11-20T12:00:00Z');
      const mesh = exampleMesh(12).filter(e => e.metadata.name !== 'product-5');
      const fixed = mesh.find(e => e.metadata.name === 'product-3')!;
      fixed.metadata.description = 'Now described';
      t.setEntities(mesh);
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'ok',
        productCount: 11,
        changedCount: 2,
      });
      expect(
        await t.scorecards.get('dataproduct:default/product-5'),
      ).toBeUndefined();
      expect(
        await t.scorecards.get('dataproduct:default/product-3'),
      ).toMatchObject({ status: 'pass' });
      // product-10 depended on product-5: its lineage now breaks.
      const orphan = await t.scorecards.get('dataproduct:default/product-10');
      expect(orphan).toMatchObject({ status: 'fail', score: 90 });
      expect(orphan!.violations.map(v => v.ruleId)).toEqual(['LIN-001']);
      expect((await t.rollups.trends('2026-11-01')).get('*')).toEqual([
        {
          day: '2026-11-20',
          averageScore: expect.any(Number),
          productCount: 11,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads again the stored products its paged read missed, and removes only those gone, on %p',
    async databaseId => {
      const t = await setup(databaseId);
      await t.sweep.run();
      t.setNow('2026-11-20T11:00:00Z');
      // A paged read misses products stitched while it ran; product-5 is
      // also deleted from the catalog.
      t.missFromReads('product-7', 'product-5');
      t.setEntities(
        exampleMesh(12).filter(e => e.metadata.name !== 'product-5'),
      );
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'ok',
        productCount: 11,
      });
      expect(
        await t.scorecards.get('dataproduct:default/product-7'),
      ).toMatchObject({ evaluatedAt: '2026-11-20T11:00:00.000Z' });
      expect(
        await t.scorecards.get('dataproduct:default/product-5'),
      ).toBeUndefined();
      expect(await t.scorecards.count()).toBe(11);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps results, marks them stale and deletes nothing when the catalog is down on %p',
    async databaseId => {
      const t = await setup(databaseId);
      await t.sweep.run();
      t.failAt('stream', new Error('ECONNREFUSED catalog'));
      t.setNow('2027-06-01T00:00:00Z');
      const reason =
        'The catalog could not be read (data products): ECONNREFUSED catalog';
      expect(await t.sweep.run()).toMatchObject({
        outcome: 'catalog-unavailable',
        productCount: 0,
        message: reason,
      });
      const card = await t.scorecards.get('dataproduct:default/product-0');
      expect(card).toMatchObject({
        status: 'pass',
        score: 100,
        stale: true,
        staleReason: reason,
      });
      expect(await t.scorecards.count()).toBe(12);
      // Retention did not run on the failed read, although the history is old.
      expect(await historyRows(t.knex)).toBe(12);

      t.failAt('stream');
      expect(await t.sweep.run()).toMatchObject({ outcome: 'ok' });
      expect(
        await t.scorecards.get('dataproduct:default/product-0'),
      ).toMatchObject({ stale: false });
    },
  );

  it.each(databases.eachSupportedId())(
    'treats an empty read as suspicious: keeps everything, marked stale, on %p',
    async databaseId => {
      const t = await setup(databaseId);
      await t.sweep.run();
      t.setEntities(exampleMesh(0));
      t.setNow('2027-06-01T00:00:00Z');
      expect(await t.sweep.run()).toMatchObject({ outcome: 'empty-read' });
      expect(await t.scorecards.count()).toBe(12);
      expect(
        await t.scorecards.get('dataproduct:default/product-0'),
      ).toMatchObject({ stale: true });
      expect(await historyRows(t.knex)).toBe(12);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes history and daily rollups past retention on a good read, keeping each latest row, on %p',
    async databaseId => {
      const t = await setup(databaseId);
      await t.sweep.run();
      t.setNow('2026-12-25T10:00:00Z');
      await t.sweep.run();
      // Every row is older than 30 days, but each is its product's latest.
      expect(await historyRows(t.knex)).toBe(12);
      expect([
        ...(await t.rollups.trends('2026-01-01')).get('*')!.map(p => p.day),
      ]).toEqual(['2026-12-25']);
      expect(await t.scorecards.count()).toBe(12);
    },
  );

  it.each(databases.eachSupportedId())(
    'on a fresh start, references not ingested yet are pending: no false dip, on %p',
    async databaseId => {
      const t = await setup(databaseId);
      const products = exampleMesh(12).filter(
        e => e.kind === 'DataProduct' && e.metadata.name !== 'product-5',
      );
      // The catalog has ingested some products, no group yet.
      t.setEntities(products);
      await t.sweep.run();
      const early = await t.scorecards.get('dataproduct:default/product-10');
      expect(early).toMatchObject({
        status: 'pass',
        pendingUntil: '2026-11-20T10:15:00.000Z',
        pendingReferences: [
          { ref: 'group:default/finance-domain-team', path: 'spec.owner' },
          {
            ref: 'dataproduct:default/product-5',
            path: 'spec.lineage.upstreamProducts[0]',
          },
        ],
      });
      // The first KPI snapshot is taken as soon as the first sweep ends.
      expect(
        await t.knex('kpi_snapshots').where({ day: '2026-11-20' }),
      ).not.toEqual([]);

      // Minutes later the catalog has everything: nothing pending, and the
      // history has no dip (one row per product, its first).
      t.setNow('2026-11-20T10:05:00Z');
      t.setEntities(exampleMesh(12));
      await t.sweep.run();
      const complete = await t.scorecards.get('dataproduct:default/product-10');
      expect(complete?.pendingReferences).toBeUndefined();
      expect(await historyRows(t.knex)).toBe(12);
      expect(
        (await t.history.list('dataproduct:default/product-10', {})).map(
          h => h.status,
        ),
      ).toEqual(['pass']);

      // Past the grace time, a missing reference is a violation.
      t.setNow('2026-11-20T10:30:00Z');
      t.setEntities(
        exampleMesh(12).filter(e => e.metadata.name !== 'product-5'),
      );
      await t.sweep.run();
      expect(
        (
          await t.scorecards.get('dataproduct:default/product-10')
        )?.violations.map(v => v.ruleId),
      ).toEqual(['LIN-001']);
    },
  );

  it('records a sweep that fails after reading the catalog as failed', async () => {
    const t = await setup('SQLITE_3');
    jest
      .spyOn(t.rollups, 'saveDaily')
      .mockRejectedValueOnce(new Error('disk full'));
    await expect(t.sweep.run()).rejects.toThrow('disk full');
    expect(await t.sweeps.latestFinished()).toMatchObject({
      outcome: 'failed',
      message: 'disk full',
    });
  });
});
