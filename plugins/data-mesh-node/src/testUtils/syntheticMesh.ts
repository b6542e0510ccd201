import type { Entity } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/** The six domains of the example mesh. @public */
export const SYNTHETIC_DOMAINS = [
  'customer',
  'order',
  'inventory',
  'marketing',
  'finance',
  'product',
] as const;

const TYPES = ['source-aligned', 'consumer-aligned', 'aggregate'] as const;

/**
 * Deterministic synthetic products for tests and benchmarks: spread over the
 * six domains and three types, with ports, schema, SLOs, quality tests and
 * lineage; about one in four is weak in one of several ways, so that scores
 * differ. Product `i` is named `product-<i>` and is
 * `createSyntheticProduct(i)`.
 * @public
 */
export function createSyntheticProducts(
  count: number,
): DataProductEntityV1alpha1[] {
  return Array.from({ length: count }, (_, i) => createSyntheticProduct(i));
}

/** The name of synthetic product `i`. @public */
export const syntheticProductName = (i: number) => `product-${i}`;

/**
 * The index of the synthetic product named `name` (`product-<i>`), or
 * undefined for any other name.
 * @public
 */
export function syntheticProductIndex(name: string): number | undefined {
  const match = /^product-(0|[1-9]\d*)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Synthetic product `i`, the same as `createSyntheticProducts(n)[i]` for any
 * `n > i`: a catalog can generate any page of a large synthetic mesh on the
 * fly without holding it.
 * @public
 */
export function createSyntheticProduct(i: number): DataProductEntityV1alpha1 {
  const domain = SYNTHETIC_DOMAINS[i % SYNTHETIC_DOMAINS.length];
  const weakness = i % 4 === 3 ? (i >> 2) % 5 : -1;
  const product: DataProductEntityV1alpha1 = {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: syntheticProductName(i),
      description:
        weakness === 0
          ? undefined
          : `Synthetic product ${i} of the ${domain} domain`,
      tags: [domain, 'synthetic'],
    },
    spec: {
      type: TYPES[i % TYPES.length],
      lifecycle: i % 10 === 0 ? 'experimental' : 'production',
      owner: `${domain}-domain-team`,
      domain,
      version: '1.0.0',
      outputPorts: [
        {
          name: 'table',
          type: 'snowflake',
          format: 'parquet',
          location: `${domain}.gold.p${i}`,
        },
        {
          name: 'api',
          type: 'rest',
          endpoint: `/api/${domain}/${i}`,
          authentication: 'oauth2',
        },
      ],
      schema: {
        type: 'avro',
        fields: [
          {
            name: 'id',
            type: 'string',
            description: 'Identifier',
            pii: false,
            required: true,
          },
          {
            name: 'email',
            type: 'string',
            description: 'Email address',
            pii: true,
          },
          weakness === 1
            ? { name: 'amount', type: 'decimal', pii: false }
            : {
                name: 'amount',
                type: 'decimal',
                description: 'Amount in USD',
                pii: false,
              },
          {
            name: 'updated_at',
            type: 'timestamp',
            description: 'Last update',
            pii: false,
          },
        ],
      },
      slo:
        weakness === 2
          ? {
              freshness: { target: '1 hour' },
              availability: { target: '98%' },
            }
          : {
              freshness: { target: '1 hour' },
              availability: { target: '99.9%' },
            },
      quality: {
        tests: [
          { type: 'uniqueness', column: 'id' },
          { type: 'not_null', columns: ['id'] },
          { type: 'freshness', column: 'updated_at', max_age: '2 hours' },
        ],
      },
      lineage:
        i >= SYNTHETIC_DOMAINS.length
          ? { upstreamProducts: [syntheticProductName(i - 5)] }
          : undefined,
      access:
        weakness === 3
          ? { retention: '1 year' }
          : { classification: 'internal', retention: '5 years' },
    },
  };
  if (weakness === 4) {
    product.spec.owner = 'unknown-team';
  }
  return product;
}

/** The domain team groups the synthetic products are owned by. @public */
export function createSyntheticGroups(): Entity[] {
  return SYNTHETIC_DOMAINS.map(domain => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `${domain}-domain-team` },
    spec: { type: 'team', children: [] },
  }));
}

/** The Domains of the synthetic products. @public */
export function createSyntheticDomains(): Entity[] {
  return SYNTHETIC_DOMAINS.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, title: name },
    spec: { owner: `${name}-domain-team` },
  }));
}
