import { defaultCatalogCollatorEntityTransformer } from '@backstage/plugin-search-backend-module-catalog';
import {
  churnDashboard,
  customer360,
  stockLevels,
} from './__fixtures__/entities';
import {
  createDataProductEntityTransformer,
  dataProductEntityTransformer,
} from './dataProductEntityTransformer';

describe('dataProductEntityTransformer', () => {
  it('extends the document of a data product with domain, tags and searchable text', () => {
    expect(dataProductEntityTransformer(customer360)).toEqual({
      title: 'Customer 360',
      text: [
        'Comprehensive view of customer interactions.',
        'Domain: customer',
        'Owner: group:default/customer-domain-team',
        'Type: aggregate',
        'Tags: customer, gold',
        'Output ports: customer-360-table (snowflake), customer-360-api (rest)',
        'Fields: customer_id, lifetime_value',
      ].join(' · '),
      componentType: 'aggregate',
      type: 'aggregate',
      namespace: 'default',
      kind: 'DataProduct',
      lifecycle: 'production',
      owner: 'group:default/customer-domain-team',
      domain: 'customer',
      tags: ['customer', 'gold'],
    });
  });

  it('indexes an imported product without type, lifecycle or domain, naming none', () => {
    const imported = JSON.parse(JSON.stringify(customer360));
    imported.metadata.annotations = { 'datamesh.io/source-format': 'dcs' };
    delete imported.spec.type;
    delete imported.spec.lifecycle;
    delete imported.spec.domain;
    const document = dataProductEntityTransformer(imported) as any;
    expect(document.text).toBe(
      [
        'Comprehensive view of customer interactions.',
        'Owner: group:default/customer-domain-team',
        'Tags: customer, gold',
        'Output ports: customer-360-table (snowflake), customer-360-api (rest)',
        'Fields: customer_id, lifetime_value',
      ].join(' · '),
    );
    expect(document).not.toHaveProperty('domain');
    expect(document.text).not.toMatch(/undefined/);
  });

  it('leaves out what a minimal product does not declare', () => {
    expect(dataProductEntityTransformer(stockLevels)).toEqual({
      title: 'stock-levels',
      text: [
        'Domain: inventory',
        'Owner: inventory-domain-team',
        'Type: source-aligned',
      ].join(' · '),
      componentType: 'source-aligned',
      type: 'source-aligned',
      namespace: 'default',
      kind: 'DataProduct',
      lifecycle: 'experimental',
      owner: 'inventory-domain-team',
      domain: 'inventory',
      tags: [],
    });
  });

  it('keeps the default document for other kinds', () => {
    expect(dataProductEntityTransformer(churnDashboard)).toEqual(
      defaultCatalogCollatorEntityTransformer(churnDashboard),
    );
    expect(dataProductEntityTransformer(churnDashboard)).not.toHaveProperty(
      'domain',
    );
  });

  it('builds on a custom base transformer', () => {
    const transformer = createDataProductEntityTransformer(entity => ({
      ...defaultCatalogCollatorEntityTransformer(entity),
      text: `custom ${entity.metadata.name}`,
    }));
    expect(transformer(churnDashboard).text).toBe('custom churn-dashboard');
    expect(transformer(stockLevels)).toMatchObject({
      text: [
        'custom stock-levels',
        'Domain: inventory',
        'Owner: inventory-domain-team',
        'Type: source-aligned',
      ].join(' · '),
      domain: 'inventory',
    });
  });
});
