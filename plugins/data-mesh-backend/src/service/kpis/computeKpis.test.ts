import { computeKpis, DomainSums, emptySums } from './computeKpis';

const sums = (values: Partial<DomainSums>): DomainSums => ({
  ...emptySums(),
  ...values,
});

/*
 * A small mesh, computed by hand:
 *
 * | domain    | products | prod | self-serve | cross | consumers | documented | SLO measured/met | scores   | delivery days |
 * | customer  | 4        | 3    | 2          | 1     | 10        | 3          | 2 / 2            | 360 / 4  | 0.5, 2        |
 * | order     | 2        | 2    | 2          | 0     | 2         | 2          | 1 / 0            | 150 / 2  | 0.25          |
 * | finance   | 1        | 0    | 0          | 0     | 0         | 0          | 0 / 0            | 80 / 1   |               |
 * | marketing | 0        |      |            |       |           |            |                  |          |               |
 * | legacy*   | 1        | 1    | 0          | 0     | 0         | 1          | 0 / 0            | 50 / 1   |               |
 *
 * (* not a Domain in the catalog)
 */
const domains = new Map([
  ['domain:default/customer', { title: 'Customer' }],
  ['domain:default/finance', { title: 'Finance' }],
  ['domain:default/marketing', { title: 'Marketing' }],
  ['domain:default/order', { title: 'Order' }],
]);
const mesh = new Map([
  [
    'domain:default/customer',
    sums({
      products: 4,
      inProduction: 3,
      selfServe: 2,
      crossDomain: 1,
      consumers: 10,
      documented: 3,
      sloMeasured: 2,
      sloCompliant: 2,
      scoreSum: 360,
      scored: 4,
      deliveryDays: [0.5, 2],
    }),
  ],
  [
    'domain:default/order',
    sums({
      products: 2,
      inProduction: 2,
      selfServe: 2,
      consumers: 2,
      documented: 2,
      sloMeasured: 1,
      sloCompliant: 0,
      scoreSum: 150,
      scored: 2,
      deliveryDays: [0.25],
    }),
  ],
  ['domain:default/finance', sums({ products: 1, scoreSum: 80, scored: 1 })],
  [
    'domain:default/legacy',
    sums({
      products: 1,
      inProduction: 1,
      documented: 1,
      scoreSum: 50,
      scored: 1,
    }),
  ],
]);

describe('computeKpis', () => {
  const kpis = Object.fromEntries(
    computeKpis(domains, mesh).map(kpi => [kpi.id, kpi]),
  );
  const byDomain = (id: string) =>
    Object.fromEntries(
      kpis[id].byDomain.map((d: any) => [
        d.domain.split('/')[1],
        [d.value, d.meetsTarget],
      ]),
    );

  it('lists the nine KPIs in order, with their targets', () => {
    expect(
      Object.values(kpis).map(
        (k: any) => `${k.id} ${k.targetOperator} ${k.target} ${k.unit}`,
      ),
    ).toEqual([
      'domains_onboarded gte 80 percent',
      'data_products_published gte 5 count',
      'self_serve_ratio gte 90 percent',
      'slo_compliance gte 95 percent',
      'data_quality_score gte 90 score',
      'documentation_completeness gte 100 percent',
      'time_to_data lt 1 days',
      'data_product_consumers gte 3 consumers',
      'cross_domain_products gte 10 count',
    ]);
  });

  it('domains_onboarded: identified domains with a product in production', () => {
    expect(kpis.domains_onboarded).toMatchObject({
      value: 50,
      meetsTarget: false,
    });
    expect(byDomain('domains_onboarded')).toEqual({
      customer: [100, true],
      finance: [0, false],
      legacy: [100, true],
      marketing: [0, false],
      order: [100, true],
    });
  });

  it('data_products_published: products in production, 5+ in every identified domain', () => {
    expect(kpis.data_products_published).toMatchObject({
      value: 6,
      meetsTarget: false,
    });
    expect(byDomain('data_products_published').customer).toEqual([3, false]);
  });

  it('self_serve_ratio, slo_compliance, data_quality_score, documentation_completeness', () => {
    expect(kpis.self_serve_ratio).toMatchObject({
      value: 50,
      meetsTarget: false,
    });
    expect(byDomain('self_serve_ratio').order).toEqual([100, true]);
    expect(kpis.slo_compliance).toMatchObject({
      value: 66.67,
      meetsTarget: false,
    });
    expect(byDomain('slo_compliance').customer).toEqual([100, true]);
    expect(byDomain('slo_compliance').finance).toEqual([null, null]);
    expect(kpis.data_quality_score).toMatchObject({
      value: 80,
      meetsTarget: false,
    });
    expect(byDomain('data_quality_score').customer).toEqual([90, true]);
    expect(kpis.documentation_completeness).toMatchObject({
      value: 75,
      meetsTarget: false,
    });
  });

  it('time_to_data: the median delivery, under a day meets the target', () => {
    expect(kpis.time_to_data).toMatchObject({ value: 0.5, meetsTarget: true });
    expect(byDomain('time_to_data').customer).toEqual([1.25, false]);
    expect(byDomain('time_to_data').marketing).toEqual([null, null]);
  });

  it('data_product_consumers and cross_domain_products', () => {
    expect(kpis.data_product_consumers).toMatchObject({
      value: 1.5,
      meetsTarget: false,
    });
    expect(byDomain('data_product_consumers').customer).toEqual([2.5, false]);
    expect(kpis.cross_domain_products).toMatchObject({
      value: 1,
      meetsTarget: false,
    });
  });

  it('has no values, and no verdicts, for an empty mesh', () => {
    const empty = computeKpis(new Map(), new Map());
    expect(empty.map(k => [k.id, k.value, k.meetsTarget])).toEqual([
      ['domains_onboarded', null, null],
      ['data_products_published', 0, null],
      ['self_serve_ratio', null, null],
      ['slo_compliance', null, null],
      ['data_quality_score', null, null],
      ['documentation_completeness', null, null],
      ['time_to_data', null, null],
      ['data_product_consumers', null, null],
      ['cross_domain_products', 0, false],
    ]);
  });
});
