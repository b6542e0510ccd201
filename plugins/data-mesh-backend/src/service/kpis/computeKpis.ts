import {
  Kpi,
  KPI_IDS,
  KpiDomainValue,
  KpiId,
  NO_DOMAIN,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { KPI_DEFINITIONS } from './definitions';

/** Sums over the products of one domain. */
export interface DomainSums {
  products: number;
  inProduction: number;
  selfServe: number;
  /** Products holding an agreement on another domain's product. */
  crossDomain: number;
  /** Products reading another domain by declaration only. */
  declaredCrossDomain: number;
  /** Agreed consumers (distinct per product). */
  consumers: number;
  /** Declared consumers without an agreement. */
  declaredConsumers: number;
  documented: number;
  sloMeasured: number;
  sloCompliant: number;
  scoreSum: number;
  scored: number;
  /** Days from request to first production of each self-served product. */
  deliveryDays: number[];
}

/** Empty sums, to add products to. */
export const emptySums = (): DomainSums => ({
  products: 0,
  inProduction: 0,
  selfServe: 0,
  crossDomain: 0,
  declaredCrossDomain: 0,
  consumers: 0,
  declaredConsumers: 0,
  documented: 0,
  sloMeasured: 0,
  sloCompliant: 0,
  scoreSum: 0,
  scored: 0,
  deliveryDays: [],
});

function addSums(a: DomainSums, b: DomainSums): DomainSums {
  const total = emptySums();
  for (const key of Object.keys(total) as Array<keyof DomainSums>) {
    if (key === 'deliveryDays') {
      total.deliveryDays = [...a.deliveryDays, ...b.deliveryDays];
    } else {
      total[key] = a[key] + b[key];
    }
  }
  return total;
}

const round = (value: number) => Math.round(value * 100) / 100;
const percent = (part: number, whole: number) =>
  whole === 0 ? null : round((part / whole) * 100);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(
    sorted.length % 2
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2,
  );
}

/** The value of each KPI over a set of products (one domain or the mesh). */
const VALUES: Record<KpiId, (s: DomainSums) => number | null> = {
  // Per domain: 100 when onboarded, else 0; the mesh value counts domains.
  domains_onboarded: s => (s.inProduction > 0 ? 100 : 0),
  data_products_published: s => s.inProduction,
  self_serve_ratio: s => percent(s.selfServe, s.products),
  slo_compliance: s => percent(s.sloCompliant, s.sloMeasured),
  data_quality_score: s => (s.scored ? round(s.scoreSum / s.scored) : null),
  documentation_completeness: s => percent(s.documented, s.products),
  time_to_data: s => median(s.deliveryDays),
  data_product_consumers: s =>
    s.products ? round(s.consumers / s.products) : null,
  cross_domain_products: s => s.crossDomain,
};

/**
 * What the consumption KPIs report apart, as `declaredNotAgreed`: the
 * consumers and cross-domain reads declared in the catalog without an
 * agreement, in the KPI's unit.
 */
const DECLARED: Partial<Record<KpiId, (s: DomainSums) => number | null>> = {
  data_product_consumers: s =>
    s.products ? round(s.declaredConsumers / s.products) : null,
  cross_domain_products: s => s.declaredCrossDomain,
};

const declaredOf = (id: KpiId, s: DomainSums) => {
  const declared = DECLARED[id];
  return declared ? { declaredNotAgreed: declared(s) } : {};
};

function meets(id: KpiId, value: number | null): boolean | null {
  if (value === null) return null;
  const { target, targetOperator } = KPI_DEFINITIONS[id];
  return targetOperator === 'gte' ? value >= target : value < target;
}

/**
 * The nine KPIs from per-domain sums. `domains` are the Domains identified in
 * the catalog (entity ref → title); domains that only appear on products are
 * broken down too, but do not count as identified.
 */
export function computeKpis(
  domains: Map<string, { title?: string }>,
  sums: Map<string, DomainSums>,
): Kpi[] {
  const refs = [...new Set([...domains.keys(), ...sums.keys()])].sort();
  const mesh = refs.reduce(
    (total, ref) => addSums(total, sums.get(ref) ?? emptySums()),
    emptySums(),
  );
  const onboarded = [...domains.keys()].filter(
    ref => (sums.get(ref)?.inProduction ?? 0) > 0,
  );

  return KPI_IDS.map(id => {
    const byDomain: KpiDomainValue[] = refs.map(ref => {
      const domainSums = sums.get(ref) ?? emptySums();
      const value = VALUES[id](domainSums);
      const domainMeets =
        id === 'domains_onboarded'
          ? domainSums.inProduction > 0
          : meets(id, value);
      return {
        domain: ref,
        title: ref === NO_DOMAIN ? 'No domain' : domains.get(ref)?.title,
        value,
        meetsTarget: domainMeets,
        ...declaredOf(id, domainSums),
      };
    });
    let value: number | null;
    let meetsTarget: boolean | null;
    if (id === 'domains_onboarded') {
      value = percent(onboarded.length, domains.size);
      meetsTarget = meets(id, value);
    } else if (id === 'data_products_published') {
      value = mesh.inProduction;
      const identified = byDomain.filter(d => domains.has(d.domain));
      meetsTarget = identified.length
        ? identified.every(d => d.meetsTarget)
        : null;
    } else {
      value = VALUES[id](mesh);
      meetsTarget = meets(id, value);
    }
    return {
      ...KPI_DEFINITIONS[id],
      value,
      meetsTarget,
      ...declaredOf(id, mesh),
      byDomain,
    };
  });
}
