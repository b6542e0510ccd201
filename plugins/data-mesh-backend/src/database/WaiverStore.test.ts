import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { EVERY_PRODUCT } from './visibleProducts';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';

describe('WaiverStore', () => {
  const databases = createMigratedTestDatabases();

  const product = (
    name: string,
    waivers: Array<{ rule: string; reason: string; expires: string }> = [],
  ): DataProductEntityV1alpha1 => ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name },
    spec: {
      type: 'aggregate',
      lifecycle: 'production',
      owner: 'team',
      domain: 'customer',
      governance: { waivers },
    },
  });
  const SEC = {
    rule: 'SEC-001',
    reason: 'Vendor migration',
    expires: '2027-01-31',
  };

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    let now = '2026-11-21T10:00:00.000Z';
    const store = new DatabaseWaiverStore(knex, { now: () => new Date(now) });
    const statements: string[] = [];
    knex.on('query', (query: { sql: string }) => statements.push(query.sql));
    return {
      knex,
      store,
      statements,
      setNow: (next: string) => (now = next),
    };
  }

  it.each(databases.eachSupportedId())(
    'requests, decides only what the decision saw, and lists waivers on %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      const asked = {
        entityRef: 'dataproduct:default/a',
        ruleId: 'SEC-002',
        reason: 'Legal review',
        expiresAt: '2027-01-01T00:00:00.000Z',
        requestedBy: 'user:default/owner',
      };
      expect(await store.request(asked)).toEqual({
        ...asked,
        source: 'api',
        status: 'pending',
        requestedAt: '2026-11-21T10:00:00.000Z',
      });
      await store.request({ ...asked, entityRef: 'dataproduct:default/b' });
      const key = { ...asked, source: 'api' as const };
      // Another reason was asked for since the approver looked.
      await store.request({ ...asked, reason: 'Extended review' });
      expect(
        await store.decide(
          key,
          {
            status: 'pending',
            reason: 'Legal review',
            expiresAt: asked.expiresAt,
          },
          { status: 'approved', decidedBy: 'user:default/ana' },
        ),
      ).toBeUndefined();
      const approved = await store.decide(
        key,
        {
          status: 'pending',
          reason: 'Extended review',
          expiresAt: asked.expiresAt,
        },
        { status: 'approved', decidedBy: 'user:default/ana', comment: 'ok' },
      );
      expect(approved).toMatchObject({
        status: 'approved',
        reason: 'Extended review',
        decidedBy: 'user:default/ana',
        decidedAt: '2026-11-21T10:00:00.000Z',
        comment: 'ok',
      });
      expect(
        (await store.list({ status: 'pending' }, EVERY_PRODUCT)).map(
          w => w.entityRef,
        ),
      ).toEqual(['dataproduct:default/b']);
      expect(
        await store.list({ entityRef: 'dataproduct:default/a' }, EVERY_PRODUCT),
      ).toEqual([approved]);
      const byProduct = await store.forProducts([
        'dataproduct:default/a',
        'dataproduct:default/b',
        'dataproduct:default/c',
      ]);
      expect([...byProduct.keys()]).toEqual([
        'dataproduct:default/a',
        'dataproduct:default/b',
      ]);
      expect(await store.forProducts([])).toEqual(new Map());

      // A new request replaces the approved waiver: it counts once approved.
      await store.request(asked);
      expect(
        await store.list({ entityRef: asked.entityRef }, EVERY_PRODUCT),
      ).toEqual([
        expect.objectContaining({ status: 'pending', reason: 'Legal review' }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "records the spec's declarations as requests, keeping decisions on unchanged content, on %p",
    async databaseId => {
      const t = await setup(databaseId);
      const refA = 'dataproduct:default/a';
      await t.store.syncDeclared([
        product('a', [
          SEC,
          SEC,
          { ...SEC, rule: 'X'.repeat(65) },
          {
            ...SEC,
            rule: 'DOC-001',
            expires: '2026-11-21T99:99:99.999999999Z',
          },
        ]),
        product('b'),
      ]);
      const [declared] = await t.store.list({ entityRef: refA }, EVERY_PRODUCT);
      expect(declared).toEqual({
        entityRef: refA,
        ruleId: 'SEC-001',
        reason: 'Vendor migration',
        expiresAt: '2027-01-31T23:59:59.999Z',
        source: 'entity',
        status: 'pending',
        requestedAt: '2026-11-21T10:00:00.000Z',
      });
      await t.store.decide(declared, declared, {
        status: 'approved',
        decidedBy: 'user:default/ana',
      });

      // Unchanged: one read, no write, the approval stays.
      t.setNow('2026-11-22T10:00:00.000Z');
      t.statements.length = 0;
      await t.store.syncDeclared([product('a', [SEC]), product('b')]);
      expect(t.statements).toHaveLength(1);
      expect(t.statements[0]).toMatch(/^select/i);
      expect(await t.store.list({ entityRef: refA }, EVERY_PRODUCT)).toEqual([
        expect.objectContaining({ status: 'approved' }),
      ]);

      // Changed: a new request, the approval is gone.
      await t.store.syncDeclared([
        product('a', [{ ...SEC, expires: '2027-02-15' }]),
      ]);
      expect(await t.store.list({ entityRef: refA }, EVERY_PRODUCT)).toEqual([
        {
          ...declared,
          expiresAt: '2027-02-15T23:59:59.999Z',
          requestedAt: '2026-11-22T10:00:00.000Z',
        },
      ]);

      // No longer declared: removed; API waivers stay.
      await t.store.request({
        entityRef: refA,
        ruleId: 'SEC-001',
        reason: 'Asked by the owner',
        expiresAt: '2027-01-01T00:00:00.000Z',
        requestedBy: 'user:default/owner',
      });
      await t.store.syncDeclared([product('a')]);
      expect(
        (await t.store.list({ entityRef: refA }, EVERY_PRODUCT)).map(
          w => w.source,
        ),
      ).toEqual(['api']);
      t.statements.length = 0;
      await t.store.syncDeclared([]);
      expect(t.statements).toEqual([]);
    },
  );
});
