import type { DataQualityTest } from '@datamesh-backstage/plugin-data-mesh-common';
import { DATAMESH_ENGINE, METRIC_TO_TEST } from '../import/qualityFromOdcs';

const TEST_TO_METRIC = Object.fromEntries(
  Object.entries(METRIC_TO_TEST).map(([metric, test]) => [test, metric]),
);

const ARGUMENT_KEYS = [
  'column',
  'columns',
  'threshold',
  'min',
  'max',
  'max_age',
  'reference',
  'expression',
] as const;

/**
 * An entity quality test as an ODCS 3.1 quality rule (the inverse of
 * `testFromOdcsQuality`): uniqueness, not-null and accepted-values tests as
 * library metrics; range, freshness, referential-integrity and custom tests
 * under the `datamesh` custom engine, whose implementation is the test.
 */
export function odcsQualityOfTest(
  test: DataQualityTest,
): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  if (test.name) rule.name = test.name;
  if (test.description) rule.description = test.description;
  const metric = TEST_TO_METRIC[test.type];
  if (metric) {
    const args: Record<string, unknown> = {};
    for (const key of ARGUMENT_KEYS) {
      if (test[key] !== undefined) args[key] = test[key];
    }
    if (test.values) args.validValues = test.values;
    return {
      type: 'library',
      metric,
      mustBe: 0,
      ...rule,
      ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
    };
  }
  const implementation: Record<string, unknown> = { type: test.type };
  for (const key of [...ARGUMENT_KEYS, 'values'] as const) {
    if (test[key] !== undefined) implementation[key] = test[key];
  }
  return { type: 'custom', engine: DATAMESH_ENGINE, implementation, ...rule };
}
