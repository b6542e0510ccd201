import type {
  DataQualityTest,
  DataQualityTestType,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** ODCS library metrics and the entity test types they are. */
export const METRIC_TO_TEST: Record<string, DataQualityTestType> = {
  duplicateValues: 'uniqueness',
  nullValues: 'not_null',
  invalidValues: 'accepted_values',
};

/** The engine name under which exports write tests ODCS has no metric for. */
export const DATAMESH_ENGINE = 'datamesh';

const TEST_TYPES: DataQualityTestType[] = [
  'uniqueness',
  'not_null',
  'range',
  'freshness',
  'referential_integrity',
  'accepted_values',
  'custom',
];

const TEST_KEYS = [
  'column',
  'columns',
  'threshold',
  'min',
  'max',
  'max_age',
  'reference',
  'values',
  'expression',
] as const;

function copyKnown(test: DataQualityTest, from: Record<string, any>) {
  for (const key of TEST_KEYS) {
    if (from[key] !== undefined) (test as any)[key] = from[key];
  }
}

/**
 * The entity's quality test of an ODCS quality rule: library metrics
 * `duplicateValues`, `nullValues` and `invalidValues`; SQL rules and custom
 * engines as `custom` tests (their query or implementation as expression);
 * tests the suite exported under the `datamesh` engine as they were. Text
 * rules and other metrics have no test equivalent and stay in the contract.
 */
export function testFromOdcsQuality(rule: any): DataQualityTest | undefined {
  if (!rule || typeof rule !== 'object') return undefined;
  const meta: Partial<DataQualityTest> = {};
  if (typeof rule.name === 'string') meta.name = rule.name;
  if (typeof rule.description === 'string') meta.description = rule.description;
  const kind = rule.type ?? (rule.metric ? 'library' : undefined);
  if (kind === 'library') {
    const type = METRIC_TO_TEST[rule.metric ?? rule.rule];
    if (!type) return undefined;
    const test: DataQualityTest = { type, ...meta };
    const args = rule.arguments ?? {};
    copyKnown(test, args);
    if (type === 'accepted_values' && Array.isArray(args.validValues)) {
      test.values = args.validValues;
    }
    return test;
  }
  if (kind === 'sql' && typeof rule.query === 'string') {
    return { type: 'custom', ...meta, expression: rule.query };
  }
  if (kind === 'custom') {
    const impl = rule.implementation;
    if (
      rule.engine === DATAMESH_ENGINE &&
      impl &&
      typeof impl === 'object' &&
      TEST_TYPES.includes(impl.type)
    ) {
      const test: DataQualityTest = { type: impl.type, ...meta };
      copyKnown(test, impl);
      return test;
    }
    if (typeof impl === 'string') {
      return { type: 'custom', ...meta, expression: impl };
    }
  }
  return undefined;
}
