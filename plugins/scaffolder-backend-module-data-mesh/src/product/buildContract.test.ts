import { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { buildContract } from './buildContract';

const entity: DataProductEntityV1alpha1 = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'customer-lifetime', description: 'Lifetime value.' },
  spec: {
    type: 'aggregate',
    lifecycle: 'production',
    owner: 'group:default/customer-domain-team',
    domain: 'domain:default/customer',
    version: '1.2.0',
    schema: {
      fields: [
        { name: 'customer_id', type: 'string', pii: false, required: true },
        { name: 'email', type: 'string', pii: true },
        { name: 'orders', type: 'long' },
        { name: 'lifetime_value', type: 'decimal(18,2)' },
        { name: 'active', type: 'boolean' },
        { name: 'first_order', type: 'date' },
      ],
    },
    slo: { freshness: { target: '30 minutes' } },
    quality: { tests: [{ type: 'uniqueness', column: 'customer_id' }] },
    access: { classification: 'confidential', retention: '7 years' },
  },
};

describe('buildContract', () => {
  it('describes a Delta Lake port on S3, its schema and service levels', () => {
    const contract = buildContract(entity, {
      name: 'lifetime-table',
      type: 's3_delta_lake',
      format: 'parquet',
      location: 's3://customer/lifetime',
    });
    expect(contract).toMatchObject({
      id: 'default.customer-lifetime.lifetime-table',
      version: '1.2.0',
      status: 'active',
      domain: 'customer',
      servers: [
        {
          type: 's3',
          format: 'delta',
          location: 's3://customer/lifetime',
          customProperties: [
            { property: 'portType', value: 's3_delta_lake' },
            { property: 'authentication', value: null },
          ],
        },
      ],
      slaProperties: [
        { property: 'latency', value: 30, unit: 'm' },
        { property: 'retention', value: '7 years' },
      ],
    });
    const properties = contract.schema[0].properties;
    expect(properties.map(p => p.logicalType)).toEqual([
      'string',
      'string',
      'integer',
      'number',
      'boolean',
      'date',
    ]);
    expect(properties[0]).toMatchObject({ primaryKey: true, unique: true });
    expect(properties[1]).toMatchObject({
      classification: 'confidential',
      tags: ['pii'],
      customProperties: [{ property: 'pii', value: true }],
    });
    expect(properties[2].customProperties).toEqual([
      { property: 'pii', value: null },
    ]);
  });

  it('describes a gRPC port as a custom server with its endpoint', () => {
    const contract = buildContract(entity, {
      name: 'lifetime-api',
      type: 'grpc',
      endpoint: 'customer.lifetime.v1',
      authentication: 'mtls',
    });
    expect(contract.servers[0]).toMatchObject({
      type: 'custom',
      serviceName: 'customer.lifetime.v1',
      customProperties: [
        { property: 'portType', value: 'grpc' },
        { property: 'authentication', value: 'mtls' },
      ],
    });
    expect(contract.schema[0].physicalType).toBe('endpoint');
  });
});
