import {
  DATA_PRODUCT_TYPES,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { SYNTHETIC_DOMAINS as DOMAINS } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';

const PORT_TYPES = ['kafka', 'snowflake', 's3', 'postgres', 'rest', 'grpc'];
const FORMATS = ['avro', 'iceberg', 'parquet', 'json', 'delta', 'protobuf'];

/**
 * The i-th synthetic product: shaped like the example mesh's products (two
 * input ports reading other products, two output ports, eight schema fields,
 * four SLOs, four quality tests, three upstream products, access roles), with
 * names, domains and types varying with i so that no two are alike.
 */
export function syntheticProduct(i: number): DataProductEntityV1alpha1 {
  const domain = DOMAINS[i % DOMAINS.length];
  const upstream = [1, 2, 3].map(k => `product-${Math.max(0, i - k * 7)}`);
  const fields = Array.from({ length: 8 }, (_, f) => ({
    name: `field_${f}_${i % 97}`,
    type: f % 3 === 0 ? 'string' : 'decimal(12,2)',
    description: `Field ${f} of product ${i}`,
    pii: f === 1,
    required: f < 4,
    ...(f === 2 ? { enum: ['a', 'b', 'c'] } : {}),
  }));
  return {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: `product-${i}`,
      title: `Product ${i}`,
      description: `Synthetic data product ${i} of the ${domain} domain.`,
      tags: [domain, `tier-${i % 3}`],
      annotations: { 'datamesh.io/consumes': `product-${i + 1}` },
    },
    spec: {
      type: DATA_PRODUCT_TYPES[i % DATA_PRODUCT_TYPES.length],
      lifecycle: i % 5 === 0 ? 'experimental' : 'production',
      owner: `group:default/${domain}-domain-team`,
      domain,
      version: `${i % 4}.${i % 10}.${i % 7}`,
      inputPorts: upstream.slice(0, 2).map((product, p) => ({
        name: `input-${p}`,
        type: PORT_TYPES[(i + p) % PORT_TYPES.length],
        location: `${domain}.silver.input_${p}`,
        product,
        port: 'table',
      })),
      outputPorts: [0, 1].map(p => ({
        name: p === 0 ? 'table' : 'api',
        type: PORT_TYPES[(i + p + 1) % PORT_TYPES.length],
        format: FORMATS[(i + p) % FORMATS.length],
        location: `${domain}_domain.gold.product_${i}`,
        authentication: 'oauth2',
        contract: `contracts/product-${i}.yaml`,
      })),
      schema: { type: 'avro', fields },
      slo: {
        freshness: { target: `${1 + (i % 24)} hours`, measurement: 'lag' },
        availability: { target: '99.9%', measurement: 'uptime_percentage' },
        completeness: { target: '99.5%' },
        accuracy: { target: 99 },
      },
      quality: {
        tests: [
          { type: 'uniqueness', column: fields[0].name, threshold: '100%' },
          { type: 'not_null', columns: [fields[0].name, fields[1].name] },
          { type: 'range', column: fields[3].name, min: 0, max: 1e6 },
          { type: 'freshness', column: 'updated_at', max_age: '2 hours' },
        ],
      },
      lineage: {
        upstreamProducts: upstream,
        transformations: [{ type: 'dbt', model: `product_${i}` }],
      },
      access: {
        classification: i % 4 === 0 ? 'confidential' : 'internal',
        retention: '7 years',
        privacy: { piiColumns: [fields[1].name], maskingPolicy: 'hash' },
        roles: [{ name: `${domain}_reader`, permissions: ['SELECT'] }],
      },
    },
  };
}
