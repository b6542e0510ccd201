import { DataProductEntityV1alpha1 } from '../entity/DataProductEntityV1alpha1';

/** The reference customer-360 product, in the Backstage envelope. */
export function customer360(): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'customer-360',
      title: 'Customer 360',
      description:
        'Comprehensive view of customer interactions, preferences, and lifetime value.',
      tags: ['customer', 'gold'],
      links: [{ url: 'https://example.com/customer-360', title: 'Dashboard' }],
    },
    spec: {
      type: 'aggregate',
      lifecycle: 'production',
      owner: 'customer-domain-team',
      domain: 'customer',
      version: '2.1.0',
      inputPorts: [
        {
          name: 'customer-transactions',
          type: 'kafka',
          location: 'customer.transactions.v1',
          product: 'order-events',
          port: 'orders-topic',
        },
        {
          name: 'customer-profile',
          type: 'postgres',
          location: 'customer-db.customers',
        },
      ],
      outputPorts: [
        {
          name: 'customer-360-table',
          type: 'snowflake',
          format: 'iceberg',
          location: 'customer_domain.gold.customer_360',
          contract: 'contracts/customer-360-table.yaml',
        },
        {
          name: 'customer-360-api',
          type: 'rest',
          format: 'json',
          endpoint: '/api/v2/customers/{customer_id}/360',
          authentication: 'oauth2',
        },
      ],
      schema: {
        type: 'avro',
        fields: [
          {
            name: 'customer_id',
            type: 'string',
            description: 'Unique customer identifier (UUID)',
            pii: false,
            required: true,
          },
          {
            name: 'email',
            type: 'string',
            description: 'Customer email address',
            pii: true,
            required: true,
          },
          {
            name: 'acquisition_channel',
            type: 'string',
            description: 'Channel through which customer was acquired',
            pii: false,
            required: false,
            enum: ['organic', 'paid_search', 'social', 'referral', 'direct'],
          },
        ],
      },
      slo: {
        freshness: { target: '1 hour', measurement: 'max_latency_from_source' },
        availability: { target: '99.9%', measurement: 'uptime_percentage' },
        completeness: {
          target: '99.5%',
          measurement: 'non_null_required_fields',
        },
        accuracy: { target: '99%', measurement: 'validation_pass_rate' },
      },
      quality: {
        tests: [
          { type: 'uniqueness', column: 'customer_id', threshold: '100%' },
          { type: 'not_null', columns: ['customer_id', 'email'] },
          { type: 'freshness', column: 'updated_at', max_age: '2 hours' },
        ],
      },
      lineage: {
        upstreamProducts: [
          'order-events',
          'dataproduct:default/customer-profiles',
        ],
        transformations: [
          {
            type: 'dbt',
            model: 'customer_360',
            repository: 'github.com/acme/customer-dbt',
          },
        ],
      },
      access: {
        classification: 'confidential',
        retention: '7 years',
        privacy: {
          piiColumns: ['email'],
          maskingPolicy: 'hash_pii_for_non_privileged',
        },
        roles: [{ name: 'customer_data_reader', permissions: ['SELECT'] }],
      },
    },
  };
}
