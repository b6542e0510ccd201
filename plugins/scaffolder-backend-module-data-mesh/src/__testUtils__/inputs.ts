import type {
  Scorecard,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A schema field as forms submit it. */
export const field = (
  name: string,
  type: string,
  pii: boolean,
  required = true,
) => ({ name, type, description: `The ${name}`, pii, required });

/** The output ports of the order-returns product: a table and an API. */
export const ORDER_RETURN_PORTS = [
  {
    name: 'returns-table',
    type: 'snowflake',
    format: 'iceberg',
    location: 'order_domain.silver.returns',
  },
  {
    name: 'returns-api',
    type: 'rest',
    endpoint: '/api/v1/returns/{return_id}',
    authentication: 'oauth2',
  },
];

/** The fields of the order-returns product. */
export const ORDER_RETURN_FIELDS = [
  field('return_id', 'string', false),
  field('order_id', 'string', false),
  field('refund_amount', 'decimal(18,2)', false, false),
  field('updated_at', 'timestamp', false),
];

/** Action input of a complete source-aligned product in the order domain. */
export function orderProductInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'order-returns',
    title: 'Order Returns',
    description: 'Every return of an order, with its reason and refund.',
    type: 'source-aligned',
    domain: 'domain:default/order',
    owner: 'group:default/order-domain-team',
    outputPorts: ORDER_RETURN_PORTS.map(port => ({ ...port })),
    schema: {
      type: 'avro',
      fields: ORDER_RETURN_FIELDS.map(f => ({ ...f })),
    },
    quality: { uniqueKey: 'return_id', freshnessColumn: 'updated_at' },
    slo: { freshness: '1 hour', availability: '99.9%' },
    access: { classification: 'internal', retention: '2 years' },
    ...overrides,
  };
}

/** A violation of a rule, unwaived unless told. */
export function violation(
  ruleId: string,
  severity: Violation['severity'],
  waived = false,
): Violation {
  return {
    ruleId,
    severity,
    message: `${ruleId} message`,
    remediation: `${ruleId} remediation`,
    path: `spec.${ruleId.toLocaleLowerCase('en-US')}`,
    waived,
  };
}

/** A scorecard of the order-returns product. */
export function scorecard(violations: Violation[]): Scorecard {
  const errors = violations.filter(v => v.severity === 'error' && !v.waived);
  const warnings = violations.filter(
    v => v.severity === 'warning' && !v.waived,
  );
  return {
    entityRef: 'dataproduct:default/order-returns',
    score: Math.max(0, 100 - 10 * errors.length - 2 * warnings.length),
    status: (['fail', 'warn', 'pass'] as const)[
      [errors.length > 0, warnings.length > 0, true].indexOf(true)
    ],
    violations,
    evaluatedAt: '2026-11-21T10:00:00.000Z',
    policyVersion: 'test',
  };
}
