import type { KpiInputsRow } from '../../database/KpiInputStore';
import { DomainSums, emptySums } from './computeKpis';

/** Days from a product's request to its first production, if both are known. */
export function deliveryDays(
  row: Pick<KpiInputsRow, 'requestedAt' | 'firstProductionAt'>,
) {
  if (!row.requestedAt || !row.firstProductionAt) return undefined;
  const days =
    (Date.parse(row.firstProductionAt) - Date.parse(row.requestedAt)) /
    86_400_000;
  return Number.isFinite(days) && days >= 0 ? days : undefined;
}

/**
 * Per-domain sums over stored products, in JavaScript, added to `sums`
 * when given: what the SQL aggregate (`sumsFromAggregate`) must agree with.
 */
export function sumsFromRows(
  rows: KpiInputsRow[],
  sums = new Map<string, DomainSums>(),
): Map<string, DomainSums> {
  for (const row of rows) {
    const s = sums.get(row.domain) ?? emptySums();
    sums.set(row.domain, s);
    s.products += 1;
    s.inProduction += row.lifecycle === 'production' ? 1 : 0;
    s.selfServe += row.selfServe ? 1 : 0;
    s.crossDomain += row.crossDomain ? 1 : 0;
    s.consumers += row.consumerCount;
    s.declaredCrossDomain += row.declaredCrossDomain ? 1 : 0;
    s.declaredConsumers += row.declaredConsumerCount;
    s.documented += row.documentationComplete ? 1 : 0;
    s.sloMeasured += row.sloCompliant === null ? 0 : 1;
    s.sloCompliant += row.sloCompliant ? 1 : 0;
    if (row.score !== null) {
      s.scoreSum += row.score;
      s.scored += 1;
    }
    const days = deliveryDays(row);
    if (days !== undefined) s.deliveryDays.push(days);
  }
  return sums;
}

/** Per-domain sums from the SQL aggregate and the delivery times. */
export function sumsFromAggregate(
  aggregate: Array<Record<string, any>>,
  deliveries: Array<
    Pick<KpiInputsRow, 'domain' | 'requestedAt' | 'firstProductionAt'>
  >,
): Map<string, DomainSums> {
  const sums = new Map<string, DomainSums>();
  for (const row of aggregate) {
    sums.set(row.domain, {
      products: Number(row.products),
      inProduction: Number(row.in_production),
      selfServe: Number(row.self_serve),
      crossDomain: Number(row.cross_domain),
      consumers: Number(row.consumers ?? 0),
      declaredCrossDomain: Number(row.declared_cross_domain ?? 0),
      declaredConsumers: Number(row.declared_consumers ?? 0),
      documented: Number(row.documented),
      sloMeasured: Number(row.slo_measured),
      sloCompliant: Number(row.slo_compliant ?? 0),
      scoreSum: Number(row.score_sum ?? 0),
      scored: Number(row.scored),
      deliveryDays: [],
    });
  }
  for (const delivery of deliveries) {
    const days = deliveryDays(delivery);
    if (days !== undefined) sums.get(delivery.domain)?.deliveryDays.push(days);
  }
  return sums;
}
