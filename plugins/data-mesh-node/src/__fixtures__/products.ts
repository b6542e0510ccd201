import type { Entity } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { createCatalogSnapshotContext } from '../engine/EvaluationContext';

/** A product that complies with every rule of the default pack. */
export function compliantProduct(): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'customer-360',
      description: 'Comprehensive view of customer interactions.',
    },
    spec: {
      type: 'aggregate',
      lifecycle: 'production',
      owner: 'customer-domain-team',
      domain: 'customer',
      version: '2.1.0',
      outputPorts: [
        {
          name: 'table',
          type: 'snowflake',
          format: 'iceberg',
          location: 'gold.customer_360',
        },
        {
          name: 'api',
          type: 'rest',
          endpoint: '/api/v2/customers',
          authentication: 'oauth2',
        },
      ],
      schema: {
        type: 'avro',
        fields: [
          {
            name: 'customer_id',
            type: 'string',
            description: 'Customer id',
            pii: false,
          },
          {
            name: 'email',
            type: 'string',
            description: 'Email address',
            pii: true,
          },
        ],
      },
      slo: {
        freshness: { target: '1 hour' },
        availability: { target: '99.9%' },
      },
      quality: {
        tests: [
          { type: 'uniqueness', column: 'customer_id' },
          { type: 'not_null', columns: ['customer_id'] },
          { type: 'freshness', column: 'updated_at', max_age: '2 hours' },
        ],
      },
      lineage: { upstreamProducts: ['customer-profiles'] },
      access: { classification: 'confidential', retention: '7 years' },
    },
  };
}

/** An upstream product with a PII `email` field. */
export function upstreamProduct(): DataProductEntityV1alpha1 {
  const product = compliantProduct();
  product.metadata.name = 'customer-profiles';
  product.spec.type = 'source-aligned';
  delete product.spec.lineage;
  return product;
}

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});

/** A catalog with the customer team and the upstream product. */
export function exampleContext(extra: Entity[] = []) {
  return createCatalogSnapshotContext([
    group('customer-domain-team'),
    upstreamProduct(),
    ...extra,
  ]);
}
