import type {
  DomainRollup,
  Freshness,
  Kpi,
  KpiHistoryPoint,
  KpiHistorySeriesResponse,
  Scorecard,
  ScorecardSummary,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** Fresh figures (the last sweep completed), or stale ones with a reason. */
export function freshness(stale = false): Freshness {
  return stale
    ? {
        stale: true,
        reason:
          'The last governance sweep could not read the catalog: 503 Service Unavailable',
        computedAt: '2026-11-20T09:00:00.000Z',
        lastSweep: {
          startedAt: '2026-11-20T10:00:00.000Z',
          finishedAt: '2026-11-20T10:00:02.000Z',
          outcome: 'catalog-unavailable',
        },
      }
    : {
        stale: false,
        computedAt: '2026-11-20T10:00:02.000Z',
        lastSweep: {
          startedAt: '2026-11-20T10:00:00.000Z',
          finishedAt: '2026-11-20T10:00:02.000Z',
          outcome: 'ok',
        },
      };
}

export function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    entityRef: 'dataproduct:default/customer-360',
    score: 78,
    status: 'fail',
    evaluatedAt: '2026-11-20T10:00:00Z',
    policyVersion: 'abc123',
    violations: [
      {
        ruleId: 'SEC-002',
        severity: 'error',
        message: 'Retention policy not specified',
        remediation: 'Define data retention period',
        path: 'spec.access.retention',
        waived: false,
      },
      {
        ruleId: 'DOC-001',
        severity: 'warning',
        message: 'Field descriptions missing',
        remediation: 'Describe every schema field',
        path: 'spec.schema.fields[1].description',
        waived: true,
        waiver: {
          reason: 'Legacy feed, rewrite planned',
          expiresAt: '2027-01-31T00:00:00Z',
          source: 'api',
        },
      },
    ],
    ...overrides,
  };
}

export function summary(
  name: string,
  overrides: Partial<ScorecardSummary> = {},
): ScorecardSummary {
  return {
    entityRef: `dataproduct:default/${name}`,
    score: 90,
    status: 'pass',
    evaluatedAt: '2026-11-20T10:00:00Z',
    policyVersion: 'abc123',
    type: 'source-aligned',
    owner: 'group:default/team-a',
    errorCount: 0,
    warningCount: 1,
    waivedCount: 0,
    ...overrides,
  };
}

export function domainRollup(
  name: string,
  overrides: Partial<DomainRollup> = {},
): DomainRollup {
  return {
    domain: `domain:default/${name}`,
    title: name[0].toUpperCase() + name.slice(1),
    productCount: 4,
    averageScore: 82.5,
    minimumScore: 40,
    passCount: 2,
    warnCount: 1,
    failCount: 1,
    topFailingRules: [{ ruleId: 'SEC-002', count: 2 }],
    trend: [
      { day: '2026-11-19', averageScore: 80, productCount: 4 },
      { day: '2026-11-20', averageScore: 82.5, productCount: 4 },
    ],
    ...overrides,
  };
}

export function kpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'domains_onboarded',
    title: 'Domains onboarded',
    description: 'Share of domains with a product in production.',
    category: 'adoption',
    value: 83.3,
    unit: 'percent',
    target: 80,
    targetOperator: 'gte',
    targetLabel: '80% of identified domains',
    meetsTarget: true,
    byDomain: [
      {
        domain: 'domain:default/customer',
        title: 'Customer',
        value: 100,
        meetsTarget: true,
      },
      {
        domain: 'domain:default/order',
        title: 'Order',
        value: 0,
        meetsTarget: false,
      },
    ],
    ...overrides,
  };
}

/**
 * A `/kpis/history` body as the backend sends it (one series per KPI, aligned
 * with `dates`), from points as the client returns them.
 */
export function kpiHistoryBody(
  points: KpiHistoryPoint[],
  range: Partial<Omit<KpiHistorySeriesResponse, 'dates' | 'series'>> = {},
): KpiHistorySeriesResponse {
  const ids = [...new Set(points.flatMap(p => Object.keys(p.values)))];
  return {
    from: '2026-10-23',
    to: '2026-11-21',
    interval: 'day',
    ...range,
    dates: points.map(p => p.date),
    series: Object.fromEntries(
      ids.map(id => [
        id,
        points.map(p => p.values[id as keyof typeof p.values] ?? null),
      ]),
    ),
  };
}
