import { TestDatabases } from '@backstage/backend-test-utils';
import { RELATION_DATA_PRODUCT_CONSUMED_BY } from '@datamesh-backstage/plugin-data-mesh-common';
import { changedMesh, told } from '../__testUtils__/notifications';
import { createSweepHarness } from '../__testUtils__/sweepHarness';
import { applyDatabaseMigrations } from '../database/migrations';

const REF = 'dataproduct:default/product-1';
const READER = 'component:default/revenue-report';

/** product-1 at a version, without its `amount` field when `dropped`. */
const meshAt = (version: string, dropped = false) =>
  changedMesh({
    'product-1': product => {
      product.spec.version = version;
      if (dropped) {
        product.spec.schema!.fields = product.spec.schema!.fields!.filter(
          f => f.name !== 'amount',
        );
      }
      product.relations = [
        { type: RELATION_DATA_PRODUCT_CONSUMED_BY, targetRef: READER },
      ];
    },
  });

describe('versions and breaking changes over sweeps', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function harness() {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    return createSweepHarness(knex, { entities: meshAt('1.0.0') });
  }

  it('fails an unannounced breaking change, allows a major bump and tells consumers once per version', async () => {
    const t = await harness();
    await t.sweep.run();
    expect((await t.versions.list(REF)).map(v => v.version)).toEqual(['1.0.0']);
    // A second sweep of the same contract writes nothing.
    await t.sweep.run();
    expect(await t.versions.list(REF)).toHaveLength(1);

    t.setNow('2026-11-20T11:00:00Z');
    t.setEntities(meshAt('1.1.0', true));
    await t.sweep.run();
    const card = await t.scorecards.get(REF);
    expect(card?.violations.filter(v => v.ruleId === 'VER-002')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message:
          "Breaking change from 1.0.0 to 1.1.0 without a major version bump: Field 'amount' removed",
      }),
    ]);
    // Still failing on the next sweep: compared with 1.0.0, not with itself.
    await t.sweep.run();
    expect(
      (await t.scorecards.get(REF))?.violations.map(v => v.ruleId),
    ).toContain('VER-002');
    expect(
      told(t.told.sent).filter(n => n.topic === 'data-product-breaking-change'),
    ).toEqual([]);

    t.setNow('2026-11-20T12:00:00Z');
    t.setEntities(meshAt('2.0.0', true));
    await t.sweep.run();
    await t.sweep.run();
    expect(
      (await t.scorecards.get(REF))?.violations.map(v => v.ruleId),
    ).not.toContain('VER-002');
    expect(
      told(t.told.sent).filter(n => n.topic === 'data-product-breaking-change'),
    ).toEqual([
      {
        to: [READER],
        topic: 'data-product-breaking-change',
        title:
          'Data product product-1: new major version with breaking changes',
        link: '/catalog/default/dataproduct/product-1',
        severity: 'high',
        description:
          "Version 2.0.0 replaces 1.0.0 with breaking changes:\n- Field 'amount' removed",
      },
    ]);
    expect((await t.versions.list(REF)).map(v => v.version)).toEqual([
      '1.0.0',
      '1.1.0',
      '2.0.0',
    ]);
  });

  it('checks a product again when the catalog serves it with a new etag', async () => {
    // The catalog gives an entity a new etag whenever it changes.
    const served = (version: string, dropped: boolean, etag: string) =>
      meshAt(version, dropped).map(entity =>
        entity.metadata.name === 'product-1'
          ? { ...entity, metadata: { ...entity.metadata, etag } }
          : entity,
      );
    const t = await harness();
    t.setEntities(served('1.0.0', false, 'etag-1'));
    await t.sweep.run();
    await t.sweep.run();
    expect((await t.versions.list(REF)).map(v => v.version)).toEqual(['1.0.0']);

    t.setEntities(served('1.1.0', true, 'etag-2'));
    await t.sweep.run();
    expect(
      (await t.scorecards.get(REF))?.violations.map(v => v.ruleId),
    ).toContain('VER-002');
    expect((await t.versions.list(REF)).map(v => v.version)).toEqual([
      '1.0.0',
      '1.1.0',
    ]);
  });
});
