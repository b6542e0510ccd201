import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { sharedBackend } from '../__testUtils__/sharedBackend';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const asService = { Authorization: mockCredentials.service.header() };
const url = '/api/data-mesh/products/default/product-0/measurements';
/** A dbt run an hour ago, with dbt's microseconds and a GX run with an offset. */
const dbtRunTime = `${new Date(Date.now() - 3_600_000)
  .toISOString()
  .slice(0, 23)}456Z`;
const gxRunTime = new Date(Date.now() - 7_200_000)
  .toISOString()
  .replace('Z', '+00:00');
const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

/** The example mesh, with product-1 tested by dbt and product-2 by Great Expectations. */
function annotatedMesh() {
  return exampleMesh().map(entity => {
    if (entity.metadata.name === 'product-1') {
      entity.metadata.annotations = {
        'datamesh.io/dbt-models': 'product_1, product_1_daily',
      };
    }
    if (entity.metadata.name === 'product-2') {
      entity.metadata.annotations = {
        'datamesh.io/great-expectations-suites': 'product_2_suite',
      };
      (entity.spec as any).slo.accuracy = { target: '99%' };
    }
    return entity;
  });
}

describe('measurement routes', () => {
  // The refused bodies store nothing: one backend answers them all, and each
  // test checks that nothing is stored, after its own and the earlier ones.
  const refusing = sharedBackend(() => startDataMesh());

  it('stores checks, reports SLO compliance and shows a breach in the scorecard', async () => {
    const { api } = await startDataMesh();
    const measurements = [
      ...Array.from({ length: 995 }, (_, i) => ({
        kind: 'availability',
        up: true,
        observedAt: minutesAgo(i + 1),
      })),
      { kind: 'availability', up: false, observedAt: minutesAgo(997) },
      { kind: 'availability', up: false },
      { kind: 'freshness', lastUpdatedAt: minutesAgo(20) },
      { kind: 'quality_test', test: 'unique_id', passed: true },
    ];
    const post = await api.post(url).set(asService).send({ measurements });
    expect(post.status).toBe(201);
    expectMatchesOpenApi(
      'post',
      '/products/{namespace}/{name}/measurements',
      post,
    );
    expect(post.body).toEqual({
      accepted: 999,
      products: ['dataproduct:default/product-0'],
    });

    const slo = await api
      .get('/api/data-mesh/products/default/product-0/slo')
      .set(asUser);
    expect(slo.status).toBe(200);
    expectMatchesOpenApi('get', '/products/{namespace}/{name}/slo', slo);
    expect(slo.body).toMatchObject({
      entityRef: 'dataproduct:default/product-0',
      window: { days: 30 },
      compliant: false,
      qualityTests: { total: 1, passed: 1, failed: 0, failing: [] },
    });
    expect(slo.body.objectives).toEqual([
      expect.objectContaining({
        objective: 'freshness',
        target: '1 hour',
        compliance: 100,
        required: 99,
        met: true,
        measurements: 1,
      }),
      expect.objectContaining({
        objective: 'availability',
        target: '99.9%',
        compliance: 99.8,
        required: 99.9,
        met: false,
        errorBudgetRemaining: 0,
        measurements: 997,
      }),
    ]);

    const card = await api
      .get('/api/data-mesh/scorecards/default/product-0')
      .set(asUser);
    expect(card.body).toMatchObject({ score: 90, status: 'fail' });
    expect(card.body.violations).toEqual([
      expect.objectContaining({
        ruleId: 'SLO-003',
        path: 'spec.slo.availability',
        message:
          'availability SLO breached over the last 30 days: 99.8% of checks met the target (99.9%), 99.9% required',
      }),
    ]);
  });

  it.each([
    [{}, "request/body must have required property 'measurements'"],
    [
      { measurements: [] },
      'request/body/measurements must NOT have fewer than 1 items',
    ],
    [
      { measurements: [{ kind: 'latency', value: 3 }] },
      'request/body/measurements/0 value of tag "kind" must be in oneOf',
    ],
    [
      {
        measurements: [
          { kind: 'availability', up: true },
          { kind: 'completeness', percent: 120 },
        ],
      },
      'request/body/measurements/1/percent must be <= 100',
    ],
    [
      { measurements: [{ kind: 'availability', up: 'yes' }] },
      'request/body/measurements/0/up must be boolean',
    ],
    [
      { measurements: [{ kind: 'freshness', lastUpdatedAt: 'an hour ago' }] },
      'request/body/measurements/0/lastUpdatedAt must match format "date-time"',
    ],
    [
      { measurements: [{ kind: 'availability', up: true, note: 'x' }] },
      'request/body/measurements/0 must NOT have additional properties',
    ],
    [
      {
        measurements: Array.from({ length: 1001 }, () => ({
          kind: 'availability',
          up: true,
        })),
      },
      'request/body/measurements must NOT have more than 1000 items',
    ],
    [
      {
        measurements: [
          { kind: 'availability', up: true },
          { kind: 'accuracy', percent: 99 },
        ],
      },
      'body.measurements[1]: dataproduct:default/product-0 declares no readable accuracy SLO (spec.slo.accuracy.target)',
    ],
    [
      {
        measurements: [
          {
            kind: 'availability',
            up: true,
            observedAt: '2036-01-01T00:00:00Z',
          },
        ],
      },
      'body.measurements[0].observedAt: 2036-01-01T00:00:00.000Z is in the future',
    ],
  ])(
    'answers 400 naming the field and stores nothing for %#',
    async (body, message) => {
      const { api } = refusing();
      const response = await api.post(url).set(asService).send(body);
      expect(response.status).toBe(400);
      expectMatchesOpenApi(
        'post',
        '/products/{namespace}/{name}/measurements',
        response,
      );
      expect(response.body.error.message).toContain(message);
      const slo = await api
        .get('/api/data-mesh/products/default/product-0/slo')
        .set(asUser);
      expect(slo.body.objectives.map((o: any) => o.measurements)).toEqual([
        0, 0,
      ]);
    },
  );

  it('answers 404 for an unknown product and 403 for callers without the permission', async () => {
    // The policy denies users; services are allowed (unrestricted tokens).
    const denied = await startDataMesh({
      features: [
        mockServices.permissions.mock({
          authorize: async (requests, options: any) =>
            requests.map(() => ({
              result:
                options?.credentials?.principal?.type === 'service'
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            })),
        }).factory,
      ],
    });
    const body = { measurements: [{ kind: 'availability', up: true }] };
    const user = await denied.api.post(url).set(asUser).send(body);
    expect(user.status).toBe(403);
    expectMatchesOpenApi(
      'post',
      '/products/{namespace}/{name}/measurements',
      user,
    );
    const service = await denied.api.post(url).set(asService).send(body);
    expect(service.status).toBe(201);
    const missing = await denied.api
      .post('/api/data-mesh/products/default/ghost/measurements')
      .set(asService)
      .send(body);
    expect(missing.status).toBe(404);
    const anonymous = await denied.api.post(url).send(body);
    expect(anonymous.status).toBe(401);
  });

  it("imports dbt's run_results.json, mapping tests to products by their models", async () => {
    const { api } = await startDataMesh({ entities: annotatedMesh() });
    const response = await api
      .post('/api/data-mesh/measurements/dbt')
      .set(asService)
      .send({
        metadata: {
          generated_at: dbtRunTime,
          dbt_version: '1.8.0',
        },
        results: [
          { unique_id: 'model.shop.product_1', status: 'success' },
          {
            unique_id: 'test.shop.not_null_product_1_id.a1',
            status: 'pass',
            failures: 0,
          },
          {
            unique_id: 'test.shop.unique_product_1_daily_id.b2',
            status: 'fail',
            failures: 3,
            message: 'Got 3 results',
          },
          {
            unique_id: 'test.shop.accepted_values_product_1_status.c3',
            status: 'skipped',
          },
          { unique_id: 'test.shop.unique_orders_id.d4', status: 'pass' },
        ],
      });
    expect(response.status).toBe(201);
    expectMatchesOpenApi('post', '/measurements/dbt', response);
    expect(response.body).toEqual({
      accepted: 2,
      products: ['dataproduct:default/product-1'],
      unmatched: ['test.shop.unique_orders_id.d4'],
    });
    const card = await api
      .get('/api/data-mesh/scorecards/default/product-1')
      .set(asUser);
    expect(card.body.violations).toEqual([
      expect.objectContaining({
        ruleId: 'QUAL-002',
        severity: 'warning',
        message: `Quality test 'unique_product_1_daily_id' failed on its last run (${new Date(
          dbtRunTime,
        ).toISOString()})`,
      }),
    ]);
    const bad = await api
      .post('/api/data-mesh/measurements/dbt')
      .set(asService)
      .send({ results: [{ status: 'pass' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'body is not a dbt run_results.json: body.results.0.unique_id: Invalid input: expected string, received undefined',
    );
  });

  it('keeps expectations of the same type on the same column apart', async () => {
    const { api } = await startDataMesh({ entities: annotatedMesh() });
    const between = (success: boolean) => ({
      success,
      expectation_config: {
        expectation_type: 'expect_column_values_to_be_between',
        kwargs: { column: 'amount' },
      },
    });
    const response = await api
      .post('/api/data-mesh/measurements/great-expectations')
      .set(asService)
      .send({
        success: false,
        meta: { expectation_suite_name: 'product_2_suite' },
        results: [between(false), between(true)],
      });
    expect(response.status).toBe(201);
    const slo = await api
      .get('/api/data-mesh/products/default/product-2/slo')
      .set(asUser);
    expect(slo.body.qualityTests).toMatchObject({
      total: 2,
      passed: 1,
      failed: 1,
    });
    expect(slo.body.qualityTests.failing[0].test).toBe(
      'product_2_suite/expect_column_values_to_be_between(amount)',
    );
  });

  it('imports Great Expectations results, with the pass rate as an accuracy check', async () => {
    const { api } = await startDataMesh({ entities: annotatedMesh() });
    const validation = {
      success: false,
      meta: {
        expectation_suite_name: 'product_2_suite',
        run_id: { run_time: gxRunTime },
      },
      statistics: { success_percent: 98.5 },
      results: [
        {
          success: true,
          expectation_config: {
            expectation_type: 'expect_column_values_to_not_be_null',
            kwargs: { column: 'id' },
          },
        },
        {
          success: false,
          expectation_config: {
            expectation_type: 'expect_column_values_to_be_unique',
            kwargs: { column: 'email' },
          },
        },
      ],
    };
    const response = await api
      .post('/api/data-mesh/measurements/great-expectations')
      .set(asService)
      .send({ run_results: { run: { validation_result: validation } } });
    expect(response.status).toBe(201);
    expectMatchesOpenApi('post', '/measurements/great-expectations', response);
    expect(response.body).toEqual({
      accepted: 3,
      products: ['dataproduct:default/product-2'],
      unmatched: [],
    });
    const slo = await api
      .get('/api/data-mesh/products/default/product-2/slo')
      .set(asUser);
    expect(
      slo.body.objectives.find((o: any) => o.objective === 'accuracy'),
    ).toMatchObject({ compliance: 0, met: false, measurements: 1 });
    expect(slo.body.qualityTests.failing).toEqual([
      {
        test: 'product_2_suite/expect_column_values_to_be_unique(email)',
        observedAt: new Date(gxRunTime).toISOString(),
      },
    ]);
    const unmatched = await api
      .post('/api/data-mesh/measurements/great-expectations')
      .set(asService)
      .send({
        ...validation,
        meta: { expectation_suite_name: 'nobody_suite' },
      });
    expect(unmatched.body).toEqual({
      accepted: 0,
      products: [],
      unmatched: ['nobody_suite'],
    });
  });
});
