import type { Kpi, KpiId } from '@datamesh-backstage/plugin-data-mesh-common';

/** A KPI without its measured values. */
export type KpiDefinition = Omit<Kpi, 'value' | 'meetsTarget' | 'byDomain'>;

/** The mesh-adoption KPIs, their targets, and how each is measured. */
export const KPI_DEFINITIONS: Record<KpiId, KpiDefinition> = {
  domains_onboarded: {
    id: 'domains_onboarded',
    title: 'Domains onboarded',
    description:
      'Share of the Domains in the catalog with at least one data product in production (products past their sunset date do not count).',
    category: 'adoption',
    unit: 'percent',
    target: 80,
    targetOperator: 'gte',
    targetLabel: '80% of identified domains within 18 months',
  },
  data_products_published: {
    id: 'data_products_published',
    title: 'Data products published',
    description:
      'Data products in production; products past the sunset date of their deprecation are not counted. The target is met when every domain has five or more.',
    category: 'adoption',
    unit: 'count',
    target: 5,
    targetOperator: 'gte',
    targetLabel: '5+ per domain',
  },
  self_serve_ratio: {
    id: 'self_serve_ratio',
    title: 'Self-serve ratio',
    description:
      'Share of data products created through the self-serve templates rather than by hand, as the scaffolder recorded it when the run succeeded (annotations are not counted).',
    category: 'adoption',
    unit: 'percent',
    target: 90,
    targetOperator: 'gte',
    targetLabel: '90%',
  },
  slo_compliance: {
    id: 'slo_compliance',
    title: 'SLO compliance',
    description:
      'Share of measured data products meeting every SLO over the rolling window.',
    category: 'quality',
    unit: 'percent',
    target: 95,
    targetOperator: 'gte',
    targetLabel: '95%',
  },
  data_quality_score: {
    id: 'data_quality_score',
    title: 'Data quality score',
    description: 'Average governance score of the data products.',
    category: 'quality',
    unit: 'score',
    target: 90,
    targetOperator: 'gte',
    targetLabel: '90+',
  },
  documentation_completeness: {
    id: 'documentation_completeness',
    title: 'Documentation completeness',
    description:
      'Share of data products without violations of the documentation rules (description, schema and field descriptions, freshness SLO).',
    category: 'quality',
    unit: 'percent',
    target: 100,
    targetOperator: 'gte',
    targetLabel: '100%',
  },
  time_to_data: {
    id: 'time_to_data',
    title: 'Time to data',
    description:
      'Median days from the template run that requested a data product (as the scaffolder recorded it) to the first evaluation that saw it in production.',
    category: 'consumption',
    unit: 'days',
    target: 1,
    targetOperator: 'lt',
    targetLabel: '< 1 day (was weeks)',
  },
  data_product_consumers: {
    id: 'data_product_consumers',
    title: 'Consumers per data product',
    description:
      'Average number of entities (products, services, dashboards, models) holding an active data sharing agreement on a data product. Consumers only declared in the catalog (annotations, input ports) without an agreement are reported apart as declared, not agreed.',
    category: 'consumption',
    unit: 'consumers',
    target: 3,
    targetOperator: 'gte',
    targetLabel: '3+ (indicates reuse)',
  },
  cross_domain_products: {
    id: 'cross_domain_products',
    title: 'Cross-domain products',
    description:
      'Data products holding an active data sharing agreement on a product of another domain. Products that only declare an upstream product of another domain (lineage) without an agreement are reported apart as declared, not agreed.',
    category: 'consumption',
    unit: 'count',
    target: 10,
    targetOperator: 'gte',
    targetLabel: '10+ (indicates mesh connectivity)',
  },
};
