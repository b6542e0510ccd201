import {
  DataProductEntityV1alpha1,
  Measurement,
  parseDurationTarget,
  parsePercentTarget,
  SLO_OBJECTIVES,
  SloObjective,
  SloObjectiveStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** Checks of one objective within the rolling window. @public */
export interface MeasurementSummary {
  kind: SloObjective;
  total: number;
  passed: number;
  lastObservedAt?: string;
}

/** The latest result of one quality test. @public */
export interface QualityTestResult {
  test: string;
  passed: boolean;
  observedAt: string;
  message?: string;
}

/** What pipelines reported about a product. @public */
export interface ProductMeasurements {
  summaries: MeasurementSummary[];
  qualityTests: QualityTestResult[];
}

/** Options of the SLO computation. @public */
export interface SloOptions {
  /** Length of the rolling window. */
  windowDays: number;
  /**
   * Share of freshness, completeness and accuracy checks that must meet the
   * target (availability's share is its target itself).
   */
  checkCompliancePercent: number;
}

/** The defaults: 30 days, 99% of checks. @public */
export const DEFAULT_SLO_OPTIONS: SloOptions = {
  windowDays: 30,
  checkCompliancePercent: 99,
};

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Whether one measurement meets the product's target, and the value stored
 * with it. Throws a TypeError naming the SLO when the product declares no
 * target that the measurement could be judged against.
 * @public
 */
export function judgeMeasurement(
  entity: DataProductEntityV1alpha1,
  measurement: Exclude<Measurement, { kind: 'quality_test' }>,
  observedAt: string,
): { passed: boolean; value: number | null } {
  const target = entity.spec.slo?.[measurement.kind]?.target;
  switch (measurement.kind) {
    case 'availability':
      if (parsePercentTarget(target) === undefined) {
        throw new TypeError(
          'declares no readable availability SLO (spec.slo.availability.target)',
        );
      }
      return { passed: measurement.up, value: measurement.up ? 100 : 0 };
    case 'freshness': {
      const seconds = parseDurationTarget(target);
      if (seconds === undefined) {
        throw new TypeError(
          'declares no readable freshness SLO (spec.slo.freshness.target)',
        );
      }
      const lag =
        (Date.parse(observedAt) - Date.parse(measurement.lastUpdatedAt)) / 1000;
      return { passed: lag <= seconds, value: Math.max(0, lag) };
    }
    default: {
      const percent = parsePercentTarget(target);
      if (percent === undefined) {
        throw new TypeError(
          `declares no readable ${measurement.kind} SLO (spec.slo.${measurement.kind}.target)`,
        );
      }
      return {
        passed: measurement.percent >= percent,
        value: measurement.percent,
      };
    }
  }
}

/**
 * Compliance of each declared objective over the window: the share of checks
 * that met the target, against the share required; and the error budget
 * left (the failures the required share allows, minus those that happened).
 * @public
 */
export function computeSloObjectives(
  entity: DataProductEntityV1alpha1,
  summaries: MeasurementSummary[],
  options: SloOptions = DEFAULT_SLO_OPTIONS,
): SloObjectiveStatus[] {
  const slo = entity.spec.slo ?? {};
  return SLO_OBJECTIVES.filter(objective => slo[objective]).map(objective => {
    const target = slo[objective]!.target;
    const required =
      objective === 'availability'
        ? parsePercentTarget(target) ?? 100
        : options.checkCompliancePercent;
    const summary = summaries.find(s => s.kind === objective);
    if (!summary || summary.total === 0) {
      return {
        objective,
        target: String(target),
        compliance: null,
        required,
        met: null,
        errorBudgetRemaining: null,
        measurements: 0,
      };
    }
    const failed = summary.total - summary.passed;
    const allowed = ((100 - required) / 100) * summary.total;
    const compliance = round((summary.passed / summary.total) * 100);
    let remaining: number;
    if (allowed > 0) {
      remaining = Math.max(0, round(100 * (1 - failed / allowed)));
    } else {
      remaining = failed === 0 ? 100 : 0;
    }
    return {
      objective,
      target: String(target),
      compliance,
      required,
      // Compared exactly: a rounded compliance could hide a breach.
      met: summary.passed * 100 >= required * summary.total,
      errorBudgetRemaining: remaining,
      measurements: summary.total,
      lastObservedAt: summary.lastObservedAt,
    };
  });
}
