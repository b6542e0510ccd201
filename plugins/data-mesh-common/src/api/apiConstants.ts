import type { KpiId, ScorecardStatus, SloObjective } from './apiTypes';

/** The statuses, worst first. @public */
export const SCORECARD_STATUSES: readonly ScorecardStatus[] = [
  'fail',
  'warn',
  'pass',
];

/**
 * The most newly failing products a dry-run lists (all are counted), so that
 * its answer stays small whatever the number of products (the `maxItems` of
 * `DryRunResponse.newlyFailing`).
 * @public
 */
export const DRY_RUN_NEWLY_FAILING_LISTED = 1000;

/** The KPI ids, adoption first, then quality and consumption. @public */
export const KPI_IDS: readonly KpiId[] = [
  'domains_onboarded',
  'data_products_published',
  'self_serve_ratio',
  'slo_compliance',
  'data_quality_score',
  'documentation_completeness',
  'time_to_data',
  'data_product_consumers',
  'cross_domain_products',
];

/** The SLO objectives, in display order. @public */
export const SLO_OBJECTIVES: readonly SloObjective[] = [
  'freshness',
  'availability',
  'completeness',
  'accuracy',
];
