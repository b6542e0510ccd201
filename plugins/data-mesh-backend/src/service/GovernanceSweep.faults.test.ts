import { exampleMesh } from '../__testUtils__/startDataMesh';
import {
  CatalogStage,
  createSweepHarness,
  storedOutcomes,
} from '../__testUtils__/sweepHarness';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseKpiInputStore } from '../database/DatabaseKpiInputStore';

/** A catalog that answers 503, and one whose requests time out. */
const FAULTS: Array<[string, Error]> = [
  [
    '503',
    Object.assign(new Error('Request failed with 503 Service Unavailable'), {
      name: 'ResponseError',
    }),
  ],
  [
    'a timeout',
    Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:7007'), {
      code: 'ETIMEDOUT',
    }),
  ],
];

/** Each stage of a sweep that reads the catalog, with the page it fails from. */
const STAGES: Array<[string, CatalogStage, number]> = [
  ['the first page of products', 'stream', 0],
  ['a later page of products', 'stream', 1],
  ['the owners and upstream products', 'references', 0],
  ['the products the paged read missed', 'lookup', 0],
];

const without = (names: string[]) =>
  exampleMesh(12).filter(e => !names.includes(e.metadata.name));

describe('GovernanceSweep faults', () => {
  const databases = createMigratedTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it.each(
      STAGES.flatMap(([where, stage, page]) =>
        FAULTS.map(([fault, error]) => [where, fault, stage, page, error]),
      ) as Array<[string, string, CatalogStage, number, Error]>,
    )(
      'catalog failing on %s with %s: nothing failing, deleted or improved; then it recovers',
      async (_where, _fault, stage, page, error) => {
        // Pages of 5 products: the 12 products take three pages.
        const t = await createSweepHarness(await databases.init(databaseId), {
          pageSize: 5,
        });
        await t.sweep.run();
        // product-5 goes: product-10 (its downstream) now fails LIN-001, and
        // product-11 is missed by the paged read.
        t.setNow('2026-11-20T11:00:00Z');
        t.setEntities(without(['product-5']));
        t.missFromReads('product-11');
        await t.sweep.run();
        const before = await storedOutcomes(t.knex);
        expect(before['product-10']).toMatchObject({ status: 'fail' });
        const history = await t.historyRows();

        // Catalog fault during the next sweep, in which product-3 would now
        // fail (its owner goes) and product-10's upstream reappears.
        t.setNow('2026-12-25T12:00:00Z');
        t.setEntities(
          exampleMesh(12).map(e =>
            e.metadata.name === 'product-3'
              ? { ...e, spec: { ...e.spec, owner: 'nobody' } }
              : e,
          ),
        );
        t.failAt(stage, error, page);
        const record = await t.sweep.run();
        expect(record).toMatchObject({ outcome: 'catalog-unavailable' });
        expect(record.message).toContain('The catalog could not be read');
        expect(record.message).toContain(error.message);

        const after = await storedOutcomes(t.knex);
        // Nothing is deleted (a product may be added by a page that was read).
        expect(Object.keys(after)).toEqual(
          expect.arrayContaining(Object.keys(before)),
        );
        // Products not re-evaluated are exactly as they were.
        const notReevaluated = Object.entries(after).filter(([, o]) => o.stale);
        expect(
          notReevaluated.map(([name, o]) => [name, { ...o, stale: false }]),
        ).toEqual(notReevaluated.map(([name]) => [name, before[name]]));
        // Products re-evaluated before the fault were judged on a complete
        // read. Unless the fault came after every page was read, product-10
        // is not among them: without its upstream product checked it keeps
        // its worse score, no benefit of the doubt.
        const product10 = stage === 'lookup' ? undefined : after['product-10'];
        expect(product10 ?? { ...before['product-10'], stale: true }).toEqual({
          ...before['product-10'],
          stale: true,
        });
        expect(
          Object.values(after).filter(o => o.stale).length,
        ).toBeGreaterThan(0);
        const stale = await t.scorecards.get('dataproduct:default/product-11');
        expect(stale?.staleReason).toContain('The catalog could not be read');
        // Retention did not run: history past 30 days is still there.
        expect(await t.historyRows()).toBeGreaterThanOrEqual(history);

        t.failAt(stage);
        t.missFromReads();
        expect(await t.sweep.run()).toMatchObject({
          outcome: 'ok',
          productCount: 12,
        });
        const healed = await storedOutcomes(t.knex);
        expect(Object.values(healed).every(o => !o.stale)).toBe(true);
        expect(healed['product-10'].status).toBe('pass');
        expect(healed['product-3'].status).toBe('fail');
      },
    );

    it('keeps a re-scored product as it was, marked stale, when the catalog fails', async () => {
      const t = await createSweepHarness(await databases.init(databaseId));
      await t.sweep.run();
      // product-5 goes: an hour later product-10's lineage is broken.
      t.setEntities(without(['product-5']));
      t.setNow('2026-11-20T11:00:00Z');
      await t.sweep.run();
      const ref = 'dataproduct:default/product-10';
      const before = await t.scorecards.get(ref);
      expect(before).toMatchObject({ status: 'fail' });
      t.setEntities(exampleMesh(12));
      for (const stage of ['lookup', 'references'] as const) {
        t.failAt(stage, new Error('503 Service Unavailable'));
        await expect(t.governance.rescore(ref)).rejects.toThrow(
          'The catalog could not be read',
        );
        t.failAt(stage);
        expect(await t.scorecards.get(ref)).toMatchObject({
          score: before!.score,
          status: 'fail',
          stale: true,
          staleReason: expect.stringContaining('503 Service Unavailable'),
        });
      }
      await t.governance.rescore(ref);
      expect(await t.scorecards.get(ref)).toMatchObject({
        status: 'pass',
        stale: false,
      });
    });

    it('fails cleanly when the database fails mid-sweep: each page all or nothing', async () => {
      const t = await createSweepHarness(await databases.init(databaseId), {
        pageSize: 5,
      });
      await t.sweep.run();
      const facts = async () =>
        Object.fromEntries(
          (await new DatabaseKpiInputStore(t.knex).rows()).map(r => [
            r.entityRef.split('/')[1],
            r.lifecycle,
          ]),
        );
      // Every product moves to lifecycle "deprecated"; the database fails
      // while the second page is written (after its scorecards).
      t.setNow('2026-11-20T11:00:00Z');
      t.setEntities(
        exampleMesh(12).map(e =>
          e.kind === 'DataProduct'
            ? { ...e, spec: { ...e.spec, lifecycle: 'deprecated' } }
            : e,
        ),
      );
      let calls = 0;
      const original = DatabaseKpiInputStore.prototype.record;
      const spy = jest
        .spyOn(DatabaseKpiInputStore.prototype, 'record')
        .mockImplementation(function failSecondPage(
          this: DatabaseKpiInputStore,
          ...args
        ) {
          calls += 1;
          if (calls === 2) {
            return Promise.reject(
              new Error('Connection terminated unexpectedly'),
            );
          }
          return original.apply(this, args);
        });
      await expect(t.sweep.run()).rejects.toThrow(
        'Connection terminated unexpectedly',
      );
      spy.mockRestore();
      expect(await t.sweeps.latestFinished()).toMatchObject({
        outcome: 'failed',
      });
      const lifecycles = await t
        .knex('scorecards')
        .select('entity_ref', 'lifecycle');
      const byName = Object.fromEntries(
        lifecycles.map(r => [r.entity_ref.split('/')[1], r.lifecycle]),
      );
      const stored = await facts();
      // Scorecards and facts agree for every product: the failed page wrote
      // neither, the first page wrote both.
      expect(stored).toEqual(byName);
      expect(
        Object.values(byName).filter(l => l === 'deprecated'),
      ).toHaveLength(5);

      // The next scheduled run starts over and completes.
      expect(await t.sweep.run()).toMatchObject({ outcome: 'ok' });
      expect(Object.values(await facts()).every(l => l === 'deprecated')).toBe(
        true,
      );
    });
  });
});
