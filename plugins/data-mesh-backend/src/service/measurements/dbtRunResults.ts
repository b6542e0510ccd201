import type { Measurement } from '@datamesh-backstage/plugin-data-mesh-common';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** The parts of dbt's `run_results.json` the importer reads. */
export const dbtRunResultsSchema = z.object({
  metadata: z
    .object({
      generated_at: z.string().optional(),
      dbt_version: z.string().optional(),
    })
    .loose()
    .optional(),
  results: z
    .array(
      z
        .object({
          unique_id: z.string().min(1),
          status: z.string().min(1),
          message: z.string().nullable().optional(),
          failures: z.number().nullable().optional(),
        })
        .loose(),
    )
    .max(100_000),
});

/** A dbt test result, named as dbt names the test. */
export interface DbtTestResult {
  uniqueId: string;
  /** The third segment of `test.<project>.<name>.<hash>`. */
  name: string;
  passed: boolean;
  message?: string;
}

/**
 * The test results of a run: `pass` passes; `fail`, `warn` and `error` do
 * not; skipped tests and non-test nodes (models, CSV files dbt loads) are left out.
 */
export function readDbtTestResults(document: unknown): {
  results: DbtTestResult[];
  generatedAt?: string;
} {
  const parsed = dbtRunResultsSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `body is not a dbt run_results.json: ${[
        'body',
        ...issue.path.map(String),
      ].join('.')}: ${issue.message}`,
    );
  }
  const results = parsed.data.results
    .filter(r => r.unique_id.startsWith('test.') && r.status !== 'skipped')
    .map(r => ({
      uniqueId: r.unique_id,
      name: r.unique_id.split('.')[2] ?? r.unique_id,
      passed: r.status === 'pass' || r.status === 'success',
      ...(r.message ? { message: r.message } : {}),
    }));
  return { results, generatedAt: parsed.data.metadata?.generated_at };
}

/**
 * Whether a dbt test belongs to a model: dbt names generic tests
 * `<test>_<model>_<column…>` (`not_null_orders_order_id`), and singular tests
 * by their file name, which conventionally starts or ends with the model.
 */
export function dbtTestMatchesModel(testName: string, model: string): boolean {
  const name = testName.toLocaleLowerCase('en-US');
  const m = model.toLocaleLowerCase('en-US').replace(/^.*\./, '');
  return (
    name === m ||
    name.startsWith(`${m}_`) ||
    name.endsWith(`_${m}`) ||
    name.includes(`_${m}_`)
  );
}

/** Each dbt test result as a quality test measurement, dated by the run. */
export function dbtTestMeasurements(
  results: DbtTestResult[],
  generatedAt: string | undefined,
): Measurement[] {
  return results.map(r => ({
    kind: 'quality_test',
    test: r.name,
    passed: r.passed,
    observedAt: generatedAt,
    message: r.message,
  }));
}
