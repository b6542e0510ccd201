import type { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { changedMesh } from '../__testUtils__/notifications';
import { createSweepHarness } from '../__testUtils__/sweepHarness';

const ref = (name: string) => `dataproduct:default/${name}`;

/** The example mesh as the catalog serves it: every entity with an etag. */
const served = (
  changes: Parameters<typeof changedMesh>[0] = {},
  etags: Record<string, string> = {},
): Entity[] =>
  changedMesh(changes).map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      etag: etags[entity.metadata.name] ?? `${entity.metadata.name}-1`,
    },
  }));

/** product-1 without its `amount` field, at a minor version: breaking. */
const breaking = {
  'product-1': (product: any) => {
    product.spec.version = '1.1.0';
    product.spec.schema.fields = product.spec.schema.fields.filter(
      (f: { name: string }) => f.name !== 'amount',
    );
  },
};

/**
 * The products each query on the versions (`product_versions` and
 * `product_version_heads`) asked for, per query.
 */
function watchVersionQueries(knex: Knex) {
  const queries: string[][] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    if (/product_version(s|_heads)\b/.test(query.sql)) {
      queries.push(
        (query.bindings ?? []).filter(
          (b): b is string =>
            typeof b === 'string' && b.startsWith('dataproduct:'),
        ),
      );
    }
  };
  knex.on('query', listener);
  return {
    /** The queries since the last call. */
    take: () => queries.splice(0),
    stop: () => knex.removeListener('query', listener),
  };
}

describe('settled product versions over sweeps', () => {
  const databases = createMigratedTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('an unchanged re-sweep reads no version; a changed product is still checked; settled ones are read again within the hour', async () => {
      const knex = await databases.init(databaseId);
      const t = await createSweepHarness(knex, { entities: served() });
      const watch = watchVersionQueries(knex);
      try {
        await t.sweep.run();
        expect(watch.take().length).toBeGreaterThan(0);
        await t.sweep.run();
        expect(watch.take()).toEqual([]);

        // product-1 breaks its contract: the catalog serves it with a new etag.
        t.setNow('2026-11-20T10:10:00Z');
        t.setEntities(served(breaking, { 'product-1': 'product-1-2' }));
        await t.sweep.run();
        expect(watch.take().flat()).toContain(ref('product-1'));
        const ruleIds = async () =>
          (await t.scorecards.get(ref('product-1')))?.violations.map(
            v => v.ruleId,
          );
        expect(await ruleIds()).toContain('VER-002');
        // Its version in production differs: read and compared at each
        // sweep, the others not.
        await t.sweep.run();
        expect([...new Set(watch.take().flat())]).toEqual([ref('product-1')]);
        expect(await ruleIds()).toContain('VER-002');

        // Another writer changes what is stored of product-2: unseen until
        // its settled state runs out, 45 to 60 minutes after 10:00.
        for (const table of ['product_versions', 'product_version_heads']) {
          await knex(table)
            .where({ entity_ref: ref('product-2') })
            .delete();
        }
        watch.take();
        t.setNow('2026-11-20T10:44:00Z');
        await t.sweep.run();
        expect(watch.take().flat()).not.toContain(ref('product-2'));
        expect(await t.versions.list(ref('product-2'))).toEqual([]);
        t.setNow('2026-11-20T11:00:01Z');
        await t.sweep.run();
        expect(watch.take().flat()).toContain(ref('product-2'));
        expect(await t.versions.list(ref('product-2'))).toHaveLength(1);
        watch.take();
        await t.sweep.run();
        expect([...new Set(watch.take().flat())]).toEqual([ref('product-1')]);
      } finally {
        watch.stop();
      }
    });

    it('reads at each sweep the versions of a product without an etag or with a new lifecycle', async () => {
      const knex = await databases.init(databaseId);
      const withoutEtag = served().map(entity =>
        entity.metadata.name === 'product-3'
          ? { ...entity, metadata: { ...entity.metadata, etag: undefined } }
          : entity,
      );
      const t = await createSweepHarness(knex, { entities: withoutEtag });
      const watch = watchVersionQueries(knex);
      try {
        await t.sweep.run();
        watch.take();
        await t.sweep.run();
        expect([...new Set(watch.take().flat())]).toEqual([ref('product-3')]);

        // A lifecycle served under the etag of before (a catalog that did
        // not change it): read, and recorded as a new version.
        t.setEntities(
          withoutEtag.map(entity =>
            entity.metadata.name === 'product-4'
              ? { ...entity, spec: { ...entity.spec, lifecycle: 'deprecated' } }
              : entity,
          ),
        );
        await t.sweep.run();
        expect(watch.take().flat()).toContain(ref('product-4'));
        expect(
          (await t.versions.list(ref('product-4'))).map(v => v.lifecycle),
        ).toEqual(['production', 'deprecated']);
      } finally {
        watch.stop();
      }
    });
  });
});
