import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };

describe('abuse: products the caller may not read in the catalog are never counted', () => {
  it('keeps them out of every list, rollup and lookup', async () => {
    const { api } = await startDataMesh({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    const list = await api.get('/api/data-mesh/scorecards').set(asUser);
    expect(list.body.items.map((i: any) => i.entityRef)).toEqual([
      'dataproduct:default/product-0',
      'dataproduct:default/product-6',
    ]);
    expect(list.body.totalItems).toBe(2);

    const domains = await api.get('/api/data-mesh/domains').set(asUser);
    expect(domains.body.mesh).toMatchObject({ productCount: 2, trend: [] });
    expect(
      domains.body.domains
        .filter((d: any) => d.productCount > 0)
        .map((d: any) => d.domain),
    ).toEqual(['domain:default/customer']);

    const hidden = await api
      .get('/api/data-mesh/scorecards/default/product-1')
      .set(asUser);
    expect(hidden.status).toBe(404);
    const shown = await api
      .get('/api/data-mesh/scorecards/default/product-6')
      .set(asUser);
    expect(shown.status).toBe(200);

    const marketing = await api
      .get('/api/data-mesh/domains/marketing')
      .set(asUser);
    expect(marketing.body.products).toEqual({ items: [], totalItems: 0 });

    // Lookups of a hidden product answer as if it did not exist.
    for (const path of [
      'scorecards/default/product-1/history',
      'products/default/product-1/slo',
      'products/default/product-1/provenance',
    ]) {
      expect((await api.get(`/api/data-mesh/${path}`).set(asUser)).status).toBe(
        404,
      );
    }
    expect(
      (
        await api
          .get('/api/data-mesh/scorecards/default/product-6/history')
          .set(asUser)
      ).body.items,
    ).toHaveLength(1);

    // KPIs count the two visible products only (product-0 is experimental);
    // the history, which covers every product, is withheld.
    const kpis = await api.get('/api/data-mesh/kpis').set(asUser);
    const published = kpis.body.kpis.find(
      (k: any) => k.id === 'data_products_published',
    );
    expect(published.byDomain.filter((d: any) => d.value > 0)).toEqual([
      expect.objectContaining({ domain: 'domain:default/customer', value: 1 }),
    ]);
    expect(published.value).toBe(1);
    const history = await api.get('/api/data-mesh/kpis/history').set(asUser);
    expect(history.body).toMatchObject({ restricted: true, dates: [] });

    const dryRun = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({
        pack: {
          apiVersion: 'datamesh.io/v1alpha1',
          kind: 'PolicyPack',
          metadata: { name: 'x' },
          spec: {
            rules: [
              {
                id: 'X-1',
                severity: 'error',
                condition: { required: ['nope'] },
              },
            ],
          },
        },
      });
    expect(dryRun.body).toMatchObject({ evaluatedCount: 2 });
    expect(dryRun.body.newlyFailing).toHaveLength(2);
  });

  it('evaluates a hidden product by the policies alone', async () => {
    const { api } = await startDataMesh({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    // An approved waiver of product-0 (customer domain), which this user reads.
    const request = await api
      .post('/api/data-mesh/waivers')
      .set({ Authorization: mockCredentials.user.header() })
      .send({
        entityRef: 'product-0',
        ruleId: 'VER-001',
        reason: 'visible one',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(request.status).toBe(201);
    const approve = await api
      .post('/api/data-mesh/waivers/default/product-0/VER-001/approve')
      .set({ Authorization: mockCredentials.user.header('user:default/ana') })
      .send({});
    expect(approve.status).toBe(200);
    const [hidden] = exampleMesh().filter(e => e.metadata.name === 'product-1');
    const visible = exampleMesh().find(e => e.metadata.name === 'product-0')!;
    delete (visible.spec as any).version;
    delete (hidden.spec as any).version;

    const seen = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: visible });
    expect(seen.body.violations).toEqual([
      expect.objectContaining({ ruleId: 'VER-001', waived: true }),
    ]);
    const unseen = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: hidden });
    expect(unseen.body.violations).toEqual([
      expect.objectContaining({ ruleId: 'VER-001', waived: false }),
    ]);
  });

  it('shows nothing when reading the catalog is denied', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const list = await api.get('/api/data-mesh/scorecards').set(asUser);
    expect(list.body).toEqual({ items: [], totalItems: 0 });
    const domains = await api.get('/api/data-mesh/domains').set(asUser);
    expect(domains.body.mesh).toMatchObject({
      productCount: 0,
      averageScore: null,
    });
    const one = await api
      .get('/api/data-mesh/scorecards/default/product-0')
      .set(asUser);
    expect(one.status).toBe(404);
  });
});
