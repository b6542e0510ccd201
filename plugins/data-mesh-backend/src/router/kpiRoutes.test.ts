import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KPI_IDS } from '@datamesh-backstage/plugin-data-mesh-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { sharedBackend } from '../__testUtils__/sharedBackend';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };

describe('KPI routes', () => {
  // The refused queries change nothing: one backend answers them all.
  const refusing = sharedBackend(() => startDataMesh());

  it('computes the KPIs of the example mesh', async () => {
    const { api } = await startDataMesh();
    const response = await api.get('/api/data-mesh/kpis').set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/kpis', response);
    const values = Object.fromEntries(
      response.body.kpis.map((k: any) => [k.id, [k.value, k.meetsTarget]]),
    );
    // 12 synthetic products over six domains, two each; products 0 and 10
    // are experimental; 6–11 declare a product of another domain upstream
    // (no agreement: declared, not agreed); product 3 has no description
    // and product 7 a field without one.
    expect(values).toEqual({
      domains_onboarded: [100, true],
      data_products_published: [10, false],
      self_serve_ratio: [0, false],
      slo_compliance: [null, null],
      data_quality_score: [98.83, true],
      documentation_completeness: [83.33, false],
      time_to_data: [null, null],
      data_product_consumers: [0, false],
      cross_domain_products: [0, false],
    });
    const cross = response.body.kpis.find(
      (k: any) => k.id === 'cross_domain_products',
    );
    expect(cross.declaredNotAgreed).toBe(6);
    const published = response.body.kpis.find(
      (k: any) => k.id === 'data_products_published',
    );
    expect(published.byDomain).toContainEqual({
      domain: 'domain:default/customer',
      title: 'Customer',
      value: 1,
      meetsTarget: false,
    });
    expect(JSON.stringify(response.body).length).toBeLessThan(50_000);
  });

  it('serves daily snapshots, one per day, and weekly points', async () => {
    const { api } = await startDataMesh();
    const today = new Date().toISOString().slice(0, 10);
    const daily = await api
      .get(`/api/data-mesh/kpis/history?from=2026-01-01&to=${today}`)
      .set(asUser);
    expect(daily.status).toBe(200);
    expectMatchesOpenApi('get', '/kpis/history', daily);
    expect(daily.body).toMatchObject({
      from: '2026-01-01',
      to: today,
      interval: 'day',
    });
    expect(daily.body.dates).toEqual([today]);
    expect(Object.keys(daily.body.series).sort()).toEqual([...KPI_IDS].sort());
    expect(
      Object.values(daily.body.series).every((v: any) => v.length === 1),
    ).toBe(true);

    const weekly = await api
      .get(`/api/data-mesh/kpis/history?interval=week&to=${today}`)
      .set(asUser);
    expect(weekly.body.dates).toHaveLength(1);
    expect(new Date(`${weekly.body.dates[0]}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it.each([
    ['from=2026-13-01', 'query.from: must be a date (YYYY-MM-DD)'],
    [
      'interval=month',
      'request/query/interval must be equal to one of the allowed values: day, week',
    ],
    [
      'from=2026-11-20&to=2026-11-01',
      'query.from: must be on or before query.to',
    ],
    ['from=2020-01-01&to=2026-01-01', 'at most 1098 days earlier'],
  ])('answers 400 for %s', async (query, message) => {
    const { api } = refusing();
    const response = await api
      .get(`/api/data-mesh/kpis/history?${query}`)
      .set(asUser);
    expect(response.status).toBe(400);
    expectMatchesOpenApi('get', '/kpis/history', response);
    expect(response.body.error.message).toContain(message);
  });

  it('counts nothing the caller may not see', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const kpis = await api.get('/api/data-mesh/kpis').set(asUser);
    const values = Object.fromEntries(
      kpis.body.kpis.map((k: any) => [k.id, k.value]),
    );
    expect(values).toMatchObject({
      data_products_published: 0,
      data_quality_score: null,
      cross_domain_products: 0,
    });
    const history = await api.get('/api/data-mesh/kpis/history').set(asUser);
    expect(history.body).toMatchObject({
      dates: [],
      series: {},
      restricted: true,
    });
  });
});
