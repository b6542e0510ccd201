import { field, ORDER_RETURN_FIELDS, ORDER_RETURN_PORTS } from './inputs';

/** Text that looks like template syntax: it must reach every file as it is. */
export const TRICKY_DESCRIPTION =
  "Returns ${{ parameters.name }} and {{ ref('orders') }} {% raw %}\nkind: Component";

/** What a user enters in each template's form. */
export const TEMPLATE_VALUES: Record<string, Record<string, unknown>> = {
  'source-aligned-data-product': {
    name: 'order-returns',
    title: 'Order Returns',
    description: TRICKY_DESCRIPTION,
    domain: 'domain:default/order',
    owner: 'group:default/order-domain-team',
    lifecycle: 'experimental',
    outputPorts: ORDER_RETURN_PORTS,
    schemaType: 'avro',
    fields: ORDER_RETURN_FIELDS,
    uniqueKey: 'return_id',
    freshnessColumn: 'updated_at',
    classification: 'internal',
    retention: '2 years',
    freshness: '1 hour',
    availability: '99.9%',
  },
  'consumer-aligned-data-product': {
    name: 'campaign-orders',
    title: 'Campaign Orders',
    description:
      'Orders attributed to marketing campaigns, for the campaign team.',
    domain: 'domain:default/marketing',
    owner: 'group:default/marketing-domain-team',
    lifecycle: 'experimental',
    upstreamProducts: ['dataproduct:default/order-events'],
    outputPorts: [
      { name: 'campaign-orders-table', type: 'databricks', format: 'parquet' },
    ],
    schemaType: 'sql',
    fields: [
      field('order_id', 'string', false),
      field('campaign_id', 'string', false),
      field('ordered_at', 'timestamp', false),
    ],
    uniqueKey: 'order_id',
    freshnessColumn: 'ordered_at',
    classification: 'internal',
    retention: '1 year',
    freshness: '1 day',
    availability: '99.5%',
  },
  'aggregate-data-product': {
    name: 'customer-lifetime',
    title: 'Customer Lifetime',
    description: 'Lifetime value and order history per customer.',
    domain: 'domain:default/customer',
    owner: 'group:default/customer-domain-team',
    lifecycle: 'experimental',
    upstreamProducts: [
      'dataproduct:default/customer-profiles',
      'dataproduct:default/order-events',
    ],
    outputPorts: [
      { name: 'lifetime-table', type: 's3_delta_lake', format: 'parquet' },
      {
        name: 'lifetime-api',
        type: 'grpc',
        endpoint: 'customer.lifetime.v1',
        authentication: 'mtls',
      },
    ],
    schemaType: 'protobuf',
    fields: [
      field('customer_id', 'string', false),
      field('email', 'string', true),
      field('lifetime_value', 'decimal(18,2)', false),
    ],
    uniqueKey: 'customer_id',
    classification: 'confidential',
    retention: '7 years',
    maskingPolicy: 'hash_pii_for_non_privileged',
    freshness: '1 day',
    availability: '99.9%',
  },
};

/**
 * A finance product that breaks two error rules of the finance domain's
 * pack: internal classification (FIN-001) and availability below 99%
 * (SLO-001, an error in finance).
 */
export const FINANCE_VALUES_BREAKING_POLICIES = {
  ...TEMPLATE_VALUES['source-aligned-data-product'],
  name: 'refund-ledger',
  title: 'Refund Ledger',
  domain: 'domain:default/finance',
  owner: 'group:default/finance-domain-team',
  classification: 'internal',
  availability: '98%',
};
