import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseVisibilitySnapshotStore } from '../database/DatabaseVisibilitySnapshotStore';
import { EVERY_PRODUCT, NO_PRODUCT } from '../database/visibleProducts';
import { CatalogReader } from './CatalogReader';
import { VisibilityService } from './VisibilityService';

const product = (name: string) => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default' },
});
const ana = mockCredentials.user('user:default/ana');

describe('VisibilityService', () => {
  const databases = createTestDatabases();

  async function setUp(
    result: AuthorizeResult,
    pages: Array<Array<{ metadata: { name: string } }> | Error> = [
      [product('a'), product('b')],
      [product('c')],
    ],
  ) {
    const knex: Knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    const streamed = jest.fn();
    const catalog = {
      async *streamEntities(request: unknown, options: unknown) {
        streamed(request, options);
        for (const page of pages) {
          await new Promise(resolve => setImmediate(resolve));
          if (page instanceof Error) throw page;
          yield page;
        }
      },
      getEntityByRef: jest.fn(async () => {
        throw new Error('catalog down');
      }),
    } as unknown as CatalogService;
    const permissions = mockServices.permissions.mock({
      authorizeConditional: async requests =>
        requests.map(() =>
          result === AuthorizeResult.CONDITIONAL
            ? ({
                result,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
              } as any)
            : { result },
        ),
    });
    const logger = mockServices.logger.mock();
    const service = () =>
      new VisibilityService({
        permissions,
        catalog,
        reader: new CatalogReader({ catalog, logger }),
        visibilitySnapshots: new DatabaseVisibilitySnapshotStore(knex),
        logger,
        options: { ttlMs: 30_000, keepMs: 90_000, maxSnapshots: 10 },
        now: () => new Date(clock),
      });
    const snapshots = () =>
      knex('visibility_snapshots').orderBy('id').select('id', 'principal_key');
    const tick = (ms: number) => (clock += ms);
    return { knex, service, streamed, snapshots, tick, catalog };
  }

  it('answers an allow and a deny without writing or reading the catalog', async () => {
    for (const [result, expected] of [
      [AuthorizeResult.ALLOW, EVERY_PRODUCT],
      [AuthorizeResult.DENY, NO_PRODUCT],
    ] as const) {
      const t = await setUp(result);
      expect(await t.service().visibleProducts(ana)).toEqual(expected);
      expect(t.streamed).not.toHaveBeenCalled();
      expect(await t.snapshots()).toEqual([]);
    }
  });

  it('streams the catalog once for concurrent requests and stores a hashed key', async () => {
    const t = await setUp(AuthorizeResult.CONDITIONAL);
    const service = t.service();
    const [first, second] = await Promise.all([
      service.visibleProducts(ana),
      service.visibleProducts(ana),
    ]);
    expect(second).toEqual(first);
    expect(t.streamed).toHaveBeenCalledTimes(1);
    expect(t.streamed).toHaveBeenCalledWith(
      expect.objectContaining({ fields: expect.any(Array) }),
      { credentials: ana },
    );
    const [row] = await t.snapshots();
    expect(row.principal_key).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toEqual({ all: false, snapshotId: row.id });
    expect(
      (await t.knex('visible_products').orderBy('entity_ref')).map(
        r => r.entity_ref,
      ),
    ).toEqual([
      'dataproduct:default/a',
      'dataproduct:default/b',
      'dataproduct:default/c',
    ]);
  });

  it('reuses a snapshot within its time to live, on any replica, then writes a new one', async () => {
    const t = await setUp(AuthorizeResult.CONDITIONAL);
    const first = await t.service().visibleProducts(ana);
    t.tick(29_000);
    // Another replica (another instance over the same database) reuses it.
    expect(await t.service().visibleProducts(ana)).toEqual(first);
    expect(t.streamed).toHaveBeenCalledTimes(1);
    // Another caller gets their own.
    const bo = await t
      .service()
      .visibleProducts(mockCredentials.user('user:default/bo'));
    expect(bo).not.toEqual(first);
    expect(t.streamed).toHaveBeenCalledTimes(2);

    t.tick(2_000);
    const second = await t.service().visibleProducts(ana);
    expect(second).not.toEqual(first);
    expect(t.streamed).toHaveBeenCalledTimes(3);
    expect(await t.snapshots()).toHaveLength(3);
    // Kept while a request may still read it, then deleted.
    t.tick(100_000);
    const third = await t.service().visibleProducts(ana);
    expect((await t.snapshots()).map(s => s.id)).toEqual([
      (third as { snapshotId: number }).snapshotId,
    ]);
  });

  it('answers 503 when the catalog fails, never everything, and keeps nothing', async () => {
    const t = await setUp(AuthorizeResult.CONDITIONAL, [
      [product('a')],
      new Error('connection reset'),
    ]);
    const service = t.service();
    await expect(service.visibleProducts(ana)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('connection reset'),
    });
    expect(await t.snapshots()).toEqual([]);
    expect(await t.knex('visible_products')).toEqual([]);
    // The next request tries again.
    await expect(service.visibleProducts(ana)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(t.streamed).toHaveBeenCalledTimes(2);
    await expect(
      service.canSee(ana, 'dataproduct:default/a'),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });
});
