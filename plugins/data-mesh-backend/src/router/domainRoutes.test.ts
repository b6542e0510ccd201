import { mockCredentials } from '@backstage/backend-test-utils';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const today = new Date().toISOString().slice(0, 10);

describe('domain routes', () => {
  let api: Awaited<ReturnType<typeof startDataMesh>>['api'];
  beforeAll(async () => {
    ({ api } = await startDataMesh());
  });

  it('rolls up every domain and the mesh, with a daily trend', async () => {
    const response = await api.get('/api/data-mesh/domains').set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/domains', response);
    expect(response.body.stale).toBe(false);
    expect(response.body.mesh).toEqual({
      productCount: 12,
      averageScore: 98.83,
      minimumScore: 90,
      passCount: 9,
      warnCount: 2,
      failCount: 1,
      topFailingRules: [
        { ruleId: 'DOC-001', count: 1 },
        { ruleId: 'SCHEMA-002', count: 1 },
        { ruleId: 'SLO-001', count: 1 },
      ],
      trend: [{ day: today, averageScore: 98.83, productCount: 12 }],
    });
    expect(
      response.body.domains.map((d: any) => [
        d.title,
        d.productCount,
        d.averageScore,
      ]),
    ).toEqual([
      ['Customer', 2, 100],
      ['Finance', 2, 100],
      ['Inventory', 2, 100],
      ['Marketing', 2, 95],
      ['Order', 2, 99],
      ['Product', 2, 99],
    ]);
    const marketing = response.body.domains.find(
      (d: any) => d.title === 'Marketing',
    );
    expect(marketing).toMatchObject({
      domain: 'domain:default/marketing',
      failCount: 1,
      topFailingRules: [{ ruleId: 'DOC-001', count: 1 }],
      trend: [{ day: today, averageScore: 95, productCount: 2 }],
    });
  });

  it('returns one domain with a page of its products', async () => {
    const response = await api
      .get('/api/data-mesh/domains/finance?orderBy=score&limit=1')
      .set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/domains/{name}', response);
    expect(response.body.domain).toMatchObject({
      domain: 'domain:default/finance',
      productCount: 2,
    });
    expect(response.body.products).toMatchObject({
      totalItems: 2,
      items: [{ entityRef: 'dataproduct:default/product-10', score: 100 }],
      nextCursor: expect.any(String),
    });
    const namespaced = await api
      .get('/api/data-mesh/domains/default/finance')
      .set(asUser);
    expectMatchesOpenApi('get', '/domains/{namespace}/{name}', namespaced);
    expect(namespaced.body.domain.domain).toBe('domain:default/finance');
  });

  it('answers 404 for an unknown domain and 400 for bad paging', async () => {
    const missing = await api
      .get('/api/data-mesh/domains/atlantis')
      .set(asUser);
    expect(missing.status).toBe(404);
    expectMatchesOpenApi('get', '/domains/{name}', missing);
    const bad = await api
      .get('/api/data-mesh/domains/finance?limit=9999')
      .set(asUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('request/query/limit must be <= 500');
    const domainParam = await api
      .get('/api/data-mesh/domains/finance?domain=order')
      .set(asUser);
    expect(domainParam.status).toBe(400);
  });
});
