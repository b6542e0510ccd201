import type { Entity } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/** customer-360 as the catalog serves it: spec and relations. */
export function customer360(): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'customer-360',
      namespace: 'default',
      title: 'Customer 360',
      description: 'Comprehensive **view** of customers.',
      tags: ['customer', 'gold'],
      links: [
        { url: 'https://dash.example.com/c360', title: 'Dashboard' },
        // eslint-disable-next-line no-script-url
        { url: 'javascript:alert(1)', title: 'Evil link' },
        { url: 'data:text/html,<script>alert(1)</script>', title: 'Data link' },
      ],
    },
    spec: {
      type: 'aggregate',
      lifecycle: 'production',
      owner: 'group:default/customer-domain-team',
      domain: 'domain:default/customer',
      version: '2.1.0',
      inputPorts: [
        {
          name: 'customer-transactions',
          type: 'kafka',
          format: 'avro',
          location: 'customer.transactions.v1',
          product: 'dataproduct:default/order-events',
          port: 'orders-topic',
        },
      ],
      outputPorts: [
        {
          name: 'customer-360-table',
          type: 'snowflake',
          format: 'iceberg',
          location: 'customer_domain.gold.customer_360',
          contract: 'contracts/customer-360-table.yaml',
          authentication: 'oauth2',
        },
        {
          name: 'customer-360-api',
          type: 'rest',
          format: 'json',
          endpoint: '/api/v2/customers/{customer_id}/360',
          contract: 'https://contracts.example.com/c360.openapi.yaml',
        },
      ],
      schema: {
        type: 'avro',
        fields: [
          { name: 'customer_id', type: 'string', pii: false, required: true },
          { name: 'email', type: 'string', pii: true, required: true },
          { name: 'phone', type: 'string', pii: true },
          {
            name: 'acquisition_channel',
            type: 'string',
            enum: ['organic', 'paid_search'],
          },
        ],
      },
      slo: {
        freshness: { target: '1 hour', measurement: 'max_latency' },
        availability: { target: '99.9%' },
      },
      quality: { tests: [{ type: 'uniqueness', column: 'customer_id' }] },
      access: { classification: 'confidential', retention: '7 years' },
    },
    relations: [
      { type: 'dependsOn', targetRef: 'dataproduct:default/order-events' },
      {
        type: 'consumesDataProduct',
        targetRef: 'dataproduct:default/order-events',
      },
      {
        type: 'dependencyOf',
        targetRef: 'dataproduct:default/customer-segments',
      },
      {
        type: 'dataProductConsumedBy',
        targetRef: 'component:default/churn-model',
      },
    ],
  };
}

/** A Component: data-mesh cards must not treat it as a product. */
export const aComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web' },
  spec: { type: 'service' },
};
