/** What a measurement measures. @public */
export type MeasurementKind =
  | 'freshness'
  | 'availability'
  | 'completeness'
  | 'accuracy'
  | 'quality_test';

/** The SLO objectives a product can declare and measure. @public */
export type SloObjective =
  | 'freshness'
  | 'availability'
  | 'completeness'
  | 'accuracy';

/** The SLO objectives, in display order. @public */
export const SLO_OBJECTIVES: readonly SloObjective[] = [
  'freshness',
  'availability',
  'completeness',
  'accuracy',
];

/**
 * A measurement a pipeline posts. `observedAt` (ISO-8601) defaults to the
 * time of the request.
 * @public
 */
export type Measurement =
  | { kind: 'freshness'; observedAt?: string; lastUpdatedAt: string }
  | { kind: 'availability'; observedAt?: string; up: boolean }
  | { kind: 'completeness'; observedAt?: string; percent: number }
  | { kind: 'accuracy'; observedAt?: string; percent: number }
  | {
      kind: 'quality_test';
      observedAt?: string;
      test: string;
      passed: boolean;
      testType?: string;
      message?: string;
    };

/** What a measurement post or import stored. @public */
export interface MeasurementsAccepted {
  accepted: number;
  /** The products the measurements were stored for. */
  products: string[];
  /** Test ids of an import that no product claims (see the mapping annotations). */
  unmatched?: string[];
}

/** Compliance of one SLO objective over the rolling window. @public */
export interface SloObjectiveStatus {
  objective: SloObjective;
  /** The declared target, as written (for example `1 hour`, `99.9%`). */
  target: string;
  /** Share of measurements within target, in percent; null without measurements. */
  compliance: number | null;
  /** The share the target demands (for example 99.9 for `99.9%`). */
  required: number;
  met: boolean | null;
  /** Error budget left, in percent of the budget (100 − used), floored at 0. */
  errorBudgetRemaining: number | null;
  measurements: number;
  lastObservedAt?: string;
}

/** SLO compliance and quality test results of a product. @public */
export interface SloStatusResponse {
  entityRef: string;
  window: { days: number; from: string; to: string };
  objectives: SloObjectiveStatus[];
  /** True when every measured objective is met; null when nothing is measured. */
  compliant: boolean | null;
  qualityTests: {
    total: number;
    passed: number;
    failed: number;
    lastRunAt?: string;
    failing: Array<{ test: string; observedAt: string; message?: string }>;
  };
}
