import { Entity } from '@backstage/catalog-model';
import { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * A product with every kind of reference: owner, domain, system, upstream
 * products, input ports reading other products, and the consumes annotation.
 */
export function customer360(): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'customer-360',
      title: 'Customer 360',
      description: 'Customer interactions, preferences and lifetime value.',
      tags: ['customer', 'gold'],
      annotations: {
        'datamesh.io/consumes': 'marketing-attribution',
      },
    },
    spec: {
      type: 'aggregate',
      lifecycle: 'production',
      owner: 'customer-domain-team',
      domain: 'customer',
      system: 'customer-analytics',
      version: '2.1.0',
      inputPorts: [
        {
          name: 'customer-transactions',
          type: 'kafka',
          location: 'order.events.v1',
          product: 'order-events',
          port: 'order-events-topic',
        },
        {
          name: 'customer-profile',
          type: 'postgres',
          location: 'customer-db.customers',
          product: 'dataproduct:default/customer-profiles',
          port: 'profiles-table',
        },
        { name: 'crm-export', type: 's3', location: 's3://crm/exports/' },
      ],
      outputPorts: [
        {
          name: 'customer-360-table',
          type: 'snowflake',
          format: 'iceberg',
          location: 'customer_domain.gold.customer_360',
        },
      ],
      schema: {
        type: 'avro',
        fields: [
          { name: 'customer_id', type: 'string', pii: false, required: true },
          { name: 'email', type: 'string', pii: true, required: true },
        ],
      },
      slo: { freshness: { target: '1 hour' } },
      quality: { tests: [{ type: 'uniqueness', column: 'customer_id' }] },
      lineage: {
        upstreamProducts: ['order-events', 'customer-profiles'],
        transformations: [{ type: 'dbt', model: 'customer_360' }],
      },
      access: { classification: 'confidential', retention: '7 years' },
    },
  };
}

/** A dashboard that reads products through the consumes annotation. */
export function churnDashboard(): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'churn-dashboard',
      namespace: 'analytics',
      annotations: {
        'datamesh.io/consumes':
          'dataproduct:default/customer-360, marketing-segments',
      },
    },
    spec: { type: 'dashboard', lifecycle: 'production', owner: 'bi-team' },
  };
}
