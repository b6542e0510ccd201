import { mockCredentials } from '@backstage/backend-test-utils';
import { RELATION_DATA_PRODUCT_CONSUMED_BY } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { changedMesh } from '../__testUtils__/notifications';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const VERSIONS = '/api/data-mesh/products/default/product-6/versions';

const mesh = () =>
  changedMesh({
    'product-6': product => {
      product.spec.deprecation = {
        sunset: '2026-01-31',
        successor: 'product-0',
        reason: 'Merged into product-0',
      };
      product.relations = [
        {
          type: RELATION_DATA_PRODUCT_CONSUMED_BY,
          targetRef: 'component:default/revenue-report',
        },
      ];
    },
    'product-1': product => {
      // Deprecated but read by nobody: not listed.
      product.spec.deprecation = { sunset: '2027-01-31' };
    },
  });

describe('version and deprecation routes', () => {
  let api: Awaited<ReturnType<typeof startDataMesh>>['api'];
  beforeAll(async () => {
    ({ api } = await startDataMesh({
      catalog: customerOnlyCatalog({ entities: mesh() }),
      features: [conditionalPermissions()],
    }));
  });

  it('lists the versions the sweep saw', async () => {
    const response = await api.get(VERSIONS).set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi(
      'get',
      '/products/{namespace}/{name}/versions',
      response,
    );
    expect(response.body).toEqual({
      entityRef: 'dataproduct:default/product-6',
      items: [
        expect.objectContaining({
          version: '1.0.0',
          lifecycle: 'production',
          majorBump: false,
          breakingCount: 0,
          changes: [],
        }),
      ],
    });
    expect(
      response.body.items[0].snapshot.fields.map((f: any) => f.name),
    ).toEqual(['id', 'email', 'amount', 'updated_at']);
  });

  it('answers 401 without credentials', async () => {
    const response = await api.get(VERSIONS);
    expect(response.status).toBe(401);
    expect((await api.get('/api/data-mesh/deprecated-products')).status).toBe(
      401,
    );
  });

  it('answers 400 for a bad limit', async () => {
    const response = await api.get(`${VERSIONS}?limit=0`).set(asUser);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('limit');
  });

  it('answers 404 for a product the caller may not read, as for its scorecard', async () => {
    const hidden = await api
      .get('/api/data-mesh/products/default/product-1/versions')
      .set(asUser);
    expect(hidden.status).toBe(404);
    const service = await api
      .get('/api/data-mesh/products/default/product-1/versions')
      .set({ Authorization: mockCredentials.service.header() });
    expect(service.status).toBe(200);
  });

  it('lists deprecated products still read, among those the caller may read', async () => {
    const response = await api
      .get('/api/data-mesh/deprecated-products')
      .set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/deprecated-products', response);
    expect(response.body.items).toEqual([
      {
        entityRef: 'dataproduct:default/product-6',
        domain: 'domain:default/customer',
        sunset: '2026-01-31',
        successor: 'dataproduct:default/product-0',
        reason: 'Merged into product-0',
        sunsetPassed: true,
        consumers: ['component:default/revenue-report'],
      },
    ]);
  });
});
