import { InputError } from '@backstage/errors';
import type { Measurement } from '@datamesh-backstage/plugin-data-mesh-common';
import { z } from 'zod';

const expectationResultSchema = z
  .object({
    success: z.boolean(),
    expectation_config: z
      .object({
        expectation_type: z.string().optional(),
        type: z.string().optional(),
        kwargs: z.record(z.string(), z.unknown()).optional(),
      })
      .loose(),
  })
  .loose();

const validationResultSchema = z
  .object({
    success: z.boolean(),
    results: z.array(expectationResultSchema).max(100_000),
    statistics: z
      .object({ success_percent: z.number().nullable().optional() })
      .loose()
      .optional(),
    meta: z
      .object({
        expectation_suite_name: z.string().optional(),
        run_id: z
          .object({ run_time: z.string().optional() })
          .loose()
          .optional(),
        validation_time: z.string().optional(),
      })
      .loose()
      .optional(),
    suite_name: z.string().optional(),
  })
  .loose();

/** A checkpoint result (GX 0.x) holds one validation result per run. */
const checkpointResultSchema = z
  .object({
    run_results: z.record(
      z.string(),
      z.object({ validation_result: validationResultSchema }).loose(),
    ),
  })
  .loose();

/** One validated suite. */
export interface GxSuiteResult {
  suite: string;
  observedAt?: string;
  /** The validation pass rate, which measures the accuracy SLO. */
  successPercent?: number;
  expectations: Array<{ test: string; passed: boolean }>;
}

/**
 * Expectations of the same type on the same column (a lower and an upper
 * bound, say) get `#2`, `#3`… so that one's result never hides another's.
 */
function uniqueTestNames(
  expectations: Array<{ test: string; passed: boolean }>,
): Array<{ test: string; passed: boolean }> {
  const seen = new Map<string, number>();
  return expectations.map(expectation => {
    const count = (seen.get(expectation.test) ?? 0) + 1;
    seen.set(expectation.test, count);
    return count === 1
      ? expectation
      : { ...expectation, test: `${expectation.test}#${count}` };
  });
}

/** Reads every suite of a validation or checkpoint result. */
export function readGreatExpectationsResults(
  document: unknown,
): GxSuiteResult[] {
  const checkpoint = checkpointResultSchema.safeParse(document);
  const parsed = checkpoint.success
    ? checkpoint
    : validationResultSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `body is not a Great Expectations validation or checkpoint result: ${[
        'body',
        ...issue.path.map(String),
      ].join('.')}: ${issue.message}`,
    );
  }
  const validations = checkpoint.success
    ? Object.values(checkpoint.data.run_results).map(r => r.validation_result)
    : [validationResultSchema.parse(document)];
  return validations.map(validation => {
    const suite =
      validation.meta?.expectation_suite_name ?? validation.suite_name;
    if (!suite) {
      throw new InputError(
        'body.meta.expectation_suite_name: missing; it maps results to products',
      );
    }
    return {
      suite,
      observedAt:
        validation.meta?.run_id?.run_time ?? validation.meta?.validation_time,
      successPercent: validation.statistics?.success_percent ?? undefined,
      expectations: uniqueTestNames(
        validation.results.map(result => {
          const config = result.expectation_config;
          const type = config.expectation_type ?? config.type ?? 'expectation';
          const column = config.kwargs?.column;
          return {
            test: typeof column === 'string' ? `${type}(${column})` : type,
            passed: result.success,
          };
        }),
      ),
    };
  });
}

/**
 * The measurements a suite gives a product: each expectation is a quality
 * test (`suite/test`); the suite's success rate is an accuracy check when
 * the product has an accuracy SLO.
 */
export function suiteMeasurements(
  suite: GxSuiteResult,
  hasAccuracySlo: boolean,
): Measurement[] {
  const measurements: Measurement[] = suite.expectations.map(expectation => ({
    kind: 'quality_test',
    test: `${suite.suite}/${expectation.test}`,
    passed: expectation.passed,
    observedAt: suite.observedAt,
  }));
  if (suite.successPercent !== undefined && hasAccuracySlo) {
    measurements.push({
      kind: 'accuracy',
      percent: suite.successPercent,
      observedAt: suite.observedAt,
    });
  }
  return measurements;
}
