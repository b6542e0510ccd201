import { ResponseError } from '@backstage/errors';
import { clientWithResponses as setup } from '../__fixtures__/clientWithResponses';

describe('DataMeshClient', () => {
  it('reads a scorecard by product ref and returns undefined on 404', async () => {
    const { client, calls } = setup([
      { status: 200, body: { entityRef: 'dataproduct:default/a', score: 90 } },
      {
        status: 404,
        body: { error: { name: 'NotFoundError', message: 'nope' } },
      },
    ]);
    await expect(client.getScorecard('dataproduct:default/a')).resolves.toEqual(
      {
        entityRef: 'dataproduct:default/a',
        score: 90,
      },
    );
    await expect(client.getScorecard('retail/b')).resolves.toBeUndefined();
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/data-mesh/scorecards/default/a',
      'http://backend/api/data-mesh/scorecards/retail/b',
    ]);
  });

  it('sends query parameters, skipping empty ones, and a bearer token', async () => {
    const { client, calls } = setup([
      { status: 200, body: { items: [], totalItems: 0 } },
    ]);
    await client.listScorecards(
      {
        domain: 'domain:default/customer',
        status: 'fail',
        cursor: undefined,
        limit: 50,
      },
      { token: 'abc' },
    );
    expect(calls[0].url).toBe(
      'http://backend/api/data-mesh/scorecards?domain=domain%3Adefault%2Fcustomer&status=fail&limit=50',
    );
    expect(calls[0].init.headers).toEqual({ Authorization: 'Bearer abc' });
  });

  it('posts JSON bodies', async () => {
    const { client, calls } = setup([{ status: 200, body: { score: 100 } }]);
    await client.evaluate({
      apiVersion: 'v',
      kind: 'k',
      metadata: { name: 'n' },
    });
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toEqual({
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      entity: { apiVersion: 'v', kind: 'k', metadata: { name: 'n' } },
    });
  });

  it('addresses domains in the default namespace by name', async () => {
    const { client, calls } = setup([
      { status: 200, body: {} },
      { status: 200, body: {} },
    ]);
    await client.getDomain('domain:default/customer', { limit: 10 });
    await client.getDomain('domain:retail/order');
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/data-mesh/domains/customer?limit=10',
      'http://backend/api/data-mesh/domains/retail/order',
    ]);
  });

  it('throws ResponseError with the server message on failures', async () => {
    const { client } = setup([
      {
        status: 400,
        body: {
          error: {
            name: 'InputError',
            message: 'entity.spec.type is required',
          },
          response: { statusCode: 400 },
        },
      },
    ]);
    const error = await client.evaluate({} as any).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('entity.spec.type is required');
  });
});

describe('DataMeshClient KPI and SLO routes', () => {
  it('reads KPIs, KPI history, and SLO status; posts measurements', async () => {
    const { client, calls } = setup([
      { status: 200, body: { generatedAt: 'x', kpis: [] } },
      {
        status: 200,
        body: {
          from: '2026-01-01',
          to: '2026-01-12',
          interval: 'week',
          dates: ['2026-01-05', '2026-01-12'],
          series: {
            data_quality_score: [81, 82.5],
            slo_compliance: [null, 90],
          },
        },
      },
      {
        status: 200,
        body: { accepted: 1, products: ['dataproduct:default/a'] },
      },
      {
        status: 404,
        body: { error: { name: 'NotFoundError', message: 'no' } },
      },
      { status: 201, body: { accepted: 2, products: [], unmatched: [] } },
      { status: 201, body: { accepted: 1, products: [], unmatched: [] } },
    ]);
    await client.getKpis();
    await expect(
      client.getKpiHistory({ from: '2026-01-01', interval: 'week' }),
    ).resolves.toEqual({
      from: '2026-01-01',
      to: '2026-01-12',
      interval: 'week',
      points: [
        {
          date: '2026-01-05',
          values: { data_quality_score: 81, slo_compliance: null },
        },
        {
          date: '2026-01-12',
          values: { data_quality_score: 82.5, slo_compliance: 90 },
        },
      ],
    });
    await expect(
      client.postMeasurements('dataproduct:default/a', [
        { kind: 'availability', up: true },
      ]),
    ).resolves.toEqual({ accepted: 1, products: ['dataproduct:default/a'] });
    await expect(client.getSloStatus('a')).resolves.toBeUndefined();
    await client.importDbtRunResults({ results: [] }, { entityRef: 'a' });
    await client.importGreatExpectationsResults({ results: [] });
    expect(calls.map(c => `${c.init.method} ${c.url}`)).toEqual([
      'GET http://backend/api/data-mesh/kpis',
      'GET http://backend/api/data-mesh/kpis/history?from=2026-01-01&interval=week',
      'POST http://backend/api/data-mesh/products/default/a/measurements',
      'GET http://backend/api/data-mesh/products/default/a/slo',
      'POST http://backend/api/data-mesh/measurements/dbt?entityRef=a',
      'POST http://backend/api/data-mesh/measurements/great-expectations',
    ]);
    expect(JSON.parse(String(calls[2].init.body))).toEqual({
      measurements: [{ kind: 'availability', up: true }],
    });
  });
});
