import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  DataProductEntityV1alpha1,
  Measurement,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { judgeMeasurement } from '@datamesh-backstage/plugin-data-mesh-node';
import { createHash } from 'node:crypto';
import type {
  MeasurementRecord,
  QualityRecord,
} from '../../database/MeasurementStore';

/** How far ahead of this server's clock a measurement may be dated. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Test names longer than the store keeps are shortened, keeping them unique. */
function boundedTestName(test: string): string {
  return test.length <= 255
    ? test
    : `${test.slice(0, 230)}…${createHash('sha256')
        .update(test)
        .digest('hex')
        .slice(0, 16)}`;
}

/** A product's measurements, judged against its targets and ready to store. */
export interface JudgedMeasurements {
  entity: DataProductEntityV1alpha1;
  /** SLO checks, each passed or not. */
  checks: MeasurementRecord[];
  /** Quality test results, as reported. */
  quality: QualityRecord[];
}

/**
 * Judges measurements of a product against its declared targets, dated
 * when observed (or `now`): a time in the future (beyond a small clock
 * skew), an unreadable time or a measurement the product declares no
 * target for is an InputError naming the item (`field[i]`).
 */
export function judgeMeasurements(
  entity: DataProductEntityV1alpha1,
  measurements: Measurement[],
  options: { source: string; field: string; now: Date },
): JudgedMeasurements {
  const { source, field } = options;
  const entityRef = stringifyEntityRef(entity);
  const now = options.now.toISOString();
  const judged: JudgedMeasurements = { entity, checks: [], quality: [] };
  measurements.forEach((measurement, i) => {
    let observedAt = now;
    if (measurement.observedAt !== undefined) {
      const time = Date.parse(measurement.observedAt);
      if (time > Date.parse(now) + MAX_CLOCK_SKEW_MS) {
        throw new InputError(
          `${field}[${i}].observedAt: ${measurement.observedAt} is in the future`,
        );
      }
      if (Number.isNaN(time)) {
        throw new InputError(
          `${field}[${i}].observedAt: not a date-time: ${measurement.observedAt}`,
        );
      }
      observedAt = new Date(time).toISOString();
    }
    if (measurement.kind === 'quality_test') {
      judged.quality.push({
        entityRef,
        test: boundedTestName(measurement.test),
        passed: measurement.passed,
        observedAt,
        message: measurement.message,
        source,
      });
      return;
    }
    try {
      const { passed, value } = judgeMeasurement(
        entity,
        measurement,
        observedAt,
      );
      judged.checks.push({
        entityRef,
        kind: measurement.kind,
        observedAt,
        passed,
        value,
        source,
      });
    } catch (error) {
      throw new InputError(
        `${field}[${i}]: ${entityRef} ${(error as Error).message}`,
      );
    }
  });
  return judged;
}
