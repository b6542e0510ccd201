import { NO_DOMAIN } from '@datamesh-backstage/plugin-data-mesh-common';
import { computeKpis, DomainSums, emptySums } from './computeKpis';

const sums = (values: Partial<DomainSums>): DomainSums => ({
  ...emptySums(),
  ...values,
});

describe('KPIs with products that have no domain', () => {
  // One catalog Domain with a product in production, and two imported
  // products without a domain, one of them in production.
  const domains = new Map([['domain:default/customer', { title: 'Customer' }]]);
  const mesh = new Map([
    [
      'domain:default/customer',
      sums({ products: 1, inProduction: 1, scoreSum: 90, scored: 1 }),
    ],
    [
      NO_DOMAIN,
      sums({ products: 2, inProduction: 1, scoreSum: 60, scored: 2 }),
    ],
  ]);
  const kpis = computeKpis(domains, mesh);
  const kpi = (id: string) => kpis.find(k => k.id === id)!;

  it('breaks them down in an explicit no-domain bucket', () => {
    expect(kpi('data_products_published').byDomain).toEqual([
      { domain: NO_DOMAIN, title: 'No domain', value: 1, meetsTarget: false },
      {
        domain: 'domain:default/customer',
        title: 'Customer',
        value: 1,
        meetsTarget: false,
      },
    ]);
    expect(kpi('data_products_published').value).toBe(2);
  });

  it('never counts the bucket as an identified domain', () => {
    expect(kpi('domains_onboarded')).toMatchObject({ value: 100 });
    // Only the catalog's Domain decides whether the published target is met.
    expect(kpi('data_products_published').meetsTarget).toBe(false);
  });
});
