import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const fields = [
  {
    name: 'order_id',
    type: 'string',
    description: 'Order identifier',
    pii: false,
    required: true,
  },
  {
    name: 'customer_email',
    type: 'string',
    description: 'Who placed the order',
    pii: true,
    required: true,
  },
  {
    name: 'updated_at',
    type: 'timestamp',
    description: 'Last change',
    pii: false,
    required: true,
  },
];

/** Examples of `datamesh:product:create`, shown in the portal's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'A source-aligned product with a Snowflake table and a REST API, from form parameters',
    example: stringify({
      steps: [
        {
          id: 'product',
          action: 'datamesh:product:create',
          name: 'Describe the data product',
          input: {
            name: '${{ parameters.name }}',
            title: '${{ parameters.title }}',
            description: '${{ parameters.description }}',
            type: 'source-aligned',
            domain: '${{ parameters.domain }}',
            owner: '${{ parameters.owner }}',
            outputPorts: '${{ parameters.outputPorts }}',
            schema: {
              type: '${{ parameters.schemaType }}',
              fields: '${{ parameters.fields }}',
            },
            quality: {
              uniqueKey: '${{ parameters.uniqueKey }}',
              freshnessColumn: '${{ parameters.freshnessColumn }}',
            },
            slo: {
              freshness: '${{ parameters.freshness }}',
              availability: '${{ parameters.availability }}',
            },
            access: {
              classification: '${{ parameters.classification }}',
              retention: '${{ parameters.retention }}',
              maskingPolicy: '${{ parameters.maskingPolicy }}',
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'A consumer-aligned product reading two upstream products, with literal values',
    example: stringify({
      steps: [
        {
          id: 'product',
          action: 'datamesh:product:create',
          name: 'Describe the data product',
          input: {
            name: 'order-insights',
            title: 'Order insights',
            description: 'Daily order metrics for the marketing team.',
            type: 'consumer-aligned',
            domain: 'domain:default/order',
            owner: 'group:default/order-domain-team',
            lifecycle: 'experimental',
            version: '0.1.0',
            upstreamProducts: [
              'dataproduct:default/order-events',
              'dataproduct:default/customer-profiles',
            ],
            outputPorts: [
              {
                name: 'order-insights-table',
                type: 'snowflake',
                format: 'iceberg',
                location: 'order_domain.gold.order_insights',
              },
            ],
            schema: { type: 'avro', fields },
            quality: { uniqueKey: 'order_id', freshnessColumn: 'updated_at' },
            slo: { freshness: '1 day', availability: '99.5%' },
            access: {
              classification: 'confidential',
              retention: '2 years',
              maskingPolicy: 'hash_pii_for_non_privileged',
            },
          },
        },
      ],
    }),
  },
];
