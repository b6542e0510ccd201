import { Entity } from '@backstage/catalog-model';

/** The reference customer-360, trimmed to what the search document reads. */
export const customer360: Entity = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'customer-360',
    title: 'Customer 360',
    description: 'Comprehensive view of customer interactions.',
    tags: ['customer', 'gold'],
  },
  spec: {
    type: 'aggregate',
    lifecycle: 'production',
    owner: 'group:default/customer-domain-team',
    domain: 'customer',
    outputPorts: [
      { name: 'customer-360-table', type: 'snowflake' },
      { name: 'customer-360-api', type: 'rest' },
    ],
    schema: {
      fields: [{ name: 'customer_id' }, { name: 'lifetime_value' }],
    },
  },
};

/** A product with only the core fields. */
export const stockLevels: Entity = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'stock-levels' },
  spec: {
    type: 'source-aligned',
    lifecycle: 'experimental',
    owner: 'inventory-domain-team',
    domain: 'inventory',
  },
};

/** A component: keeps the catalog's default document. */
export const churnDashboard: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'churn-dashboard',
    description: 'Churn by segment.',
    tags: ['bi'],
  },
  spec: { type: 'dashboard', lifecycle: 'production', owner: 'bi-team' },
};
