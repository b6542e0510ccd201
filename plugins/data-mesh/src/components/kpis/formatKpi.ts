import type { Kpi, KpiUnit } from '@datamesh-backstage/plugin-data-mesh-common';
import { NO_VALUE } from '@datamesh-backstage/plugin-data-mesh-react';

const round = (value: number, digits: number) =>
  Number(value.toFixed(digits)).toLocaleString('en-US');

/** A KPI value in its unit, for people: `83.3%`, `27`, `0.8 days`. */
export function formatKpiValue(
  value: number | null | undefined,
  unit: KpiUnit,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  switch (unit) {
    case 'percent':
      return `${round(value, 1)}%`;
    case 'days':
      return `${round(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    case 'count':
      return round(value, 0);
    default:
      return round(value, 1);
  }
}

/** The target as a comparison: `≥ 80%`, `< 1 day`. */
export function formatKpiTarget(
  kpi: Pick<Kpi, 'target' | 'targetOperator' | 'unit'>,
) {
  const operator = kpi.targetOperator === 'lt' ? '<' : '≥';
  return `${operator} ${formatKpiValue(kpi.target, kpi.unit)}`;
}

/** The KPI categories, in display order. */
export const KPI_CATEGORIES = [
  { id: 'adoption', title: 'Adoption' },
  { id: 'quality', title: 'Quality' },
  { id: 'consumption', title: 'Consumption' },
] as const;
