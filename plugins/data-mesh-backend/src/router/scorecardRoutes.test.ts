import { mockCredentials } from '@backstage/backend-test-utils';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };

describe('scorecard routes', () => {
  let api: Awaited<ReturnType<typeof startDataMesh>>['api'];
  beforeAll(async () => {
    ({ api } = await startDataMesh());
  });

  it('lists the stored scorecards of the first sweep', async () => {
    const response = await api.get('/api/data-mesh/scorecards').set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/scorecards', response);
    expect(response.body.totalItems).toBe(12);
    expect(
      response.body.items.map(
        (i: any) => `${i.entityRef.split('/')[1]} ${i.status}`,
      ),
    ).toEqual([
      'product-0 pass',
      'product-1 pass',
      'product-10 pass',
      'product-11 warn',
      'product-2 pass',
      'product-3 fail',
      'product-4 pass',
      'product-5 pass',
      'product-6 pass',
      'product-7 warn',
      'product-8 pass',
      'product-9 pass',
    ]);
  });

  it('filters, sorts and pages', async () => {
    const warn = await api
      .get('/api/data-mesh/scorecards?status=warn&orderBy=score&order=desc')
      .set(asUser);
    expect(warn.body.items.map((i: any) => [i.entityRef, i.score])).toEqual([
      ['dataproduct:default/product-7', 98],
      ['dataproduct:default/product-11', 98],
    ]);
    const first = await api
      .get('/api/data-mesh/scorecards?domain=customer&limit=1')
      .set(asUser);
    expect(first.body).toMatchObject({
      totalItems: 2,
      nextCursor: expect.any(String),
    });
    const second = await api
      .get(
        `/api/data-mesh/scorecards?domain=customer&limit=1&cursor=${first.body.nextCursor}`,
      )
      .set(asUser);
    expect(second.body.nextCursor).toBeUndefined();
    expect([
      first.body.items[0].entityRef,
      second.body.items[0].entityRef,
    ]).toEqual([
      'dataproduct:default/product-0',
      'dataproduct:default/product-6',
    ]);
  });

  it.each([
    ['limit=0', 'request/query/limit must be >= 1'],
    [
      'status=broken',
      'request/query/status must be equal to one of the allowed values: pass, warn, fail',
    ],
    ['orderBy=owner', 'request/query/orderBy must be equal to one of'],
    ['domain=group:default/x', 'query.domain: must refer to a Domain'],
    ['cursor=bm9wZQ', 'cursor: not a cursor returned by this API'],
    [
      `orderBy=score&cursor=${Buffer.from(JSON.stringify(['x', 'a'])).toString(
        'base64url',
      )}`,
      'cursor: not a cursor returned by this API',
    ],
    ['sort=name', "Unknown query parameter 'sort'"],
    ['minScore=high', 'request/query/minScore must be number'],
    ['minScore=90&maxScore=50', 'query.minScore: must not be above maxScore'],
    ['maxScore=101', 'request/query/maxScore must be <= 100'],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const response = await api
      .get(`/api/data-mesh/scorecards?${query}`)
      .set(asUser);
    expect(response.status).toBe(400);
    expectMatchesOpenApi('get', '/scorecards', response);
    expect(response.body.error.message).toContain(message);
  });

  it('returns one scorecard with its violations, and 404 for unknown products', async () => {
    const response = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/scorecards/{namespace}/{name}', response);
    expect(response.body).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      score: 90,
      status: 'fail',
      stale: false,
      violations: [
        {
          ruleId: 'DOC-001',
          severity: 'error',
          message: 'Product description missing',
          remediation: 'Describe the product in metadata.description',
          path: 'metadata.description',
          waived: false,
        },
      ],
    });
    const missing = await api
      .get('/api/data-mesh/scorecards/default/nope')
      .set(asUser);
    expect(missing.status).toBe(404);
    expectMatchesOpenApi('get', '/scorecards/{namespace}/{name}', missing);
  });

  it('returns the history of a product', async () => {
    const response = await api
      .get('/api/data-mesh/scorecards/default/product-3/history')
      .set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi(
      'get',
      '/scorecards/{namespace}/{name}/history',
      response,
    );
    expect(response.body.items).toEqual([
      expect.objectContaining({
        score: 90,
        status: 'fail',
        ruleIds: ['DOC-001'],
      }),
    ]);
    const bad = await api
      .get('/api/data-mesh/scorecards/default/product-3/history?from=yesterday')
      .set(asUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'request/query/from must match format "date-time"',
    );
  });

  it('evaluates a submitted product without storing it', async () => {
    const [product] = createSyntheticProducts(1);
    product.metadata.name = 'draft';
    delete product.spec.access;
    const response = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: product });
    expect(response.status).toBe(200);
    expectMatchesOpenApi('post', '/evaluate', response);
    expect(response.body).toMatchObject({
      entityRef: 'dataproduct:default/draft',
      score: 80,
      status: 'fail',
    });
    expect(response.body.violations.map((v: any) => v.ruleId)).toEqual([
      'SEC-001',
      'SEC-002',
    ]);
    const stored = await api
      .get('/api/data-mesh/scorecards/default/draft')
      .set(asUser);
    expect(stored.status).toBe(404);
  });

  it.each([
    [{}, "request/body must have required property 'entity'"],
    [{ entity: 'x' }, 'request/body/entity must be object'],
    [
      {
        entity: {
          apiVersion: 'datamesh.io/v1alpha1',
          kind: 'DataProduct',
          metadata: { name: 'x' },
          spec: { type: 'lake' },
        },
      },
      'entity.spec.lifecycle is required; entity.spec.domain is required; entity.spec.owner is required; entity.spec.type must be one of: source-aligned, consumer-aligned, aggregate',
    ],
    [
      {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'x' },
          spec: {},
        },
      },
      "entity.apiVersion must be 'datamesh.io/v1alpha1'",
    ],
  ])(
    'answers 400 naming the field for an invalid submission %#',
    async (body, message) => {
      const response = await api
        .post('/api/data-mesh/evaluate')
        .set(asUser)
        .send(body);
      expect(response.status).toBe(400);
      expectMatchesOpenApi('post', '/evaluate', response);
      expect(response.body.error.message).toContain(message);
    },
  );

  it('answers 400 for a reference that cannot be parsed', async () => {
    const [product] = createSyntheticProducts(1);
    product.spec.owner = 'group:';
    const response = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: product });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'entity.spec.owner: Entity reference "group:" was not on the form [<kind>:][<namespace>/]<name>',
    );
  });

  it('answers 400 for malformed JSON and 413 for oversized bodies', async () => {
    const malformed = await api
      .post('/api/data-mesh/evaluate')
      .set({ ...asUser, 'Content-Type': 'application/json' })
      .send('{"entity": ');
    expect(malformed.status).toBe(400);
    const huge = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });
});
