import type { Freshness } from './governanceTypes';
/** The nine mesh-adoption KPIs. @public */
export type KpiId =
  | 'domains_onboarded'
  | 'data_products_published'
  | 'self_serve_ratio'
  | 'slo_compliance'
  | 'data_quality_score'
  | 'documentation_completeness'
  | 'time_to_data'
  | 'data_product_consumers'
  | 'cross_domain_products';

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

/** How a KPI's value reads. @public */
export type KpiUnit = 'percent' | 'count' | 'score' | 'days' | 'consumers';

/** The groups of KPIs: adoption, quality, consumption. @public */
export type KpiCategory = 'adoption' | 'quality' | 'consumption';

/** A KPI's value in one domain. @public */
export interface KpiDomainValue {
  /** Entity ref of the Domain. */
  domain: string;
  title?: string;
  value: number | null;
  meetsTarget: boolean | null;
}

/** One KPI, its target and its breakdown by domain. @public */
export interface Kpi {
  id: KpiId;
  title: string;
  description: string;
  category: KpiCategory;
  /** Null when there is nothing to measure yet (for example no products). */
  value: number | null;
  unit: KpiUnit;
  target: number;
  /** `gte`: the value must reach the target; `lt`: stay below it. */
  targetOperator: 'gte' | 'lt';
  /** The target in words, for example `80% of identified domains`. */
  targetLabel: string;
  meetsTarget: boolean | null;
  byDomain: KpiDomainValue[];
}

/** The KPIs now. @public */
export interface KpisResponse {
  generatedAt: string;
  kpis: Kpi[];
  /** When the inputs were last computed, and whether they may be out of date. */
  freshness: Freshness;
}

/** The KPI values of one day (or week). @public */
export interface KpiHistoryPoint {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  date: string;
  values: Partial<Record<KpiId, number | null>>;
}

/**
 * KPI history as the API sends it: one series per KPI, aligned with
 * `dates` (a compact form; the client turns it into points).
 * @public
 */
export interface KpiHistorySeriesResponse {
  from: string;
  to: string;
  interval: 'day' | 'week';
  dates: string[];
  series: Partial<Record<KpiId, Array<number | null>>>;
  /** See {@link KpiHistoryResponse.restricted}. */
  restricted?: boolean;
}

/** KPI values over time, from daily snapshots. @public */
export interface KpiHistoryResponse {
  from: string;
  to: string;
  interval: 'day' | 'week';
  points: KpiHistoryPoint[];
  /**
   * True when the caller may not see every product: snapshots cover them
   * all, so no points are returned.
   */
  restricted?: boolean;
}
